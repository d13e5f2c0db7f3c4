package io.strata.engine.query;

import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.IsoTime;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shapes of {@code finalize: false} answers and of the broker merge, on hand-written rows in two
 * segments of one day (partitions 0 and 1); every expected value is worked out by hand from the
 * rows below.
 *
 * <pre>
 * segment time   api tags    latency ratio user
 * p0      00:10  a   [x, y]  10      1.5   u1
 * p0      00:50  b   []      null    2.5   u2
 * p1      01:05  a   [y]     30      3.0   u1
 * p1      03:00  c   [x]     40      4.0   u3
 * </pre>
 */
class QueryMergeGoldenTest {

	@TempDir
	static Path directory;

	private static Segment first;

	private static Segment second;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final long T0010 = IsoTime.parse("2026-01-01T00:10:00Z");

	private static final long T0050 = IsoTime.parse("2026-01-01T00:50:00Z");

	private static final long T0105 = IsoTime.parse("2026-01-01T01:05:00Z");

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "tags", "user"]},
				 "metricsSpec": [{"type": "count", "name": "rows"},
				                 {"type": "longSum", "name": "latency", "fieldName": "latency"},
				                 {"type": "doubleSum", "name": "ratio", "fieldName": "ratio"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		IncrementalIndex p0 = new IncrementalIndex(schema);
		add(p0, T0010, "a", List.of("x", "y"), 10L, 1.5, "u1");
		add(p0, T0050, "b", List.of(), null, 2.5, "u2");
		IncrementalIndex p1 = new IncrementalIndex(schema);
		add(p1, T0105, "a", List.of("y"), 30L, 3.0, "u1");
		add(p1, IsoTime.parse("2026-01-01T03:00:00Z"), "c", List.of("x"), 40L, 4.0, "u3");
		first = TestSegments.persist(p0, TestSegments.id("usage", "2026-01-01/2026-01-02", 0), directory);
		second = TestSegments.persist(p1, TestSegments.id("usage", "2026-01-01/2026-01-02", 1), directory);
	}

	private static void add(IncrementalIndex index, long time, String api, List<String> tags, Long latency,
			double ratio, String user) {
		index.add(TestSegments.row(time, "api", api, "tags", tags, "latency", latency, "ratio", ratio, "user", user));
	}

	@AfterAll
	static void close() {
		first.close();
		second.close();
	}

	@Test
	void timeseriesAnswersIntermediateValuesWithoutPostAggregatorsOrGrandTotal() {
		String answer = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "granularity": "hour", "descending": true, "limit": 3,
				 "aggregations": [{"type": "count", "name": "n"}, {"type": "longSum", "name": "latency", "fieldName": "latency"},
				   {"type": "doubleMax", "name": "maxRatio", "fieldName": "ratio"},
				   {"type": "floatSum", "name": "floatRatio", "fieldName": "ratio"},
				   {"type": "longFirst", "name": "firstLatency", "fieldName": "latency"},
				   {"type": "longLast", "name": "lastLatency", "fieldName": "latency"},
				   {"type": "filtered", "filter": {"type": "selector", "dimension": "api", "value": "b"},
				    "aggregator": {"type": "count", "name": "apiB"}}],
				 "postAggregations": [{"type": "constant", "name": "one", "value": 1}],
				 "context": {"strataPartialResults": true, "grandTotal": true}}
				""", List.of(second));
		// p1's rows are at 01:05 (a, latency 30, ratio 3.0) and 03:00 (c, 40, 4.0): its buckets run from
		// hour 01 to hour 03 (Druid clips a segment to its rows), so descending with limit 3 is hours
		// 03, 02 (empty, filled) and 01. Empty buckets: count 0, sums and maxes null, first/last
		// Druid's pair before any row
		String empty = "{\"n\":0,\"latency\":null,\"maxRatio\":null,\"floatRatio\":null,"
				+ "\"firstLatency\":{\"lhs\":9223372036854775807,\"rhs\":null},"
				+ "\"lastLatency\":{\"lhs\":-9223372036854775808,\"rhs\":null},\"apiB\":0}";
		long t0300 = IsoTime.parse("2026-01-01T03:00:00Z");
		assertThat(answer).isEqualTo("[{\"timestamp\":\"2026-01-01T03:00:00.000Z\",\"result\":{\"n\":1,\"latency\":40,"
				+ "\"maxRatio\":4.0,\"floatRatio\":4.0,\"firstLatency\":{\"lhs\":" + t0300 + ",\"rhs\":40},"
				+ "\"lastLatency\":{\"lhs\":" + t0300 + ",\"rhs\":40},\"apiB\":0}},"
				+ "{\"timestamp\":\"2026-01-01T02:00:00.000Z\",\"result\":" + empty + "},"
				+ "{\"timestamp\":\"2026-01-01T01:00:00.000Z\",\"result\":{\"n\":1,\"latency\":30,"
				+ "\"maxRatio\":3.0,\"floatRatio\":3.0,\"firstLatency\":{\"lhs\":" + T0105 + ",\"rhs\":30},"
				+ "\"lastLatency\":{\"lhs\":" + T0105 + ",\"rhs\":30},\"apiB\":0}}]");
		// hour 00 of p0: rows at 00:10 (latency 10) and 00:50 (latency null, api b); the last row's value is null
		String hour0 = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01T00/2026-01-01T01",
				 "granularity": "hour",
				 "aggregations": [{"type": "count", "name": "n"}, {"type": "longSum", "name": "latency", "fieldName": "latency"},
				   {"type": "doubleMax", "name": "maxRatio", "fieldName": "ratio"},
				   {"type": "floatSum", "name": "floatRatio", "fieldName": "ratio"},
				   {"type": "longFirst", "name": "firstLatency", "fieldName": "latency"},
				   {"type": "longLast", "name": "lastLatency", "fieldName": "latency"},
				   {"type": "filtered", "filter": {"type": "selector", "dimension": "api", "value": "b"},
				    "aggregator": {"type": "count", "name": "apiB"}}],
				 "context": {"strataPartialResults": true}}
				""", List.of(first));
		assertThat(hour0).isEqualTo("[{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"result\":{\"n\":2,\"latency\":10,"
				+ "\"maxRatio\":2.5,\"floatRatio\":4.0,\"firstLatency\":{\"lhs\":" + T0010 + ",\"rhs\":10},"
				+ "\"lastLatency\":{\"lhs\":" + T0050 + ",\"rhs\":null},\"apiB\":1}}]");
	}

	@Test
	void sketchesAreBase64OfCompactDataSketchesSerializations() {
		String answer = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "HLLSketchBuild", "name": "users", "fieldName": "user"},
				   {"type": "thetaSketch", "name": "theta", "fieldName": "user"},
				   {"type": "quantilesDoublesSketch", "name": "latencies", "fieldName": "latency"},
				   {"type": "cardinality", "name": "apis", "fields": ["api"]},
				   {"type": "HLLSketchBuild", "name": "none", "fieldName": "noSuchColumn"}],
				 "context": {"strataPartialResults": true}}
				""", List.of(first, second));
		JsonNode result = MAPPER.readTree(answer).get(0).get("result");
		// users u1, u2, u1, u3: 3 distinct; apis a, b, a, c: 3 distinct; latencies 10, 30, 40 (one null)
		HllSketch users = HllSketch.heapify(bytes(result, "users"));
		assertThat(users.getLgConfigK()).isEqualTo(12);
		assertThat(users.getTgtHllType()).isEqualTo(TgtHllType.HLL_4);
		assertThat(users.toCompactByteArray()).isEqualTo(bytes(result, "users"));
		assertThat(users.getEstimate()).isEqualTo(hllEstimate("u1", "u2", "u3"));
		assertThat(HllSketch.heapify(bytes(result, "apis")).getEstimate()).isEqualTo(hllEstimate("a", "b", "c"));
		assertThat(HllSketch.heapify(bytes(result, "none")).isEmpty()).isTrue();
		CompactThetaSketch theta = CompactThetaSketch.heapify(MemorySegment.ofArray(bytes(result, "theta")));
		assertThat(theta.getEstimate()).isEqualTo(3.0);
		QuantilesDoublesSketch latencies = QuantilesDoublesSketch.heapify(MemorySegment.ofArray(bytes(result, "latencies")));
		assertThat(latencies.getN()).isEqualTo(3);
		assertThat(latencies.getMinItem()).isEqualTo(10.0);
		assertThat(latencies.getMaxItem()).isEqualTo(40.0);
		// the same sketch the broker finalizes: its estimates, as one server would answer them
		String merged = this.runner.mergeResults("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "HLLSketchBuild", "name": "users", "fieldName": "user"},
				   {"type": "thetaSketch", "name": "theta", "fieldName": "user"},
				   {"type": "quantilesDoublesSketch", "name": "latencies", "fieldName": "latency"},
				   {"type": "cardinality", "name": "apis", "fields": ["api"]},
				   {"type": "HLLSketchBuild", "name": "none", "fieldName": "noSuchColumn"}]}
				""", List.of(answer));
		assertThat(merged).isEqualTo("[{\"timestamp\":\"2026-01-01T00:10:00.000Z\",\"result\":{\"users\":"
				+ hllEstimate("u1", "u2", "u3") + ",\"theta\":3.0,\"latencies\":3,\"apis\":" + hllEstimate("a", "b", "c")
				+ ",\"none\":0.0}}]");
	}

	/**
	 * The estimate of an HLL sketch (lgK 12, HLL_4, strings hashed as UTF-16 as Druid does) built here
	 * from {@code values}: a few distinct values are held exactly as coupons, and the estimate is a
	 * function of their number, slightly above it.
	 */
	private static double hllEstimate(String... values) {
		HllSketch sketch = new HllSketch(12, TgtHllType.HLL_4);
		for (String value : values) {
			sketch.update(value.toCharArray());
		}
		return sketch.getEstimate();
	}

	private static byte[] bytes(JsonNode result, String name) {
		assertThat(result.get(name).isString()).as(name).isTrue();
		return Base64.getDecoder().decode(result.get(name).stringValue());
	}

	@Test
	void groupByAnswersEveryGroupWithoutHavingLimitOrPostAggregators() {
		String query = """
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimensions": ["tags"], "aggregations": [{"type": "count", "name": "n"},
				   {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "arithmetic", "name": "mean", "fn": "/",
				   "fields": [{"type": "fieldAccess", "fieldName": "latency"}, {"type": "fieldAccess", "fieldName": "n"}]}],
				 "having": {"type": "greaterThan", "aggregation": "n", "value": 1},
				 "limitSpec": {"type": "default", "limit": 1, "columns": [{"dimension": "latency", "direction": "descending"}]},
				 "context": {"strataPartialResults": true}}
				""";
		// p0: tags x (row 1), y (row 1), null (row 2, no tags); in null-first value order
		assertThat(this.runner.run(query, List.of(first))).isEqualTo("["
				+ "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"tags\":null,\"n\":1,\"latency\":null}},"
				+ "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"tags\":\"x\",\"n\":1,\"latency\":10}},"
				+ "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"tags\":\"y\",\"n\":1,\"latency\":10}}]");
		// p1: x (row 4: 40), y (row 3: 30). Merged: x n 2 latency 50, y n 2 latency 40, null n 1 (dropped by
		// having n > 1); ordered by latency descending and cut to 1: x, mean 25.0
		List<String> answers = List.of(this.runner.run(query, List.of(first)), this.runner.run(query, List.of(second)));
		assertThat(this.runner.mergeResults(query.replace("\"strataPartialResults\": true", "\"strataPartialResults\": false"), answers))
			.isEqualTo("[{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\","
					+ "\"event\":{\"tags\":\"x\",\"n\":2,\"latency\":50,\"mean\":25.0}}]");
	}

	@Test
	void topNKeepsMinTopNThresholdValuesPerServerAndTheBrokerCutsAtThreshold() {
		String query = """
				{"queryType": "topN", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimension": "api", "threshold": 1, "metric": "latency",
				 "aggregations": [{"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "constant", "name": "half", "value": 0.5}],
				 "context": {"strataPartialResults": true, "minTopNThreshold": 2}}
				""";
		// p1: c 40, a 30 (both kept: max(threshold 1, minTopNThreshold 2) = 2); no post-aggregator;
		// "all" is stamped with p1's first row, 01:05, the later of it and the query start
		assertThat(this.runner.run(query, List.of(second))).isEqualTo("[{\"timestamp\":\"2026-01-01T01:05:00.000Z\","
				+ "\"result\":[{\"api\":\"c\",\"latency\":40},{\"api\":\"a\",\"latency\":30}]}]");
		// p0: a 10, b null. Merged: a 40, c 40, b null; the tie goes to the smaller value: a
		List<String> answers = List.of(this.runner.run(query, List.of(first)), this.runner.run(query, List.of(second)));
		assertThat(this.runner.mergeResults(query, answers)).isEqualTo("[{\"timestamp\":\"2026-01-01T00:10:00.000Z\","
				+ "\"result\":[{\"api\":\"a\",\"latency\":40,\"half\":0.5}]}]");
	}

	@Test
	void scanServersReturnOffsetPlusLimitRowsAndTheBrokerSkipsTheOffset() {
		String query = """
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "columns": ["__time", "api"], "resultFormat": "compactedList", "offset": 1, "limit": 2,
				 "context": {"strataPartialResults": true}}
				""";
		String p0 = "usage_2026-01-01T00:00:00.000Z_2026-01-02T00:00:00.000Z_v1";
		String signature = "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},{\"name\":\"api\",\"type\":\"STRING\"}]";
		// each server: its first 3 rows (offset 1 + limit 2), none skipped
		assertThat(this.runner.run(query, List.of(first))).isEqualTo("[{\"segmentId\":\"" + p0
				+ "\",\"columns\":[\"__time\",\"api\"],\"events\":[[" + T0010 + ",\"a\"],[" + T0050 + ",\"b\"]],"
				+ signature + "}]");
		// given in server order p1, p0, the broker still goes by segment: p0's rows, then p1's; skip 1, keep 2
		List<String> answers = List.of(this.runner.run(query, List.of(second)), this.runner.run(query, List.of(first)));
		assertThat(this.runner.mergeResults(query, answers)).isEqualTo("[{\"segmentId\":\"" + p0
				+ "\",\"columns\":[\"__time\",\"api\"],\"events\":[[" + T0050 + ",\"b\"]]," + signature + "},"
				+ "{\"segmentId\":\"" + p0 + "_1\",\"columns\":[\"__time\",\"api\"],\"events\":[[" + T0105
				+ ",\"a\"]]," + signature + "}]");
	}

	@Test
	void handWrittenTimeseriesAnswersMergeByTimestampThenLimitThenTotal() {
		String query = """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "hour",
				 "descending": true, "limit": 2,
				 "aggregations": [{"type": "count", "name": "n"}, {"type": "longSum", "name": "latency", "fieldName": "latency"},
				   {"type": "longFirst", "name": "first", "fieldName": "latency"}],
				 "postAggregations": [{"type": "arithmetic", "name": "mean", "fn": "/",
				   "fields": [{"type": "fieldAccess", "fieldName": "latency"}, {"type": "fieldAccess", "fieldName": "n"}]}],
				 "context": {"grandTotal": true}}
				""";
		String a = """
				[{"timestamp": "2026-01-01T00:00:00.000Z", "result": {"n": 2, "latency": 10, "first": {"lhs": 600000, "rhs": 10}}},
				 {"timestamp": "2026-01-01T01:00:00.000Z", "result": {"n": 1, "latency": 5, "first": {"lhs": 3700000, "rhs": 5}}}]
				""";
		String b = """
				[{"timestamp": "2026-01-01T02:00:00.000Z", "result": {"n": 0, "latency": null,
				   "first": {"lhs": 9223372036854775807, "rhs": null}}},
				 {"timestamp": "2026-01-01T01:00:00.000Z", "result": {"n": 3, "latency": 15, "first": {"lhs": 3650000, "rhs": 7}}}]
				""";
		// hours descending: 02 (n 0), 01 (n 4, latency 20, first at 3650000 -> 7, mean 5.0); 00 is past the limit.
		// The grand total (timestamp null) covers the two rows kept: n 4, latency 20, first 7
		assertThat(this.runner.mergeResults(query, List.of(a, b))).isEqualTo("["
				+ "{\"timestamp\":\"2026-01-01T02:00:00.000Z\",\"result\":{\"n\":0,\"latency\":null,\"first\":null,\"mean\":null}},"
				+ "{\"timestamp\":\"2026-01-01T01:00:00.000Z\",\"result\":{\"n\":4,\"latency\":20,\"first\":7,\"mean\":5.0}},"
				+ "{\"timestamp\":null,\"result\":{\"n\":4,\"latency\":20,\"first\":7,\"mean\":5.0}}]");
	}

	@Test
	void handWrittenSearchBoundaryAndMetadataAnswersMerge() {
		String search = """
				{"queryType": "search", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "query": {"type": "contains", "value": "a"}, "limit": 2}
				""";
		String a = "[{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"result\":[{\"dimension\":\"api\",\"value\":\"a\",\"count\":2},"
				+ "{\"dimension\":\"api\",\"value\":\"ab\",\"count\":1}]}]";
		String b = "[{\"timestamp\":\"2026-01-02T00:00:00.000Z\",\"result\":[{\"dimension\":\"api\",\"value\":\"a\",\"count\":5},"
				+ "{\"dimension\":\"tags\",\"value\":\"a\",\"count\":1}]}]";
		// counts add per (dimension, value); lexicographic by value, then dimension; cut to 2; the earliest time
		assertThat(this.runner.mergeResults(search, List.of(a, b))).isEqualTo("[{\"timestamp\":\"2026-01-01T00:00:00.000Z\","
				+ "\"result\":[{\"dimension\":\"api\",\"value\":\"a\",\"count\":7},{\"dimension\":\"tags\",\"value\":\"a\",\"count\":1}]}]");
		String boundary = "{\"queryType\": \"timeBoundary\", \"dataSource\": \"usage\"}";
		assertThat(this.runner.mergeResults(boundary, List.of(
				"[{\"timestamp\":\"2026-01-02T05:00:00.000Z\",\"result\":{\"minTime\":\"2026-01-02T05:00:00.000Z\",\"maxTime\":\"2026-01-02T09:00:00.000Z\"}}]",
				"[]",
				"[{\"timestamp\":\"2026-01-01T03:00:00.000Z\",\"result\":{\"minTime\":\"2026-01-01T03:00:00.000Z\",\"maxTime\":\"2026-01-01T04:00:00.000Z\"}}]")))
			.isEqualTo("[{\"timestamp\":\"2026-01-01T03:00:00.000Z\",\"result\":{\"minTime\":\"2026-01-01T03:00:00.000Z\","
					+ "\"maxTime\":\"2026-01-02T09:00:00.000Z\"}}]");
		assertThat(this.runner.mergeResults("{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"usage\"}", List.of(
				"[{\"timestamp\":\"2026-01-01T04:00:00.000Z\",\"result\":{\"maxIngestedEventTime\":\"2026-01-01T04:00:00.000Z\"}}]",
				"[{\"timestamp\":\"2026-01-02T09:00:00.000Z\",\"result\":{\"maxIngestedEventTime\":\"2026-01-02T09:00:00.000Z\"}}]")))
			.isEqualTo("[{\"timestamp\":\"2026-01-02T09:00:00.000Z\",\"result\":{\"maxIngestedEventTime\":\"2026-01-02T09:00:00.000Z\"}}]");
	}

	@Test
	void segmentMetadataMergesAnalysesFromServers() {
		String query = """
				{"queryType": "segmentMetadata", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "merge": true,
				 "analysisTypes": ["cardinality", "interval", "minmax"]}
				""";
		List<String> answers = List.of(this.runner.run(query, List.of(first)), this.runner.run(query, List.of(second)));
		JsonNode merged = MAPPER.readTree(this.runner.mergeResults(query, answers)).get(0);
		// 2 + 2 rows; api values a, b in p0 and a, c in p1: the larger cardinality (2) as a lower bound, min a, max c;
		// the two equal intervals condense into one, as Druid does
		assertThat(merged.get("id").asString()).isEqualTo("merged");
		assertThat(merged.get("numRows").asLong()).isEqualTo(4);
		assertThat(merged.get("intervals").toString())
			.isEqualTo("[\"2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.000Z\"]");
		JsonNode api = merged.get("columns").get("api");
		assertThat(api.get("cardinality").asInt()).isEqualTo(2);
		assertThat(api.get("minValue").asString()).isEqualTo("a");
		assertThat(api.get("maxValue").asString()).isEqualTo("c");
		assertThat(merged.get("columns").get("tags").get("hasMultipleValues").asBoolean()).isTrue();
	}

	@Test
	void malformedAnswersFailNamingWhere() {
		String query = """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "HLLSketchBuild", "name": "users", "fieldName": "user"}]}
				""";
		assertThatThrownBy(() -> this.runner.mergeResults(query, List.of("[]", "{\"not\": \"an array\"}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("answer [1]");
		assertThatThrownBy(() -> this.runner.mergeResults(query,
				List.of("[{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"result\":{\"users\":\"bm90IGEgc2tldGNo\"}}]")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("[0][0].result.users")
			.hasMessageContaining("HLL");
		assertThatThrownBy(() -> this.runner.mergeResults(query, List.of("[{\"result\":{}}]")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("[0][0].timestamp");
	}

	@Test
	void finalizeTrueOrAbsentAnswersFinalValues() {
		ObjectNode query = (ObjectNode) MAPPER.readTree("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "HLLSketchBuild", "name": "users", "fieldName": "user"}]}
				""");
		String absent = this.runner.run(query.toString(), List.of(first));
		query.putObject("context").put("finalize", "true");
		// u1, u2 in p0
		assertThat(absent).isEqualTo("[{\"timestamp\":\"2026-01-01T00:10:00.000Z\",\"result\":{\"users\":"
				+ hllEstimate("u1", "u2") + "}}]");
		assertThat(this.runner.run(query.toString(), List.of(first))).isEqualTo(absent);
	}

	@Test
	void aUsersFinalizeFalseOnlyLeavesAggregatorValuesUnfinalized() {
		// Druid's finalize: false changes aggregator values, not the query: post-aggregators, having and
		// the limit still apply; counts stay numbers, sketches come out as Base64
		String answer = this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimensions": ["api"],
				 "aggregations": [{"type": "count", "name": "n"}, {"type": "HLLSketchBuild", "name": "users", "fieldName": "user"}],
				 "postAggregations": [{"type": "arithmetic", "name": "twice", "fn": "*",
				   "fields": [{"type": "fieldAccess", "fieldName": "n"}, {"type": "constant", "name": "two", "value": 2}]}],
				 "having": {"type": "greaterThan", "aggregation": "n", "value": 1},
				 "limitSpec": {"type": "default", "limit": 1},
				 "context": {"finalize": false}}
				""", List.of(first, second));
		JsonNode rows = MAPPER.readTree(answer);
		// api a has rows in p0 (00:10, u1) and p1 (01:05, u1): the only group with n > 1
		assertThat(rows).hasSize(1);
		JsonNode event = rows.get(0).get("event");
		assertThat(event.get("api").asString()).isEqualTo("a");
		assertThat(event.get("n").asLong()).isEqualTo(2);
		assertThat(event.get("twice").asDouble()).isEqualTo(4.0);
		HllSketch users = HllSketch.heapify(java.util.Base64.getDecoder().decode(event.get("users").asString()));
		assertThat(users.getEstimate()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
	}

}
