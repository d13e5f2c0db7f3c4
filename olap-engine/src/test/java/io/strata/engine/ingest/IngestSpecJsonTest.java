package io.strata.engine.ingest;

import io.strata.engine.input.TimestampSpec;
import io.strata.engine.input.TimestampFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.CsvInputFormatSpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.json.SpecNode;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class IngestSpecJsonTest {

	/** A dataSchema as a Druid user writes it, with every aggregator type. */
	static final String DATA_SCHEMA = """
			{
			  "dataSource": "usage",
			  "timestampSpec": {"column": "timestamp", "format": "iso", "missingValue": "2026-01-01T00:00:00Z"},
			  "dimensionsSpec": {
			    "dimensions": [
			      "accountId",
			      {"type": "string", "name": "apiName"},
			      {"type": "long", "name": "statusCode"},
			      {"type": "double", "name": "price"},
			      {"type": "float", "name": "score"},
			      {"type": "string", "name": "bundles", "multiValueHandling": "SORTED_SET", "createBitmapIndex": true}
			    ],
			    "dimensionExclusions": ["eventId"]
			  },
			  "metricsSpec": [
			    {"type": "count", "name": "count"},
			    {"type": "longSum", "name": "latencySum", "fieldName": "latencyMs"},
			    {"type": "longMin", "name": "latencyMin", "fieldName": "latencyMs"},
			    {"type": "longMax", "name": "latencyMax", "fieldName": "latencyMs"},
			    {"type": "doubleSum", "name": "bytesSum", "fieldName": "bytes"},
			    {"type": "doubleMin", "name": "bytesMin", "fieldName": "bytes"},
			    {"type": "doubleMax", "name": "bytesMax", "fieldName": "bytes"},
			    {"type": "floatSum", "name": "fSum", "fieldName": "bytes"},
			    {"type": "floatMin", "name": "fMin", "fieldName": "bytes"},
			    {"type": "floatMax", "name": "fMax", "fieldName": "bytes"},
			    {"type": "HLLSketchBuild", "name": "users", "fieldName": "userId", "lgK": 14, "tgtHllType": "HLL_8"},
			    {"type": "HLLSketchMerge", "name": "usersMerged", "fieldName": "usersSketch"},
			    {"type": "thetaSketch", "name": "usersTheta", "fieldName": "userId", "size": 4096},
			    {"type": "quantilesDoublesSketch", "name": "latencyQuantiles", "fieldName": "latencyMs", "k": 256}
			  ],
			  "granularitySpec": {
			    "type": "uniform",
			    "segmentGranularity": "DAY",
			    "queryGranularity": {"type": "minute"},
			    "rollup": true,
			    "intervals": ["2026-10-01/2026-11-01"]
			  }
			}
			""";

	private final IngestSpecJson json = new IngestSpecJson();

	@Test
	void readsAFullDataSchema() {
		DataSchema schema = json.readDataSchema(DATA_SCHEMA);

		assertThat(schema.dataSource()).isEqualTo("usage");
		assertThat(schema.timestampSpec()).isEqualTo(new TimestampSpec("timestamp", TimestampFormat.ISO,
				Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
		assertThat(schema.dimensionsSpec().dimensions()).containsExactly(DimensionSchema.string("accountId"),
				DimensionSchema.string("apiName"), DimensionSchema.of("statusCode", ColumnType.LONG),
				DimensionSchema.of("price", ColumnType.DOUBLE), DimensionSchema.of("score", ColumnType.FLOAT),
				new DimensionSchema("bundles", ColumnType.STRING, MultiValueHandling.SORTED_SET, true));
		assertThat(schema.dimensionsSpec().dimensionExclusions()).containsExactly("eventId");
		assertThat(schema.dimensionsSpec().discoversDimensions()).isFalse();
		assertThat(schema.metricsSpec()).containsExactly(new CountAggregatorSpec("count"),
				numeric(NumericAggregation.LONG_SUM, "latencySum", "latencyMs"),
				numeric(NumericAggregation.LONG_MIN, "latencyMin", "latencyMs"),
				numeric(NumericAggregation.LONG_MAX, "latencyMax", "latencyMs"),
				numeric(NumericAggregation.DOUBLE_SUM, "bytesSum", "bytes"),
				numeric(NumericAggregation.DOUBLE_MIN, "bytesMin", "bytes"),
				numeric(NumericAggregation.DOUBLE_MAX, "bytesMax", "bytes"),
				numeric(NumericAggregation.FLOAT_SUM, "fSum", "bytes"),
				numeric(NumericAggregation.FLOAT_MIN, "fMin", "bytes"),
				numeric(NumericAggregation.FLOAT_MAX, "fMax", "bytes"),
				new HllSketchAggregatorSpec("users", "userId", 14, "HLL_8", false, false),
				new HllSketchAggregatorSpec("usersMerged", "usersSketch", 12, "HLL_4", false, true),
				new ThetaSketchAggregatorSpec("usersTheta", "userId", 4096, false),
				new QuantilesSketchAggregatorSpec("latencyQuantiles", "latencyMs", 256));
		assertThat(schema.granularitySpec()).isEqualTo(new GranularitySpec(Granularity.named("day"),
				Granularity.named("minute"), true, List.of(Interval.parse("2026-10-01/2026-11-01"))));
		assertThat(schema.metricsSpec()).extracting(AggregatorSpec::storedType)
			.contains(ColumnType.LONG, ColumnType.DOUBLE, ColumnType.FLOAT, ColumnType.HLL_SKETCH,
					ColumnType.THETA_SKETCH, ColumnType.QUANTILES_DOUBLES_SKETCH);
		assertThat(schema.discoveryExclusions()).contains("eventId", "timestamp", "__time", "latencyMs", "bytes",
				"userId", "usersSketch", "count", "users");
	}

	@Test
	void writesBackWhatItReads() {
		DataSchema schema = json.readDataSchema(DATA_SCHEMA);
		String written = json.toJson(json.writeDataSchema(schema));
		DataSchema reread = json.readDataSchema(written);
		assertThat(reread).isEqualTo(schema);
		assertThat(json.toJson(json.writeDataSchema(reread))).isEqualTo(written);
	}

	@Test
	void defaultsFollowDruid() {
		DataSchema schema = json.readDataSchema("{\"dataSource\":\"d\",\"timestampSpec\":{}}");
		assertThat(schema.timestampSpec()).isEqualTo(TimestampSpec.of("timestamp", TimestampFormat.AUTO));
		assertThat(schema.dimensionsSpec().discoversDimensions()).isTrue();
		assertThat(schema.metricsSpec()).isEmpty();
		assertThat(schema.granularitySpec()).isEqualTo(GranularitySpec.defaults());
		assertThat(json.readDataSchema(json.toJson(json.writeDataSchema(schema)))).isEqualTo(schema);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"unknown aggregator|`{\"type\":\"longAverage\",\"name\":\"x\",\"fieldName\":\"y\"}`|dataSchema.metricsSpec[1].type|longAverage",
			"missing fieldName|`{\"type\":\"longSum\",\"name\":\"x\"}`|dataSchema.metricsSpec[1].fieldName|is required",
			"bad lgK|`{\"type\":\"HLLSketchBuild\",\"name\":\"x\",\"fieldName\":\"u\",\"lgK\":25}`|dataSchema.metricsSpec[1]|lgK",
			"bad tgtHllType|`{\"type\":\"HLLSketchBuild\",\"name\":\"x\",\"fieldName\":\"u\",\"tgtHllType\":\"HLL_5\"}`|dataSchema.metricsSpec[1]|tgtHllType",
			"lgK as text|`{\"type\":\"HLLSketchBuild\",\"name\":\"x\",\"fieldName\":\"u\",\"lgK\":\"big\"}`|dataSchema.metricsSpec[1].lgK|whole number",
			"bad theta size|`{\"type\":\"thetaSketch\",\"name\":\"x\",\"fieldName\":\"u\",\"size\":1000}`|dataSchema.metricsSpec[1]|power of 2",
			"bad quantiles k|`{\"type\":\"quantilesDoublesSketch\",\"name\":\"x\",\"fieldName\":\"u\",\"k\":3}`|dataSchema.metricsSpec[1]|power of 2",
			"name as number|`{\"type\":\"count\",\"name\":7}`|dataSchema.metricsSpec[1].name|must be a string",
			"metric not an object|`\"count\"`|dataSchema.metricsSpec[1]|must be a JSON object",
			"expression|`{\"type\":\"longSum\",\"name\":\"x\",\"expression\":\"a+b\"}`|dataSchema.metricsSpec[1].expression|not supported" })
	void invalidMetricsNameTheirFieldPath(String title, String metric, String path, String problem) {
		String spec = "{\"dataSource\":\"d\",\"timestampSpec\":{},\"metricsSpec\":[{\"type\":\"count\",\"name\":\"c\"},"
				+ metric + "]}";
		assertInvalid(spec, path, problem);
	}

	@Test
	void invalidSpecsNameTheirFieldPath() {
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"granularitySpec\":{\"segmentGranularity\":\"fortnight\"}}",
				"dataSchema.granularitySpec.segmentGranularity", "unknown granularity");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"granularitySpec\":{\"queryGranularity\":{\"type\":\"period\",\"period\":\"P1Q\"}}}",
				"dataSchema.granularitySpec.queryGranularity", "unknown unit");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"granularitySpec\":{\"rollup\":\"maybe\"}}",
				"dataSchema.granularitySpec.rollup", "true or false");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"granularitySpec\":{\"intervals\":[\"2026-10-01\"]}}",
				"dataSchema.granularitySpec.intervals[0]", "start/end");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[\"a\",{\"name\":\"a\",\"type\":\"long\"}]}}",
				"dataSchema.dimensionsSpec", "[a] is listed twice");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":\"a,b\"}}",
				"dataSchema.dimensionsSpec.dimensions", "must be an array");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[{\"name\":\"a\",\"type\":\"json\"}]}}",
				"dataSchema.dimensionsSpec.dimensions[0].type", "unknown dimension type");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[{\"type\":\"long\"}]}}",
				"dataSchema.dimensionsSpec.dimensions[0].name", "is required");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"dimensionsSpec\":{\"dimensions\":[\"ok\",17]}}",
				"dataSchema.dimensionsSpec.dimensions[1]", "must be a JSON object");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{\"format\":\"joda\"}}",
				"dataSchema.timestampSpec.format", "unknown timestamp format");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{\"missingValue\":\"soon\"}}",
				"dataSchema.timestampSpec.missingValue", "ISO-8601");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":[]}", "dataSchema.timestampSpec", "must be a JSON object");
		assertInvalid("{\"dataSource\":\"d\"}", "dataSchema.timestampSpec", "is required");
		assertInvalid("{\"timestampSpec\":{}}", "dataSchema.dataSource", "is required");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"metricsSpec\":[{\"type\":\"count\",\"name\":\"a\"},"
				+ "{\"type\":\"count\",\"name\":\"a\"}]}", "dataSchema", "[a] has the name of another column");
		assertInvalid("{\"dataSource\":\"d\",\"timestampSpec\":{},\"metricsSpec\":{\"type\":\"count\"}}",
				"dataSchema.metricsSpec", "must be an array");
		assertInvalid("[1]", "dataSchema", "must be a JSON object");
	}

	@Test
	void malformedJsonIsAnInvalidSpec() {
		assertThatThrownBy(() -> json.readDataSchema("{\"dataSource\":")).isInstanceOf(StrataException.class)
			.hasMessageStartingWith("Invalid spec: dataSchema is not valid JSON")
			.extracting(ex -> ((StrataException) ex).errorCode())
			.isEqualTo(ErrorCode.INVALID_SPEC);
	}

	@Test
	void readsInputFormats() {
		JsonMapper mapper = JsonMapper.builder().build();
		assertThat(json.readInputFormat(SpecNode.root(mapper.readTree("{\"type\":\"json\"}"), "inputFormat")))
			.isEqualTo(new JsonInputFormatSpec());
		assertThat(json.readInputFormat(SpecNode.root(
				mapper.readTree("{\"type\":\"csv\",\"columns\":[\"a\",\"b\"],\"listDelimiter\":\"|\",\"skipHeaderRows\":1}"),
				"inputFormat")))
			.isEqualTo(new CsvInputFormatSpec(List.of("a", "b"), false, "|", 1));
		assertThat(json.readInputFormat(SpecNode.root(mapper.readTree("{\"type\":\"csv\"}"), "inputFormat")))
			.isEqualTo(CsvInputFormatSpec.withHeader());
		assertThatThrownBy(() -> json.readInputFormat(SpecNode.root(mapper.readTree("{\"type\":\"orc\"}"), "inputFormat")))
			.hasMessageContaining("field[inputFormat.type]");
		assertThatThrownBy(() -> json.readInputFormat(
				SpecNode.root(mapper.readTree("{\"type\":\"csv\",\"columns\":[\"a\"],\"findColumnsFromHeader\":true}"), "inputFormat")))
			.hasMessageContaining("field[inputFormat]")
			.hasMessageContaining("exclude each other");
	}

	private void assertInvalid(String spec, String path, String problem) {
		assertThatThrownBy(() -> json.readDataSchema(spec)).as(spec)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("field[" + path + "]")
			.hasMessageContaining(problem);
	}

	private static NumericAggregatorSpec numeric(NumericAggregation aggregation, String name, String field) {
		return new NumericAggregatorSpec(aggregation, name, field);
	}

}
