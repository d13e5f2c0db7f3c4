package io.strata.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.json.SpecNode;
import io.strata.engine.query.QueryJson;
import io.strata.engine.query.filter.DimFilter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Filters on rows of named values: typed result rows (having) and untyped input rows (transformSpec). */
class RowMatcherTest {

	private static DimFilter filter(String json) {
		return new QueryJson().readFilter(SpecNode.root(JsonMapper.builder().build().readTree(json), "filter"));
	}

	private static boolean matches(String filter, RowMatcher.NumberEquality numbers, Object value) {
		Map<String, Object> row = new HashMap<>();
		row.put("x", value);
		return new RowMatcher(filter(filter), numbers).matches(row::get);
	}

	@Test
	void resultRowsCompareNumbersAsNumbersAndInputRowsAsText() {
		String four = "{\"type\":\"selector\",\"dimension\":\"x\",\"value\":\"4\"}";
		assertThat(matches(four, RowMatcher.NumberEquality.NUMERIC, 4.0)).isTrue();
		assertThat(matches(four, RowMatcher.NumberEquality.NUMERIC, 4L)).isTrue();
		assertThat(matches(four, RowMatcher.NumberEquality.TEXT, 4L)).isTrue();
		assertThat(matches(four, RowMatcher.NumberEquality.TEXT, 4.0)).isFalse();
		assertThat(matches(four, RowMatcher.NumberEquality.TEXT, "4")).isTrue();
	}

	@Test
	void aListAnswersAsItsValuesAndAnEmptyOneIsNull() {
		String a = "{\"type\":\"selector\",\"dimension\":\"x\",\"value\":\"a\"}";
		String notA = "{\"type\":\"not\",\"field\":" + a + "}";
		String isNull = "{\"type\":\"null\",\"column\":\"x\"}";
		assertThat(matches(a, RowMatcher.NumberEquality.TEXT, List.of("b", "a"))).isTrue();
		assertThat(matches(notA, RowMatcher.NumberEquality.TEXT, List.of("b", "a"))).isFalse();
		assertThat(matches(notA, RowMatcher.NumberEquality.TEXT, List.of("b", "c"))).isTrue();
		assertThat(matches(isNull, RowMatcher.NumberEquality.TEXT, List.of())).isTrue();
		assertThat(matches(isNull, RowMatcher.NumberEquality.TEXT, List.of("b"))).isFalse();
		// null is unknown to a selector, and not of unknown stays unknown
		assertThat(matches(notA, RowMatcher.NumberEquality.TEXT, null)).isFalse();
		assertThat(matches(notA, RowMatcher.NumberEquality.TEXT, List.of())).isFalse();
		String like = "{\"type\":\"like\",\"dimension\":\"x\",\"pattern\":\"ge%\"}";
		assertThat(matches(like, RowMatcher.NumberEquality.TEXT, List.of("fraud", "geo"))).isTrue();
	}

}
