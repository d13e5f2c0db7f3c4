package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputRow;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Druid's transformSpec semantics on single rows: transforms on the row as parsed, then the filter. */
class RowTransformerTest {

	private static final long TIME = IsoTime.parse("2026-10-01T10:17:23.456Z");

	private static final long HOUR = 3_600_000L;

	private final IngestSpecJson json = new IngestSpecJson();

	private RowTransformer transformer(String transformSpec) {
		return new RowTransformer(this.json
			.readDataSchema("{\"dataSource\":\"d\",\"timestampSpec\":{},\"transformSpec\":" + transformSpec + "}")
			.transformSpec());
	}

	private static String transforms(String... nameExpressionPairs) {
		StringBuilder out = new StringBuilder("{\"transforms\":[");
		for (int i = 0; i < nameExpressionPairs.length; i += 2) {
			out.append(i == 0 ? "" : ",")
				.append("{\"type\":\"expression\",\"name\":\"")
				.append(nameExpressionPairs[i])
				.append("\",\"expression\":\"")
				.append(nameExpressionPairs[i + 1].replace("\"", "\\\""))
				.append("\"}");
		}
		return out.append("]}").toString();
	}

	@Test
	void aTransformAddsAFieldAndOneNamedLikeAnInputFieldReplacesIt() {
		RowTransformer transformer = transformer(
				transforms("apiUpper", "upper(apiName)", "apiName", "concat('v2/', apiName)"));
		InputRow input = TestSegments.row(TIME, "apiName", "search", "statusCode", 500L);
		InputRow row = transformer.transform(input);
		assertThat(row.fields()).containsExactly(Map.entry("apiName", "v2/search"), Map.entry("statusCode", 500L),
				Map.entry("apiUpper", "SEARCH"));
		assertThat(row.timestampMillis()).isEqualTo(TIME);
		// the input row is left as it was: transforming it again gives the same row
		assertThat(input.get("apiName")).isEqualTo("search");
		assertThat(transformer.transform(input)).isEqualTo(row);
	}

	@Test
	void transformsReadTheInputFieldsNotEachOthersOutputs() {
		RowTransformer transformer = transformer(transforms("x", "x + 1", "y", "x * 10", "z", "y"));
		InputRow row = transformer.transform(TestSegments.row(TIME, "x", 2L));
		assertThat(row.get("x")).isEqualTo(3L);
		assertThat(row.get("y")).isEqualTo(20L);
		// z reads the input's y, which the row does not have
		assertThat(row.fields()).containsEntry("z", null);
	}

	@Test
	void aTransformNamedTimeRewritesTheRowsTime() {
		InputRow floored = transformer(transforms("__time", "timestamp_floor(__time, 'PT1H')", "hour",
				"timestamp_extract(__time, 'HOUR')"))
			.transform(TestSegments.row(TIME, "a", "x"));
		assertThat(floored.timestampMillis()).isEqualTo(IsoTime.parse("2026-10-01T10:00:00Z"));
		// __time is a time, not a field; other transforms read the time as parsed
		assertThat(floored.fields()).containsOnlyKeys("a", "hour");
		assertThat(floored.get("hour")).isEqualTo(10L);

		RowTransformer fromField = transformer(transforms("__time", "eventTime"));
		assertThat(fromField.transform(TestSegments.row(TIME, "eventTime", TIME + HOUR)).timestampMillis())
			.isEqualTo(TIME + HOUR);
		assertThat(fromField.transform(TestSegments.row(TIME, "eventTime", Long.toString(TIME - HOUR))).timestampMillis())
			.isEqualTo(TIME - HOUR);
		assertThat(fromField.transform(TestSegments.row(TIME, "eventTime", (double) TIME + 0.9)).timestampMillis())
			.isEqualTo(TIME);
	}

	@Test
	void aTimeThatIsNoNumberOrAnExpressionThatFailsMakesTheRowUnparseable() {
		RowTransformer fromField = transformer(transforms("__time", "eventTime"));
		assertThatThrownBy(() -> fromField.transform(TestSegments.row(TIME, "a", "x")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("Transform[__time] gave null");
		assertThatThrownBy(() -> fromField.transform(TestSegments.row(TIME, "eventTime", "yesterday")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("no number");
		RowTransformer dividing = transformer(transforms("perCall", "bytes / calls"));
		assertThat(dividing.transform(TestSegments.row(TIME, "bytes", 10L, "calls", 4L)).get("perCall")).isEqualTo(2L);
		assertThatThrownBy(() -> dividing.transform(TestSegments.row(TIME, "bytes", 10L, "calls", 0L)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("Transform[perCall] cannot be evaluated")
			.hasMessageContaining("division by zero");
	}

	@Test
	void aMultiValueInputGivesOneValuePerValue() {
		RowTransformer transformer = transformer(transforms("bundles", "upper(bundles)", "tagged",
				"concat(region, ':', bundles)"));
		InputRow row = transformer.transform(TestSegments.row(TIME, "bundles", List.of("geo", "fraud"), "region",
				List.of("eu", "us")));
		assertThat(row.get("bundles")).isEqualTo(List.of("GEO", "FRAUD"));
		assertThat(row.get("tagged")).isEqualTo(List.of("eu:geo", "us:geo", "eu:fraud", "us:fraud"));
		InputRow empty = transformer.transform(TestSegments.row(TIME, "bundles", List.of(), "region", "eu"));
		assertThat(empty.fields()).containsEntry("bundles", null).containsEntry("tagged", null);
	}

	@Test
	void theFilterSeesTheTransformedRow() {
		RowTransformer transformer = transformer("""
				{"transforms": [{"type": "expression", "name": "statusCode", "expression": "statusCode / 100"}],
				 "filter": {"type": "selector", "dimension": "statusCode", "value": "5"}}""");
		assertThat(transformer.keeps(transformer.transform(TestSegments.row(TIME, "statusCode", 503L)))).isTrue();
		assertThat(transformer.keeps(transformer.transform(TestSegments.row(TIME, "statusCode", 200L)))).isFalse();
		// a row without the field: the selector is unknown, so the row is not kept
		assertThat(transformer.keeps(transformer.transform(TestSegments.row(TIME, "other", 1L)))).isFalse();
	}

	@Test
	void theFilterComparesInputValuesAsDruidsUntypedRowsDo() {
		RowTransformer transformer = transformer("""
				{"filter": {"type": "in", "dimension": "statusCode", "values": ["500", "true"]}}""");
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", 500L))).isTrue();
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", "500"))).isTrue();
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", true))).isTrue();
		// a double prints as 500.0, which is not "500"
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", 500.0))).isFalse();
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", List.of("404", "500")))).isTrue();
		assertThat(transformer.keeps(TestSegments.row(TIME, "statusCode", List.of("404")))).isFalse();
	}

	@Test
	void theFilterReadsTheTimeAndEvaluatesExpressions() {
		RowTransformer hours = transformer("""
				{"filter": {"type": "interval", "dimension": "__time",
				            "intervals": ["2026-10-01T10:00:00Z/2026-10-01T11:00:00Z"]}}""");
		assertThat(hours.keeps(TestSegments.row(TIME, "a", "x"))).isTrue();
		assertThat(hours.keeps(TestSegments.row(TIME + HOUR, "a", "x"))).isFalse();

		RowTransformer expression = transformer("""
				{"filter": {"type": "not", "field": {"type": "expression", "expression": "latencyMs > 100"}}}""");
		assertThat(expression.keeps(TestSegments.row(TIME, "latencyMs", 50L))).isTrue();
		assertThat(expression.keeps(TestSegments.row(TIME, "latencyMs", 150L))).isFalse();
		assertThat(expression.keeps(TestSegments.row(TIME, "latencyMs", List.of(50L, 150L)))).isFalse();
		// null is unknown, and not of unknown stays unknown
		assertThat(expression.keeps(TestSegments.row(TIME, "a", "x"))).isFalse();

		RowTransformer failing = transformer("""
				{"filter": {"type": "expression", "expression": "bytes / calls > 1"}}""");
		assertThatThrownBy(() -> failing.keeps(TestSegments.row(TIME, "bytes", 1L, "calls", 0L)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("transformSpec filter");
	}

	@Test
	void withoutTransformsTheRowPassesUnchanged() {
		RowTransformer none = new RowTransformer(TransformSpec.NONE);
		InputRow row = TestSegments.row(TIME, "a", "x");
		assertThat(none.transform(row)).isSameAs(row);
		assertThat(none.keeps(row)).isTrue();
	}

}
