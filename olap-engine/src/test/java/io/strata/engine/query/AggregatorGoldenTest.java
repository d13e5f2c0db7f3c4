package io.strata.engine.query;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.IsoTime;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The query-time aggregators (first/last, filtered, cardinality, hyperUnique) and the greatest/least
 * and sketch post-aggregators on six hand-written rows in two day segments; every expected value is
 * worked out by hand from the rows below (sketch estimates are checked against the true distinct
 * counts within their error bounds).
 *
 * <pre>
 * row time              api region bundles user latency score ratio rank
 * r1  2026-01-01T00:10  a   us     [x, y]  u1   10      5     0.5   6
 * r2  2026-01-01T00:50  b   null   []      u2   20      null  1.5   5
 * r3  2026-01-01T01:05  a   eu     [y]     u1   30      7     null  4
 * r4  2026-01-01T03:00  c   us     [x]     u3   40      null  2.5   3
 * r5  2026-01-02T02:00  b   eu     [z]     u4   50      9     3.5   2
 * r6  2026-01-02T05:30  a   null   [x]     u2   60      null  4.5   1
 * </pre>
 *
 * Timeseries and topN of granularity all are stamped, as in Druid, with the earliest over the
 * segments of the later of the query start and the segment's first row: r1's time for a query of
 * both days.
 */
class AggregatorGoldenTest {

	/** r1's time, day 1's first row: the stamp of granularity all over both days, whatever the filter keeps. */
	private static final String FIRST_ROW = "2026-01-01T00:10:00.000Z";

	@TempDir
	static Path directory;

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "region", "bundles"]},
				 "metricsSpec": [{"type": "count", "name": "rows"},
				                 {"type": "longSum", "name": "latency", "fieldName": "latency"},
				                 {"type": "longSum", "name": "score", "fieldName": "score"},
				                 {"type": "doubleSum", "name": "ratio", "fieldName": "ratio"},
				                 {"type": "longSum", "name": "rank", "fieldName": "rank"},
				                 {"type": "HLLSketchBuild", "name": "users", "fieldName": "user"},
				                 {"type": "hyperUnique", "name": "uniques", "fieldName": "user"},
				                 {"type": "thetaSketch", "name": "userTheta", "fieldName": "user"},
				                 {"type": "quantilesDoublesSketch", "name": "latencySketch", "fieldName": "latency"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		IncrementalIndex first = new IncrementalIndex(schema);
		add(first, "2026-01-01T00:10:00Z", "a", "us", List.of("x", "y"), "u1", 10, 5L, 0.5, 6);
		add(first, "2026-01-01T00:50:00Z", "b", null, List.of(), "u2", 20, null, 1.5, 5);
		add(first, "2026-01-01T01:05:00Z", "a", "eu", List.of("y"), "u1", 30, 7L, null, 4);
		add(first, "2026-01-01T03:00:00Z", "c", "us", List.of("x"), "u3", 40, null, 2.5, 3);
		IncrementalIndex second = new IncrementalIndex(schema);
		add(second, "2026-01-02T02:00:00Z", "b", "eu", List.of("z"), "u4", 50, 9L, 3.5, 2);
		add(second, "2026-01-02T05:30:00Z", "a", null, List.of("x"), "u2", 60, null, 4.5, 1);
		SEGMENTS.add(TestSegments.persist(first, TestSegments.id("usage", "2026-01-01/2026-01-02", 0), directory));
		SEGMENTS.add(TestSegments.persist(second, TestSegments.id("usage", "2026-01-02/2026-01-03", 0), directory));
	}

	private static void add(IncrementalIndex index, String time, String api, String region, List<String> bundles,
			String user, long latency, Long score, Double ratio, long rank) {
		index.add(TestSegments.row(IsoTime.parse(time), "api", api, "region", region, "bundles", bundles, "user", user,
				"latency", latency, "score", score, "ratio", ratio, "rank", rank));
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
	}

	private String timeseries(String granularity, String aggregations, String postAggregations) {
		return this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03",
				 "granularity": "%s", "aggregations": [%s], "postAggregations": [%s]}
				""".formatted(granularity, aggregations, postAggregations), SEGMENTS);
	}

	/** The result object of the one row of a granularity-all timeseries. */
	private JsonNode total(String aggregations, String postAggregations) {
		JsonNode rows = JsonMapper.builder().build().readTree(timeseries("all", aggregations, postAggregations));
		assertThat(rows.size()).isEqualTo(1);
		return rows.get(0).get("result");
	}

	@Test
	void firstAndLastTakeTheEarliestAndLatestRowIncludingANullValue() {
		// earliest row r1 (score 5, ratio 0.5); latest r6 (score null, ratio 4.5); latency 10 and 60
		assertThat(timeseries("all", """
				{"type": "longFirst", "name": "firstScore", "fieldName": "score"},
				{"type": "longLast", "name": "lastScore", "fieldName": "score"},
				{"type": "doubleFirst", "name": "firstRatio", "fieldName": "ratio"},
				{"type": "doubleLast", "name": "lastRatio", "fieldName": "ratio"},
				{"type": "floatLast", "name": "lastRatioFloat", "fieldName": "ratio"},
				{"type": "longFirst", "name": "firstLatency", "fieldName": "latency"},
				{"type": "longLast", "name": "lastLatency", "fieldName": "latency"},
				{"type": "longLast", "name": "nothing", "fieldName": "noSuchColumn"}""", ""))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"firstScore\":5,\"lastScore\":null,"
					+ "\"firstRatio\":0.5,\"lastRatio\":4.5,\"lastRatioFloat\":4.5,\"firstLatency\":10,\"lastLatency\":60,"
					+ "\"nothing\":null}}]");
	}

	@Test
	void firstAndLastPerHourAreNullInAnEmptyHour() {
		// day 1: hour 00 -> r1, r2; 01 -> r3; 02 -> none; 03 -> r4
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01T00:00Z/2026-01-01T04:00Z",
				 "granularity": "hour", "aggregations": [{"type": "longFirst", "name": "first", "fieldName": "latency"},
				   {"type": "longLast", "name": "last", "fieldName": "latency"}]}""", SEGMENTS);
		assertThat(json).isEqualTo("[" + hour("00", "10", "20") + "," + hour("01", "30", "30") + ","
				+ hour("02", "null", "null") + "," + hour("03", "40", "40") + "]");
	}

	private static String hour(String hour, String first, String last) {
		return "{\"timestamp\":\"2026-01-01T" + hour + ":00:00.000Z\",\"result\":{\"first\":" + first + ",\"last\":"
				+ last + "}}";
	}

	@Test
	void firstAndLastMergeAcrossSegmentsPerGroup() {
		// a: r1, r3 (day 1) and r6 (day 2); b: r2 (day 1) and r5 (day 2); c: r4
		String json = this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": ["api"], "aggregations": [{"type": "longFirst", "name": "firstScore", "fieldName": "score"},
				   {"type": "longLast", "name": "lastScore", "fieldName": "score"},
				   {"type": "longLast", "name": "lastLatency", "fieldName": "latency"}]}""", SEGMENTS);
		assertThat(json).isEqualTo("[" + apiRow("a", "5", "null", "60") + "," + apiRow("b", "null", "9", "50") + ","
				+ apiRow("c", "null", "null", "40") + "]");
	}

	private static String apiRow(String api, String firstScore, String lastScore, String lastLatency) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"api\":\"" + api
				+ "\",\"firstScore\":" + firstScore + ",\"lastScore\":" + lastScore + ",\"lastLatency\":" + lastLatency
				+ "}}";
	}

	@Test
	void firstAndLastOrderByAnotherLongColumn() {
		// rank runs backwards in time: the smallest rank is r6 (ratio 4.5), the largest r1 (ratio 0.5)
		JsonNode result = total("""
				{"type": "doubleFirst", "name": "first", "fieldName": "ratio", "timeColumn": "rank"},
				{"type": "doubleLast", "name": "last", "fieldName": "ratio", "timeColumn": "rank"}""", "");
		assertThat(result.get("first").doubleValue()).isEqualTo(4.5);
		assertThat(result.get("last").doubleValue()).isEqualTo(0.5);
		assertThatThrownBy(() -> total("{\"type\": \"longFirst\", \"name\": \"f\", \"fieldName\": \"score\", "
				+ "\"timeColumn\": \"ratio\"}", ""))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("timeColumn[ratio]");
	}

	@Test
	void filteredAggregatorsSeeOnlyMatchingRows() {
		// region us: r1, r4 -> 2 rows; api b: r2, r5 -> latency 70; api zzz: nothing -> count 0, sum null;
		// region eu: first row r3 -> latency 30; not us leaves the null regions out: r3, r5;
		// us inside api a: r1 alone; the unnamed filtered count takes its inner aggregator's name
		JsonNode result = total("""
				{"type": "filtered", "name": "usRows", "filter": {"type": "selector", "dimension": "region", "value": "us"},
				 "aggregator": {"type": "count", "name": "ignored"}},
				{"type": "filtered", "name": "bLatency", "filter": {"type": "selector", "dimension": "api", "value": "b"},
				 "aggregator": {"type": "longSum", "name": "x", "fieldName": "latency"}},
				{"type": "filtered", "name": "noRows", "filter": {"type": "selector", "dimension": "api", "value": "zzz"},
				 "aggregator": {"type": "count", "name": "x"}},
				{"type": "filtered", "name": "noSum", "filter": {"type": "selector", "dimension": "api", "value": "zzz"},
				 "aggregator": {"type": "longSum", "name": "x", "fieldName": "latency"}},
				{"type": "filtered", "name": "euFirst", "filter": {"type": "selector", "dimension": "region", "value": "eu"},
				 "aggregator": {"type": "longFirst", "name": "x", "fieldName": "latency"}},
				{"type": "filtered", "name": "notUs", "filter": {"type": "not", "field":
				   {"type": "selector", "dimension": "region", "value": "us"}}, "aggregator": {"type": "count", "name": "x"}},
				{"type": "filtered", "name": "aAndUs", "filter": {"type": "selector", "dimension": "api", "value": "a"},
				 "aggregator": {"type": "filtered", "filter": {"type": "selector", "dimension": "region", "value": "us"},
				   "aggregator": {"type": "count", "name": "x"}}},
				{"type": "filtered", "filter": {"type": "selector", "dimension": "bundles", "value": "x"},
				 "aggregator": {"type": "count", "name": "xRows"}}""", "");
		assertThat(result.toString()).isEqualTo("{\"usRows\":2,\"bLatency\":70,\"noRows\":0,\"noSum\":null,"
				+ "\"euFirst\":30,\"notUs\":2,\"aAndUs\":1,\"xRows\":3}");
	}

	@Test
	void filteredSketchesAndGroupedFilteredSums() {
		// users of api a: u1 (r1, r3), u2 (r6) -> 2; per region, latency of api a only
		JsonNode result = total("""
				{"type": "filtered", "name": "aUsers", "filter": {"type": "selector", "dimension": "api", "value": "a"},
				 "aggregator": {"type": "HLLSketchMerge", "name": "x", "fieldName": "users", "round": true}}""", "");
		assertThat(result.get("aUsers").longValue()).isEqualTo(2);
		// region null: r2 (b), r6 (a, 60); eu: r3 (a, 30), r5 (b); us: r1 (a, 10), r4 (c)
		assertThat(this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": ["region"], "aggregations": [{"type": "filtered", "name": "aLatency",
				   "filter": {"type": "selector", "dimension": "api", "value": "a"},
				   "aggregator": {"type": "longSum", "name": "x", "fieldName": "latency"}}]}""", SEGMENTS))
			.isEqualTo("[" + regionRow("null", 60) + "," + regionRow("\"eu\"", 30) + "," + regionRow("\"us\"", 10) + "]");
	}

	private static String regionRow(String region, long latency) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"region\":" + region
				+ ",\"aLatency\":" + latency + "}}";
	}

	@Test
	void cardinalityCountsDistinctValuesOrRows() {
		// by value: api {a, b, c} = 3; api and region {a, b, c, us, eu} = 5 (null not counted);
		// bundles {x, y, z} = 3. By row: (api, region) pairs all differ = 6; region {us, null, eu} = 3
		// (an all-null row counts once); bundles {[x, y], [], [y], [x], [z]} = 5
		JsonNode result = total("""
				{"type": "cardinality", "name": "apis", "fields": ["api"]},
				{"type": "cardinality", "name": "apisAndRegions", "fields": ["api", {"type": "default", "dimension": "region"}]},
				{"type": "cardinality", "name": "bundleValues", "fields": ["bundles"], "round": true},
				{"type": "cardinality", "name": "pairs", "fields": ["api", "region"], "byRow": true, "round": true},
				{"type": "cardinality", "name": "regionRows", "fields": ["region"], "byRow": true, "round": true},
				{"type": "cardinality", "name": "bundleRows", "fields": ["bundles"], "byRow": true, "round": true},
				{"type": "cardinality", "name": "missing", "fields": ["noSuchColumn"]}""", "");
		// HLL is exact to well under one part in a thousand at these sizes
		assertThat(result.get("apis").doubleValue()).isCloseTo(3.0, within(0.01));
		assertThat(result.get("apisAndRegions").doubleValue()).isCloseTo(5.0, within(0.01));
		assertThat(result.get("bundleValues").isIntegralNumber()).isTrue();
		assertThat(result.get("bundleValues").longValue()).isEqualTo(3);
		assertThat(result.get("pairs").longValue()).isEqualTo(6);
		assertThat(result.get("regionRows").longValue()).isEqualTo(3);
		assertThat(result.get("bundleRows").longValue()).isEqualTo(5);
		assertThat(result.get("missing").doubleValue()).isEqualTo(0.0);
	}

	@Test
	void hyperUniqueUnionsStoredSketches() {
		// users u1..u4 = 4 overall; per api: a {u1, u2}, b {u2, u4}, c {u3}
		JsonNode result = total("""
				{"type": "hyperUnique", "name": "ingested", "fieldName": "uniques"},
				{"type": "hyperUnique", "name": "fromHll", "fieldName": "users", "round": true}""", """
				{"type": "hyperUniqueCardinality", "name": "card", "fieldName": "ingested"}""");
		assertThat(result.get("ingested").doubleValue()).isCloseTo(4.0, within(0.01));
		assertThat(result.get("fromHll").longValue()).isEqualTo(4);
		assertThat(result.get("card").doubleValue()).isEqualTo(result.get("ingested").doubleValue());
		String grouped = this.runner.run("""
				{"queryType": "topN", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimension": "api", "threshold": 3, "metric": "users",
				 "aggregations": [{"type": "hyperUnique", "name": "users", "fieldName": "uniques", "round": true}]}""",
				SEGMENTS);
		assertThat(grouped).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":[{\"api\":\"a\",\"users\":2},"
				+ "{\"api\":\"b\",\"users\":2},{\"api\":\"c\",\"users\":1}]}]");
		assertThatThrownBy(() -> total("{\"type\": \"hyperUnique\", \"name\": \"u\", \"fieldName\": \"api\"}", ""))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("hyperUnique")
			.hasMessageContaining("column[api]");
	}

	@Test
	void greatestAndLeastIgnoreNulls() {
		// first score 5, last score null (r6), constant 3
		JsonNode result = total("""
				{"type": "longFirst", "name": "first", "fieldName": "score"},
				{"type": "longLast", "name": "last", "fieldName": "score"}""", """
				{"type": "longGreatest", "name": "longMax", "fields": [{"type": "fieldAccess", "fieldName": "first"},
				  {"type": "fieldAccess", "fieldName": "last"}, {"type": "constant", "name": "c", "value": 3}]},
				{"type": "doubleLeast", "name": "doubleMin", "fields": [{"type": "fieldAccess", "fieldName": "first"},
				  {"type": "fieldAccess", "fieldName": "last"}, {"type": "constant", "name": "c", "value": 3}]},
				{"type": "doubleGreatest", "name": "allNull", "fields": [{"type": "fieldAccess", "fieldName": "last"}]},
				{"type": "longLeast", "name": "truncated", "fields": [{"type": "constant", "name": "c", "value": 7.9}]}""");
		assertThat(result.get("longMax").isIntegralNumber()).isTrue();
		assertThat(result.get("longMax").longValue()).isEqualTo(5);
		assertThat(result.get("doubleMin").isDouble()).isTrue();
		assertThat(result.get("doubleMin").doubleValue()).isEqualTo(3.0);
		assertThat(result.get("allNull").isNull()).isTrue();
		assertThat(result.get("truncated").longValue()).isEqualTo(7);
	}

	@Test
	void hllAndThetaEstimatesComeFromTheSketchNotItsEstimate() {
		// 4 distinct users
		JsonNode result = total("""
				{"type": "HLLSketchMerge", "name": "users", "fieldName": "users"},
				{"type": "thetaSketch", "name": "theta", "fieldName": "userTheta", "isInputThetaSketch": true}""", """
				{"type": "HLLSketchEstimate", "name": "estimate", "field": {"type": "fieldAccess", "fieldName": "users"}},
				{"type": "HLLSketchEstimate", "name": "rounded", "round": true,
				 "field": {"type": "fieldAccess", "fieldName": "users"}},
				{"type": "HLLSketchEstimateWithBounds", "name": "bounds", "numStdDev": 2,
				 "field": {"type": "fieldAccess", "fieldName": "users"}},
				{"type": "thetaSketchEstimate", "name": "thetaEstimate", "field": {"type": "fieldAccess", "fieldName": "theta"}},
				{"type": "thetaSketchEstimate", "name": "thetaBounds", "errorBoundsStdDev": 1,
				 "field": {"type": "fieldAccess", "fieldName": "theta"}},
				{"type": "fieldAccess", "name": "sketch", "fieldName": "users"},
				{"type": "HLLSketchEstimate", "name": "fromEarlierOutput", "field": {"type": "fieldAccess", "fieldName": "sketch"}},
				{"type": "finalizingFieldAccess", "name": "final", "fieldName": "users"}""");
		assertThat(result.get("estimate").doubleValue()).isCloseTo(4.0, within(0.01));
		assertThat(result.get("rounded").longValue()).isEqualTo(4);
		JsonNode bounds = result.get("bounds");
		assertThat(bounds.size()).isEqualTo(3);
		assertThat(bounds.get(0).doubleValue()).isCloseTo(4.0, within(0.01));
		assertThat(bounds.get(1).doubleValue()).isLessThanOrEqualTo(4.0);
		assertThat(bounds.get(2).doubleValue()).isGreaterThanOrEqualTo(4.0);
		// theta below its nominal entries is exact
		assertThat(result.get("thetaEstimate").doubleValue()).isEqualTo(4.0);
		assertThat(result.get("thetaBounds").toString())
			.isEqualTo("{\"estimate\":4.0,\"highBound\":4.0,\"lowBound\":4.0,\"numStdDev\":1}");
		// a sketch reaching the output is its stored form in Base64, as Druid writes it
		HllSketch sketch = HllSketch.heapify(Base64.getDecoder().decode(result.get("sketch").stringValue()));
		assertThat(sketch.getEstimate()).isCloseTo(4.0, within(0.01));
		assertThat(result.get("fromEarlierOutput").doubleValue()).isCloseTo(4.0, within(0.01));
		assertThat(result.get("final").doubleValue()).isCloseTo(4.0, within(0.01));
		assertThatThrownBy(() -> total("{\"type\": \"HLLSketchMerge\", \"name\": \"users\", \"fieldName\": \"users\"}", """
				{"type": "HLLSketchEstimate", "name": "wrong",
				 "field": {"type": "finalizingFieldAccess", "fieldName": "users"}}"""))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("Post-aggregator[wrong]");
	}

	@Test
	void quantilesComeFromTheSortedLatencies() {
		// latencies 10, 20, 30, 40, 50, 60 (six items, below k: the sketch holds them all). The value at
		// rank f is the smallest item with at least f * 6 items at or below it
		JsonNode result = total("""
				{"type": "quantilesDoublesSketch", "name": "latency", "fieldName": "latencySketch"}""", """
				{"type": "quantilesDoublesSketchToQuantile", "name": "median", "fraction": 0.5,
				 "field": {"type": "fieldAccess", "fieldName": "latency"}},
				{"type": "quantilesDoublesSketchToQuantiles", "name": "quantiles", "fractions": [0.25, 0.5, 0.9, 1.0],
				 "field": {"type": "fieldAccess", "fieldName": "latency"}},
				{"type": "quantilesDoublesSketchToHistogram", "name": "bySplits", "splitPoints": [25, 45],
				 "field": {"type": "fieldAccess", "fieldName": "latency"}},
				{"type": "quantilesDoublesSketchToHistogram", "name": "fiveBins", "numBins": 5,
				 "field": {"type": "fieldAccess", "fieldName": "latency"}}""");
		assertThat(result.get("latency").longValue()).isEqualTo(6);
		assertThat(result.get("median").doubleValue()).isEqualTo(30.0);
		assertThat(result.get("quantiles").toString()).isEqualTo("[20.0,30.0,60.0,60.0]");
		// (-inf, 25] holds 10, 20; (25, 45] 30, 40; (45, inf) 50, 60
		assertThat(result.get("bySplits").toString()).isEqualTo("[2.0,2.0,2.0]");
		// five bins of width 10 from 10 to 60 split at 20, 30, 40, 50: {10, 20}, {30}, {40}, {50}, {60};
		// counts are mass fractions times the item count, so as in Druid they carry rounding noise
		double[] expected = { 2, 1, 1, 1, 1 };
		assertThat(result.get("fiveBins").size()).isEqualTo(expected.length);
		for (int bin = 0; bin < expected.length; bin++) {
			assertThat(result.get("fiveBins").get(bin).doubleValue()).isCloseTo(expected[bin], within(1e-9));
		}
	}

	@Test
	void quantilesOfNoRowsAreNaN() {
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "filter": {"type": "selector", "dimension": "api", "value": "zzz"},
				 "aggregations": [{"type": "quantilesDoublesSketch", "name": "latency", "fieldName": "latencySketch"}],
				 "postAggregations": [{"type": "quantilesDoublesSketchToQuantile", "name": "median", "fraction": 0.5,
				   "field": {"type": "fieldAccess", "fieldName": "latency"}},
				   {"type": "quantilesDoublesSketchToHistogram", "name": "histogram", "numBins": 2,
				   "field": {"type": "fieldAccess", "fieldName": "latency"}}]}""", SEGMENTS);
		// no row matches, yet the one row of granularity all is there, stamped as if all matched
		assertThat(json).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"latency\":0,"
				+ "\"median\":\"NaN\",\"histogram\":[\"NaN\",\"NaN\"]}}]");
	}

	@Test
	void queryOnlyAggregatorsAreRefusedAtIngestion() {
		for (String aggregator : List.of("{\"type\": \"longFirst\", \"name\": \"m\", \"fieldName\": \"x\"}",
				"{\"type\": \"cardinality\", \"name\": \"m\", \"fields\": [\"x\"]}",
				"{\"type\": \"filtered\", \"name\": \"m\", \"filter\": {\"type\": \"true\"}, "
						+ "\"aggregator\": {\"type\": \"count\", \"name\": \"m\"}}",
				"{\"type\": \"hyperUnique\", \"name\": \"m\", \"fieldName\": \"x\", \"isInputHyperUnique\": true}")) {
			assertThatThrownBy(() -> new IngestSpecJson().readDataSchema("""
					{"dataSource": "usage", "timestampSpec": {"column": "t"}, "dimensionsSpec": {"dimensions": ["api"]},
					 "metricsSpec": [%s]}""".formatted(aggregator)))
				.as(aggregator)
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
				.hasMessageContaining("metricsSpec[0]");
		}
	}

	@Test
	void malformedSpecsNameTheField() {
		assertInvalid("{\"type\": \"longFirst\", \"name\": \"f\"}", "", "aggregations[0].fieldName");
		assertInvalid("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": []}", "", "aggregations[0].fields");
		assertInvalid("{\"type\": \"cardinality\", \"name\": \"c\", \"fields\": \"api\"}", "", "aggregations[0].fields");
		assertInvalid("{\"type\": \"filtered\", \"name\": \"f\", \"aggregator\": {\"type\": \"count\", \"name\": \"c\"}}",
				"", "aggregations[0].filter");
		assertInvalid("{\"type\": \"filtered\", \"filter\": {\"type\": \"true\"}, \"aggregator\": {\"type\": \"nope\", "
				+ "\"name\": \"c\"}}", "", "aggregations[0].aggregator.type");
		assertInvalid("{\"type\": \"hyperUnique\", \"name\": \"h\", \"fieldName\": \"uniques\", \"round\": \"maybe\"}", "",
				"aggregations[0].round");
		String count = "{\"type\": \"count\", \"name\": \"rows\"}";
		assertInvalid(count, "{\"type\": \"doubleGreatest\", \"name\": \"g\"}", "postAggregations[0].fields");
		assertInvalid(count, "{\"type\": \"longLeast\", \"fields\": []}", "postAggregations[0].name");
		assertInvalid(count, "{\"type\": \"HLLSketchEstimate\", \"name\": \"e\"}", "postAggregations[0].field");
		assertInvalid(count, "{\"type\": \"HLLSketchEstimateWithBounds\", \"name\": \"e\", \"numStdDev\": 4, "
				+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}", "postAggregations[0]");
		assertInvalid(count, "{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"q\", "
				+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}", "postAggregations[0].fraction");
		assertInvalid(count, "{\"type\": \"quantilesDoublesSketchToQuantile\", \"name\": \"q\", \"fraction\": 1.5, "
				+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}", "postAggregations[0]");
		assertInvalid(count, "{\"type\": \"quantilesDoublesSketchToQuantiles\", \"name\": \"q\", \"fractions\": [0.5, \"x\"], "
				+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}", "postAggregations[0].fractions[1]");
		assertInvalid(count, "{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"h\", \"numBins\": 3, "
				+ "\"splitPoints\": [1], \"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}",
				"postAggregations[0].numBins");
		assertInvalid(count, "{\"type\": \"quantilesDoublesSketchToHistogram\", \"name\": \"h\", \"splitPoints\": [2, 1], "
				+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rows\"}}", "postAggregations[0]");
		assertInvalid(count, "{\"type\": \"thetaSketchEstimate\", \"name\": \"t\", \"field\": \"rows\"}",
				"postAggregations[0].field");
	}

	private void assertInvalid(String aggregation, String postAggregation, String field) {
		assertThatThrownBy(() -> timeseries("all", aggregation, postAggregation)).as(field)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("field[" + field);
	}

}
