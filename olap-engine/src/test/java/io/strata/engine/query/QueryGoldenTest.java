package io.strata.engine.query;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.HandWrittenUsage;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.strata.engine.testing.HandWrittenUsage.FIRST_ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Timeseries, topN and groupBy on the four hand-written rows of {@link HandWrittenUsage} (users an HLL sketch of
 * user), each expected result worked out by hand from the rows below (not copied from the engine's output).
 *
 * <pre>
 * time              api status bundles region latency bytes
 * 2026-01-01T00:10  a   200    [x, y]  us     10      1.5
 * 2026-01-01T00:50  b   404    []      null   20      2.5
 * 2026-01-01T01:05  a   200    [y]     eu     30      3.0
 * 2026-01-01T03:00  c   500    [x]     us     40      4.0
 * </pre>
 *
 * As in Druid, the segment is clipped to its data (00:10 to 03:00): timeseries and topN of granularity
 * all are stamped with the later of the query start and the first row, empty buckets are filled from
 * the bucket of that time through the bucket of the last row, and groupBy of granularity all is
 * stamped with the query's start.
 */
class QueryGoldenTest {

	@TempDir
	static Path directory;

	private static Segment segment;

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		segment = HandWrittenUsage.segment(directory, """
				{"type": "HLLSketchBuild", "name": "users", "fieldName": "user"}""");
	}

	@AfterAll
	static void close() {
		segment.close();
	}

	private String run(String filter, String granularity, String extra) {
		return this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": ["2026-01-01T00:00Z/2026-01-01T04:00Z"],
				 "granularity": "%s", %s
				 "aggregations": [{"type": "count", "name": "rows"},
				                  {"type": "longSum", "name": "latency", "fieldName": "latency"},
				                  {"type": "doubleSum", "name": "bytes", "fieldName": "bytes"}]%s}
				""".formatted(granularity, filter == null ? "" : "\"filter\": " + filter + ",", extra), List.of(segment));
	}

	private static String row(String time, long rows, Long latency, Double bytes) {
		return "{\"timestamp\":\"" + time + "\",\"result\":{\"rows\":" + rows + ",\"latency\":" + latency
				+ ",\"bytes\":" + bytes + "}}";
	}

	@Test
	void hourlyWithAnInFilterFillsTheEmptyHour() {
		// rows 1, 3 and 4 have api a or c: hour 00 -> row 1, 01 -> row 3, 02 -> none, 03 -> row 4
		assertThat(run("{\"type\": \"in\", \"dimension\": \"api\", \"values\": [\"a\", \"c\"]}", "hour", ""))
			.isEqualTo("[" + row("2026-01-01T00:00:00.000Z", 1, 10L, 1.5) + ","
					+ row("2026-01-01T01:00:00.000Z", 1, 30L, 3.0) + "," + row("2026-01-01T02:00:00.000Z", 0, null, null)
					+ "," + row("2026-01-01T03:00:00.000Z", 1, 40L, 4.0) + "]");
	}

	@Test
	void allGranularityWithoutFilterSumsEverything() {
		// 10 + 20 + 30 + 40 = 100 and 1.5 + 2.5 + 3.0 + 4.0 = 11.0
		assertThat(run(null, "all", "")).isEqualTo("[" + row(FIRST_ROW, 4, 100L, 11.0) + "]");
	}

	@Test
	void allIsStampedWithTheLaterOfTheQueryStartAndTheFirstRow() {
		// from 00:30: rows 2, 3, 4 (20 + 30 + 40, 2.5 + 3.0 + 4.0), stamped with the query start
		assertThat(this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01T00:30Z/2026-01-01T04:00Z",
				 "granularity": "all", "aggregations": [{"type": "count", "name": "rows"},
				   {"type": "longSum", "name": "latency", "fieldName": "latency"},
				   {"type": "doubleSum", "name": "bytes", "fieldName": "bytes"}]}
				""", List.of(segment))).isEqualTo("[" + row("2026-01-01T00:30:00.000Z", 3, 90L, 9.5) + "]");
		// from the day before: a (rows 1, 3) leads, stamped with the first row, not the query or segment start
		assertThat(this.runner.run("""
				{"queryType": "topN", "dataSource": "usage", "intervals": "2025-12-31/2026-01-02", "granularity": "all",
				 "dimension": "api", "threshold": 1, "metric": "rows", "aggregations": [{"type": "count", "name": "rows"}]}
				""", List.of(segment))).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":[{\"api\":\"a\","
				+ "\"rows\":2}]}]");
		// groupBy: the query's start, even a day before any data
		assertThat(this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2025-12-31/2026-01-02", "granularity": "all",
				 "dimensions": [], "aggregations": [{"type": "count", "name": "rows"}]}
				""", List.of(segment))).isEqualTo("[{\"version\":\"v1\",\"timestamp\":\"2025-12-31T00:00:00.000Z\","
				+ "\"event\":{\"rows\":4}}]");
	}

	@Test
	void emptyBucketsAreFilledOnlyFromTheFirstRowToTheLast() {
		// hours to 06:00: 00 (rows 1, 2), 01 (row 3), 02 (empty), 03 (row 4); none after the last row's hour
		String hourly = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01T00:00Z/2026-01-01T06:00Z",
				 "granularity": "hour", "aggregations": [{"type": "count", "name": "rows"}]}
				""", List.of(segment));
		assertThat(hourly).isEqualTo("[" + count("00:00", 2) + "," + count("01:00", 1) + "," + count("02:00", 0) + ","
				+ count("03:00", 1) + "]");
		// minutes 00:00 to 00:12: none before the first row's minute 00:10 (row 1), then 00:11 and 00:12 empty
		String minutes = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01T00:00Z/2026-01-01T00:13Z",
				 "granularity": "minute", "aggregations": [{"type": "count", "name": "rows"}]}
				""", List.of(segment));
		assertThat(minutes).isEqualTo("[" + count("00:10", 1) + "," + count("00:11", 0) + "," + count("00:12", 0) + "]");
	}

	private static String count(String time, long rows) {
		return "{\"timestamp\":\"2026-01-01T" + time + ":00.000Z\",\"result\":{\"rows\":" + rows + "}}";
	}

	@Test
	void notOfASelectorLeavesNullRowsOut() {
		// region is us (rows 1, 4), null (row 2) or eu (row 3): only row 3 is known not to be us; the stamp
		// is still the segment's first row, whatever the filter keeps
		assertThat(run("{\"type\": \"not\", \"field\": {\"type\": \"selector\", \"dimension\": \"region\", \"value\": \"us\"}}",
				"all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 1, 30L, 3.0) + "]");
	}

	@Test
	void selectorOnNullMatchesNullRows() {
		assertThat(run("{\"type\": \"selector\", \"dimension\": \"region\", \"value\": null}", "all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 1, 20L, 2.5) + "]");
		assertThat(run("{\"type\": \"null\", \"column\": \"region\"}", "all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 1, 20L, 2.5) + "]");
	}

	@Test
	void multiValueRowsMatchAnyOfTheirValues() {
		// y is in rows 1 and 3; x is in rows 1 and 4, so not x is row 3 (row 2's empty bundles are null)
		assertThat(run("{\"type\": \"selector\", \"dimension\": \"bundles\", \"value\": \"y\"}", "all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 2, 40L, 4.5) + "]");
		assertThat(run("{\"type\": \"not\", \"field\": {\"type\": \"selector\", \"dimension\": \"bundles\", \"value\": \"x\"}}",
				"all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 1, 30L, 3.0) + "]");
	}

	@Test
	void boundsCompareLexicographicallyOrNumerically() {
		// status as strings: "200" < "404" < "500"; (200, 500] lexicographic -> rows 2 and 4
		assertThat(run("{\"type\": \"bound\", \"dimension\": \"status\", \"lower\": \"200\", \"lowerStrict\": true, \"upper\": \"500\"}",
				"all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 2, 60L, 6.5) + "]");
		// latency numeric in [20, 30] -> rows 2 and 3
		assertThat(run("{\"type\": \"bound\", \"dimension\": \"latency\", \"lower\": \"20\", \"upper\": \"30\", \"ordering\": \"numeric\"}",
				"all", ""))
			.isEqualTo("[" + row(FIRST_ROW, 2, 50L, 5.5) + "]");
	}

	@Test
	void andOrNotCombine() {
		// (api = a and not status = 404) or region = null -> rows 1, 3 (api a) and row 2 (null region)
		String filter = """
				{"type": "or", "fields": [
				  {"type": "and", "fields": [{"type": "selector", "dimension": "api", "value": "a"},
				    {"type": "not", "field": {"type": "selector", "dimension": "status", "value": "404"}}]},
				  {"type": "null", "column": "region"}]}""";
		assertThat(run(filter, "all", "")).isEqualTo("[" + row(FIRST_ROW, 3, 60L, 7.0) + "]");
	}

	@Test
	void descendingLimitGrandTotalAndSkipEmptyBuckets() {
		String rows = run(null, "hour", ", \"descending\": true, \"limit\": 2, \"context\": {\"grandTotal\": \"true\"}");
		// hours descending: 03 (row 4), 02 (empty), then with a null timestamp the total of the rows the limit
		// kept (Druid's merge limits, then totals): row 4 alone
		assertThat(rows).isEqualTo("[" + row("2026-01-01T03:00:00.000Z", 1, 40L, 4.0) + ","
				+ row("2026-01-01T02:00:00.000Z", 0, null, null)
				+ ",{\"timestamp\":null,\"result\":{\"rows\":1,\"latency\":40,\"bytes\":4.0}}]");
		String skipped = run(null, "hour", ", \"context\": {\"skipEmptyBuckets\": true}");
		assertThat(skipped).doesNotContain("02:00:00").contains("03:00:00");
	}

	@Test
	void arithmeticPostAggregator() {
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "arithmetic", "name": "mean", "fn": "/", "fields": [
				   {"type": "fieldAccess", "fieldName": "latency"}, {"type": "fieldAccess", "fieldName": "rows"}]}]}
				""", List.of(segment));
		// 100 / 4 = 25.0
		assertThat(json).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"rows\":4,\"latency\":100,\"mean\":25.0}}]");
	}

	@Test
	void topNOrdersByMetricThenValue() {
		// rows per api: a = 2 (rows 1, 3), b = 1, c = 1; the tie b/c goes to the smaller value
		assertThat(this.runner.run("""
				{"queryType": "topN", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimension": "api", "threshold": 2, "metric": "rows",
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""", List.of(segment))).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":["
				+ "{\"api\":\"a\",\"rows\":2,\"latency\":40},{\"api\":\"b\",\"rows\":1,\"latency\":20}]}]");
		// by latency: a = 10 + 30 = 40, c = 40, b = 20; inverted by dimension: c, b, a
		assertThat(this.runner.run("""
				{"queryType": "topN", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimension": {"type": "default", "dimension": "api", "outputName": "service"}, "threshold": 3,
				 "metric": {"type": "inverted", "metric": {"type": "dimension", "ordering": "lexicographic"}},
				 "aggregations": [{"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""", List.of(segment))).isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":["
				+ "{\"service\":\"c\",\"latency\":40},{\"service\":\"b\",\"latency\":20},{\"service\":\"a\",\"latency\":40}]}]");
	}

	@Test
	void groupByOrdersByDimensionsNullsFirst() {
		String groupBy = """
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimensions": ["api", "region"], %s
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""";
		String all = this.runner.run(groupBy.formatted(""), List.of(segment));
		assertThat(all).isEqualTo("[" + event("a", "eu", 1, 30) + "," + event("a", "us", 1, 10) + ","
				+ event("b", null, 1, 20) + "," + event("c", "us", 1, 40) + "]");
		// latency > 15 and not api = c -> (a, eu) 30 and (b, null) 20
		String having = this.runner.run(groupBy.formatted("""
				"having": {"type": "and", "havingSpecs": [{"type": "greaterThan", "aggregation": "latency", "value": 15},
				  {"type": "not", "havingSpec": {"type": "dimSelector", "dimension": "api", "value": "c"}}]},"""),
				List.of(segment));
		assertThat(having).isEqualTo("[" + event("a", "eu", 1, 30) + "," + event("b", null, 1, 20) + "]");
		// largest latency first, skip one, take two: 40 (c), [30 (a, eu), 20 (b)]
		String limited = this.runner.run(groupBy.formatted("""
				"limitSpec": {"type": "default", "limit": 2, "offset": 1,
				  "columns": [{"dimension": "latency", "direction": "descending", "dimensionOrder": "numeric"}]},"""),
				List.of(segment));
		assertThat(limited).isEqualTo("[" + event("a", "eu", 1, 30) + "," + event("b", null, 1, 20) + "]");
	}

	@Test
	void groupByUnnestsMultiValueRows() {
		// x is in rows 1 and 4 (10 + 40), y in rows 1 and 3 (10 + 30), row 2 has none
		assertThat(this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimensions": ["bundles"], "aggregations": [{"type": "count", "name": "rows"},
				   {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""", List.of(segment))).isEqualTo("[" + bundle(null, 1, 20) + "," + bundle("x", 2, 50) + ","
				+ bundle("y", 2, 40) + "]");
	}

	private static String event(String api, String region, long rows, long latency) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"api\":"
				+ (api == null ? "null" : "\"" + api + "\"") + ",\"region\":"
				+ (region == null ? "null" : "\"" + region + "\"") + ",\"rows\":" + rows + ",\"latency\":" + latency + "}}";
	}

	private static String bundle(String value, long rows, long latency) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"event\":{\"bundles\":"
				+ (value == null ? "null" : "\"" + value + "\"") + ",\"rows\":" + rows + ",\"latency\":" + latency + "}}";
	}

	@Test
	void scanReturnsRowsInDruidsShape() {
		String scan = this.runner.run("""
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02",
				 "columns": ["__time", "api", "bundles", "region", "latency"],
				 "filter": {"type": "selector", "dimension": "bundles", "value": "x"}, "limit": 5}
				""", List.of(segment));
		// rows 1 and 4 hold bundle x; __time in millis, multi-values as arrays, one as a plain value
		assertThat(scan).isEqualTo("[{\"segmentId\":\"usage_2026-01-01T00:00:00.000Z_2026-01-02T00:00:00.000Z_v1\","
				+ "\"columns\":[\"__time\",\"api\",\"bundles\",\"region\",\"latency\"],\"events\":["
				+ "{\"__time\":" + IsoTime.parse("2026-01-01T00:10:00Z") + ",\"api\":\"a\",\"bundles\":[\"x\",\"y\"],\"region\":\"us\",\"latency\":10},"
				+ "{\"__time\":" + IsoTime.parse("2026-01-01T03:00:00Z") + ",\"api\":\"c\",\"bundles\":\"x\",\"region\":\"us\",\"latency\":40}],"
				+ "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},{\"name\":\"api\",\"type\":\"STRING\"},"
				+ "{\"name\":\"bundles\",\"type\":\"STRING\"},{\"name\":\"region\",\"type\":\"STRING\"},"
				+ "{\"name\":\"latency\",\"type\":\"LONG\"}]}]");
		String descending = this.runner.run("""
				{"queryType": "scan", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "columns": ["__time", "api"],
				 "resultFormat": "compactedList", "order": "descending", "limit": 2}
				""", List.of(segment));
		// the two latest rows, newest first: row 4 (c) then row 3 (a); no segment id under time order
		assertThat(descending).isEqualTo("[{\"segmentId\":null,\"columns\":[\"__time\",\"api\"],\"events\":[["
				+ IsoTime.parse("2026-01-01T03:00:00Z") + ",\"c\"],[" + IsoTime.parse("2026-01-01T01:05:00Z") + ",\"a\"]],"
				+ "\"rowSignature\":[{\"name\":\"__time\",\"type\":\"LONG\"},{\"name\":\"api\",\"type\":\"STRING\"}]}]");
	}

	@Test
	void timeBoundaryFindsTheFirstAndLastSelectedRows() {
		assertThat(this.runner.run("{\"queryType\": \"timeBoundary\", \"dataSource\": \"usage\"}", List.of(segment)))
			.isEqualTo("[{\"timestamp\":\"2026-01-01T00:10:00.000Z\",\"result\":{\"minTime\":\"2026-01-01T00:10:00.000Z\","
					+ "\"maxTime\":\"2026-01-01T03:00:00.000Z\"}}]");
		// api b is only row 2; maxTime alone is stamped with itself
		assertThat(this.runner.run("""
				{"queryType": "timeBoundary", "dataSource": "usage", "bound": "maxTime",
				 "filter": {"type": "selector", "dimension": "api", "value": "b"}}""", List.of(segment)))
			.isEqualTo("[{\"timestamp\":\"2026-01-01T00:50:00.000Z\",\"result\":{\"maxTime\":\"2026-01-01T00:50:00.000Z\"}}]");
		assertThat(this.runner.run("""
				{"queryType": "timeBoundary", "dataSource": "usage",
				 "filter": {"type": "selector", "dimension": "api", "value": "zzz"}}""", List.of(segment))).isEqualTo("[]");
	}

	@Test
	void segmentMetadataDescribesTheColumnsFromMetadataAlone() {
		tools.jackson.databind.JsonNode result = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
				this.runner.run("""
						{"queryType": "segmentMetadata", "dataSource": "usage", "merge": true,
						 "analysisTypes": ["cardinality", "minmax", "aggregators", "rollup"]}""", List.of(segment)));
		tools.jackson.databind.JsonNode only = result.get(0);
		assertThat(only.get("numRows").longValue()).isEqualTo(4);
		assertThat(only.get("rollup").booleanValue()).isFalse();
		tools.jackson.databind.JsonNode api = only.get("columns").get("api");
		// api holds a, b, c
		assertThat(api.get("type").stringValue()).isEqualTo("STRING");
		assertThat(api.get("cardinality").intValue()).isEqualTo(3);
		assertThat(api.get("minValue").stringValue()).isEqualTo("a");
		assertThat(api.get("maxValue").stringValue()).isEqualTo("c");
		assertThat(api.get("hasNulls").booleanValue()).isFalse();
		// bundles: x, y and the null of row 2's empty list
		tools.jackson.databind.JsonNode bundles = only.get("columns").get("bundles");
		assertThat(bundles.get("hasMultipleValues").booleanValue()).isTrue();
		assertThat(bundles.get("hasNulls").booleanValue()).isTrue();
		assertThat(bundles.get("cardinality").intValue()).isEqualTo(3);
		assertThat(only.get("columns").get("latency").get("type").stringValue()).isEqualTo("LONG");
		assertThat(only.get("columns").get("latency").get("cardinality").isNull()).isTrue();
		assertThat(only.get("columns").get("__time").get("type").stringValue()).isEqualTo("LONG");
		assertThat(only.get("aggregators").get("bytes").get("type").stringValue()).isEqualTo("doubleSum");
		assertThat(this.runner.run("{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"usage\"}", List.of(segment)))
			.isEqualTo("[{\"timestamp\":\"2026-01-01T03:00:00.000Z\",\"result\":{\"maxIngestedEventTime\":\"2026-01-01T03:00:00.000Z\"}}]");
	}

	@Test
	void hllSketchesMergeAtQueryTime() {
		// users u1 (rows 1, 3), u2, u3: 3 distinct overall, 1 per api; apis a, b, c: 3 distinct
		assertThat(this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "HLLSketchMerge", "name": "users", "fieldName": "users", "round": true},
				                  {"type": "HLLSketchBuild", "name": "apis", "fieldName": "api", "round": true}]}
				""", List.of(segment))).isEqualTo(
				"[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"users\":3,\"apis\":3}}]");
		assertThat(this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "dimensions": ["api"], "aggregations": [{"type": "HLLSketchMerge", "name": "users", "fieldName": "users"}]}
				""", List.of(segment))).contains("\"api\":\"a\",\"users\":1.0").contains("\"api\":\"c\",\"users\":1.0");
	}

	@Test
	void anUnknownDataSourceAnswersAnEmptyArray() {
		assertThat(this.runner.run("""
				{"queryType": "timeseries", "dataSource": "nothing", "intervals": "2026-01-01/2026-01-02", "granularity": "all"}
				""", List.of(segment))).isEqualTo("[]");
	}

	@Test
	void malformedQueriesNameTheProblem() {
		assertThatThrownBy(() -> this.runner.run("{\"queryType\": \"timeserie\"}", List.of(segment)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("queryType");
		assertThatThrownBy(() -> this.runner.run(
				"{\"queryType\": \"timeseries\", \"intervals\": \"2026-01-01/2026-01-02\", \"granularity\": \"all\"}",
				List.of(segment)))
			.hasMessageContaining("dataSource");
		assertThatThrownBy(() -> this.runner.run(
				"{\"queryType\": \"timeseries\", \"dataSource\": \"usage\", \"intervals\": \"yesterday\", \"granularity\": \"all\"}",
				List.of(segment)))
			.hasMessageContaining("intervals");
		assertThatThrownBy(() -> this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "aggregations": [{"type": "longSumm", "name": "x", "fieldName": "latency"}]}""", List.of(segment)))
			.hasMessageContaining("aggregations[0].type");
		assertThatThrownBy(() -> this.runner.run("not json", List.of(segment))).isInstanceOf(StrataException.class)
			.hasMessageContaining("JSON");
		assertThatThrownBy(() -> this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-01-01/2026-01-02", "granularity": "all",
				 "filter": {"type": "javascript", "dimension": "api", "function": "x"}}""", List.of(segment)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().druidErrorName()).isEqualTo("Unsupported operation"));
	}

}
