package io.strata.engine.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Druid's string orderings on hand-sorted lists. */
class StringOrderingTest {

	private static List<String> sorted(StringOrdering ordering, String... values) {
		List<String> list = new ArrayList<>(Arrays.asList(values));
		list.sort(ordering);
		return list;
	}

	@Test
	void eachOrderingSortsNullFirst() {
		// UTF-8 bytes: upper case before lower case, "10" before "9"
		assertThat(sorted(StringOrdering.LEXICOGRAPHIC, "b", "9", null, "B", "10"))
			.containsExactly(null, "10", "9", "B", "b");
		// digit runs as numbers, leading zeros after; letters without case; digits before letters
		assertThat(sorted(StringOrdering.ALPHANUMERIC, "file10", "file9", "File2", "file02", null, "a", "1", ""))
			.containsExactly(null, "", "1", "a", "File2", "file02", "file9", "file10");
		// length first, then the values
		assertThat(sorted(StringOrdering.STRLEN, "ccc", "b", "aa", null, "a")).containsExactly(null, "a", "b", "aa", "ccc");
		// numbers by value, text that is no number before them
		assertThat(sorted(StringOrdering.NUMERIC, "10", "9.5", "-1", "x", null, "1e1", "abc"))
			.containsExactly(null, "abc", "x", "-1", "9.5", "10", "1e1");
		assertThat(StringOrdering.named("strlen")).isEqualTo(StringOrdering.STRLEN);
	}

}
