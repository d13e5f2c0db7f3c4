package io.strata.engine.query;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Extraction dimension specs, the value-testing filters and the search query on five hand-written
 * rows in two day segments; every expected result is worked out by hand from the rows below.
 *
 * <pre>
 * row time              api        paths                  region   status latency
 * r1  2026-01-01T00:10  getUser    [/v1/users, /v1/me]    us-east  200    10
 * r2  2026-01-01T00:50  listUsers  []                     null     404    20
 * r3  2026-01-01T01:05  getOrder   [/v2/orders]           eu-west  200    30
 * r4  2026-01-02T03:00  putUser    [/v1/users]            us-west  null   40
 * r5  2026-01-02T05:30  get_all    [/v1/me]               US-EAST  500    50
 * </pre>
 * status is a long dimension; latency a longSum metric. Timeseries and topN of granularity all over
 * both days are stamped, as in Druid, with the earliest over the segments of the later of the query
 * start and the segment's first row: r1's time.
 */
class ExtractionAndSearchGoldenTest {

	/** r1's time, day 1's first row. */
	private static final String FIRST_ROW = "2026-01-01T00:10:00.000Z";

	@TempDir
	static Path directory;

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "calls", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "paths", "region", {"type": "long", "name": "status"}]},
				 "metricsSpec": [{"type": "count", "name": "rows"},
				                 {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		IncrementalIndex first = new IncrementalIndex(schema);
		add(first, "2026-01-01T00:10:00Z", "getUser", List.of("/v1/users", "/v1/me"), "us-east", 200L, 10);
		add(first, "2026-01-01T00:50:00Z", "listUsers", List.of(), null, 404L, 20);
		add(first, "2026-01-01T01:05:00Z", "getOrder", List.of("/v2/orders"), "eu-west", 200L, 30);
		IncrementalIndex second = new IncrementalIndex(schema);
		add(second, "2026-01-02T03:00:00Z", "putUser", List.of("/v1/users"), "us-west", null, 40);
		add(second, "2026-01-02T05:30:00Z", "get_all", List.of("/v1/me"), "US-EAST", 500L, 50);
		SEGMENTS.add(TestSegments.persist(first, TestSegments.id("calls", "2026-01-01/2026-01-02", 0), directory));
		SEGMENTS.add(TestSegments.persist(second, TestSegments.id("calls", "2026-01-02/2026-01-03", 0), directory));
	}

	private static void add(IncrementalIndex index, String time, String api, List<String> paths, String region,
			Long status, long latency) {
		index.add(TestSegments.row(IsoTime.parse(time), "api", api, "paths", paths, "region", region, "status", status,
				"latency", latency));
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
	}

	private String groupBy(String dimension, String extra) {
		return this.runner.run("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": [%s], %s
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
				""".formatted(dimension, extra), SEGMENTS);
	}

	/** A groupBy row at the first day with one dimension {@code d}. */
	private static String event(Object value, long rows, long latency) {
		return event("2026-01-01T00:00:00.000Z", value, rows, latency);
	}

	private static String event(String time, Object value, long rows, long latency) {
		String json = value == null ? "null" : value instanceof String text ? "\"" + text + "\"" : value.toString();
		return "{\"version\":\"v1\",\"timestamp\":\"" + time + "\",\"event\":{\"d\":" + json + ",\"rows\":" + rows
				+ ",\"latency\":" + latency + "}}";
	}

	private static String rows(String... events) {
		return "[" + String.join(",", events) + "]";
	}

	@Test
	void lookupCollapsesValuesWithinAndAcrossSegments() {
		// getUser, listUsers (day 1) and putUser (day 2) are all "user": 10 + 20 + 40; get_all is missing
		String dimension = """
				{"type": "extraction", "dimension": "api", "outputName": "d", "extractionFn": {"type": "lookup",
				 "lookup": {"type": "map", "map": {"getUser": "user", "listUsers": "user", "putUser": "user", "getOrder": "order"}},
				 "replaceMissingValueWith": "other"}}""";
		assertThat(groupBy(dimension, "")).isEqualTo(
				rows(event("order", 1, 30), event("other", 1, 50), event("user", 3, 70)));
		// the lookup dimension spec is the same function
		assertThat(groupBy("""
				{"type": "lookup", "dimension": "api", "outputName": "d", "retainMissingValue": true,
				 "lookup": {"type": "map", "map": {"getUser": "user", "putUser": "user"}}}""", ""))
			.isEqualTo(rows(event("getOrder", 1, 30), event("get_all", 1, 50), event("listUsers", 1, 20),
					event("user", 2, 50)));
	}

	@Test
	void regexSubstringAndUpperGroup() {
		// ^(get|put|list): get = r1, r3, r5 (10 + 30 + 50), list = r2, put = r4
		assertThat(groupBy("{\"type\": \"extraction\", \"dimension\": \"api\", \"outputName\": \"d\","
				+ " \"extractionFn\": {\"type\": \"regex\", \"expr\": \"^(get|put|list)\"}}", ""))
			.isEqualTo(rows(event("get", 3, 90), event("list", 1, 20), event("put", 1, 40)));
		// no match becomes null with replaceMissingValue: only getOrder holds "Order"
		assertThat(groupBy("{\"type\": \"extraction\", \"dimension\": \"api\", \"outputName\": \"d\", \"extractionFn\":"
				+ " {\"type\": \"regex\", \"expr\": \"Order\", \"index\": 0, \"replaceMissingValue\": true}}", ""))
			.isEqualTo(rows(event(null, 4, 120), event("Order", 1, 30)));
		// the first two characters of region: us (r1, r4), eu (r3), US (r5), null (r2); UTF-8 order: US < eu < us
		assertThat(groupBy("{\"type\": \"extraction\", \"dimension\": \"region\", \"outputName\": \"d\","
				+ " \"extractionFn\": {\"type\": \"substring\", \"index\": 0, \"length\": 2}}", ""))
			.isEqualTo(rows(event(null, 1, 20), event("US", 1, 50), event("eu", 1, 30), event("us", 2, 50)));
		// us-east (day 1) and US-EAST (day 2) merge once upper-cased
		assertThat(groupBy("{\"type\": \"extraction\", \"dimension\": \"region\", \"outputName\": \"d\","
				+ " \"extractionFn\": {\"type\": \"upper\"}}", ""))
			.isEqualTo(rows(event(null, 1, 20), event("EU-WEST", 1, 30), event("US-EAST", 2, 60),
					event("US-WEST", 1, 40)));
	}

	@Test
	void strlenOfAMultiValueDimensionAsStringsAndAsLongs() {
		// /v1/users is 9 long (r1, r4), /v1/me 6 (r1, r5), /v2/orders 10 (r3); r2 has none
		String strlen = "{\"type\": \"extraction\", \"dimension\": \"paths\", \"outputName\": \"d\", %s"
				+ " \"extractionFn\": {\"type\": \"strlen\"}}";
		assertThat(groupBy(strlen.formatted(""), "")).isEqualTo(
				rows(event(null, 1, 20), event("10", 1, 30), event("6", 2, 60), event("9", 2, 50)));
		// as LONG: numbers in the JSON, ordered numerically
		assertThat(groupBy(strlen.formatted("\"outputType\": \"LONG\","), "")).isEqualTo(
				rows(event(null, 1, 20), event(6L, 2, 60), event(9L, 2, 50), event(10L, 1, 30)));
	}

	@Test
	void lookupOnALongDimensionSeesItsDecimalText() {
		// 200 -> ok (r1, r3), 404 -> missing (r2), 500 kept (r5), null stays null (r4)
		assertThat(groupBy("""
				{"type": "extraction", "dimension": "status", "outputName": "d", "extractionFn": {"type": "lookup",
				 "lookup": {"type": "map", "map": {"200": "ok", "404": "missing"}}, "retainMissingValue": true}}""", ""))
			.isEqualTo(rows(event(null, 1, 40), event("500", 1, 50), event("missing", 1, 20), event("ok", 2, 40)));
	}

	@Test
	void timeFormatOnTimeGroupsByFormattedTime() {
		String byHour = "{\"type\": \"extraction\", \"dimension\": \"__time\", \"outputName\": \"d\","
				+ " \"extractionFn\": {\"type\": \"timeFormat\", \"format\": \"%s\"%s}}";
		// in New York (UTC-5): r1, r2 at 19h of Dec 31; r3 20h; r4 22h; r5 00h of Jan 2
		assertThat(groupBy(byHour.formatted("HH", ", \"timeZone\": \"America/New_York\""), ""))
			.isEqualTo(rows(event("00", 1, 50), event("19", 2, 30), event("20", 1, 30), event("22", 1, 40)));
		// by day in UTC: three rows on the 1st, two on the 2nd
		assertThat(groupBy(byHour.formatted("yyyy-MM-dd", ""), "")).isEqualTo(
				rows(event("2026-01-01", 3, 60), event("2026-01-02", 2, 90)));
		// under a day query granularity __time is the day bucket, so every row formats as midnight
		String daily = this.runner.run("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "day",
				 "dimensions": [%s], "aggregations": [{"type": "count", "name": "rows"},
				 {"type": "longSum", "name": "latency", "fieldName": "latency"}]}""".formatted(byHour.formatted("HH:mm", "")),
				SEGMENTS);
		assertThat(daily).isEqualTo(rows(event("2026-01-01T00:00:00.000Z", "00:00", 3, 60),
				event("2026-01-02T00:00:00.000Z", "00:00", 2, 90)));
	}

	@Test
	void topNOnACascade() {
		// ^([a-z]+) then upper: GET = 10 + 30 + 50, LIST = 20, PUT = 40
		assertThat(this.runner.run("""
				{"queryType": "topN", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimension": {"type": "extraction", "dimension": "api", "outputName": "verb", "extractionFn": {"type": "cascade",
				   "extractionFns": [{"type": "regex", "expr": "^([a-z]+)"}, {"type": "upper"}]}},
				 "threshold": 2, "metric": "latency",
				 "aggregations": [{"type": "longSum", "name": "latency", "fieldName": "latency"}]}""", SEGMENTS))
			.isEqualTo("[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":[{\"verb\":\"GET\",\"latency\":90},"
					+ "{\"verb\":\"PUT\",\"latency\":40}]}]");
	}

	/** Rows and latency of a timeseries over both days with the filter. */
	private String filtered(String filter) {
		return this.runner.run("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "filter": %s, "aggregations": [{"type": "count", "name": "rows"},
				 {"type": "longSum", "name": "latency", "fieldName": "latency"}]}""".formatted(filter), SEGMENTS);
	}

	/** The one row of granularity all, stamped with r1's time whichever rows the filter keeps. */
	private static String total(long rows, Long latency) {
		return "[{\"timestamp\":\"" + FIRST_ROW + "\",\"result\":{\"rows\":" + rows + ",\"latency\":" + latency
				+ "}}]";
	}

	private static String not(String filter) {
		return "{\"type\": \"not\", \"field\": " + filter + "}";
	}

	@Test
	void likeMatchesWholeValuesWithWildcardsAndEscapes() {
		// get%: getUser, getOrder, get_all
		assertThat(filtered("{\"type\": \"like\", \"dimension\": \"api\", \"pattern\": \"get%\"}")).isEqualTo(total(3, 90L));
		// an escaped _ is literal: get_all alone
		assertThat(filtered("{\"type\": \"like\", \"dimension\": \"api\", \"pattern\": \"get\\\\_%\", \"escape\": \"\\\\\"}"))
			.isEqualTo(total(1, 50L));
		// one character after "User": listUsers only
		assertThat(filtered("{\"type\": \"like\", \"dimension\": \"api\", \"pattern\": \"%User_\"}")).isEqualTo(total(1, 20L));
		// not like us%: eu-west and US-EAST (case-sensitive); the null region is unknown
		assertThat(filtered(not("{\"type\": \"like\", \"dimension\": \"region\", \"pattern\": \"us%\"}")))
			.isEqualTo(total(2, 80L));
	}

	@Test
	void regexAndSearchFiltersOnMultiValueAndNullRows() {
		// ^/v1 is found in r1, r4, r5; not: r3 only, r2 (no paths) is unknown
		String v1 = "{\"type\": \"regex\", \"dimension\": \"paths\", \"pattern\": \"^/v1\"}";
		assertThat(filtered(v1)).isEqualTo(total(3, 100L));
		assertThat(filtered(not(v1))).isEqualTo(total(1, 30L));
		// found, not matched: "user" anywhere in a path
		assertThat(filtered("{\"type\": \"regex\", \"dimension\": \"paths\", \"pattern\": \"user\"}")).isEqualTo(total(2, 50L));
		assertThat(filtered("{\"type\": \"search\", \"dimension\": \"region\", \"query\": {\"type\": \"insensitive_contains\", \"value\": \"EAST\"}}"))
			.isEqualTo(total(2, 60L));
		String east = "{\"type\": \"search\", \"dimension\": \"region\", \"query\": {\"type\": \"contains\", \"value\": \"east\", \"caseSensitive\": true}}";
		assertThat(filtered(east)).isEqualTo(total(1, 10L));
		assertThat(filtered(not(east))).isEqualTo(total(3, 120L));
		assertThat(filtered("{\"type\": \"search\", \"dimension\": \"region\", \"query\": {\"type\": \"fragment\", \"values\": [\"US\", \"west\"]}}"))
			.isEqualTo(total(1, 40L));
	}

	@Test
	void intervalFilterOnTimeAndOnALongColumn() {
		// r2 (00:50), r3 (01:05) and r5 (05:30 on the 2nd)
		assertThat(filtered("""
				{"type": "interval", "dimension": "__time",
				 "intervals": ["2026-01-01T00:30Z/2026-01-01T02:00Z", "2026-01-02T05:00Z/2026-01-03"]}"""))
			.isEqualTo(total(3, 100L));
		// status as millis in [300, 500): 404 only; not: 200, 200, 500, with null r4 unknown
		String status = "{\"type\": \"interval\", \"dimension\": \"status\","
				+ " \"intervals\": [\"1970-01-01T00:00:00.300Z/1970-01-01T00:00:00.500Z\"]}";
		assertThat(filtered(status)).isEqualTo(total(1, 20L));
		assertThat(filtered(not(status))).isEqualTo(total(3, 90L));
		// with a timeFormat extraction the formatted text is read as a number: day of month 2
		assertThat(filtered("""
				{"type": "interval", "dimension": "__time", "extractionFn": {"type": "timeFormat", "format": "d"},
				 "intervals": ["1970-01-01T00:00:00.002Z/1970-01-01T00:00:00.003Z"]}""")).isEqualTo(total(2, 90L));
	}

	@Test
	void extractionFnsOnSelectorInAndBound() {
		String verb = "{\"type\": \"cascade\", \"extractionFns\": [{\"type\": \"regex\", \"expr\": \"^([a-z]+)\"}, {\"type\": \"upper\"}]}";
		assertThat(filtered("{\"type\": \"selector\", \"dimension\": \"api\", \"value\": \"GET\", \"extractionFn\": " + verb + "}"))
			.isEqualTo(total(3, 90L));
		// a null value matches rows whose extracted value is null: the null region only
		assertThat(filtered("""
				{"type": "selector", "dimension": "region", "value": null,
				 "extractionFn": {"type": "substring", "index": 0, "length": 2}}""")).isEqualTo(total(1, 20L));
		// a lookup can turn null into a value: r2 (null), r3, r4, r5 become none
		assertThat(filtered("""
				{"type": "selector", "dimension": "region", "value": "none", "extractionFn": {"type": "lookup",
				 "lookup": {"type": "map", "map": {"us-east": "east"}}, "replaceMissingValueWith": "none"}}"""))
			.isEqualTo(total(4, 140L));
		// path lengths 6 or 10: r1 (/v1/me), r3, r5; not: r4 alone, r2 unknown
		String lengths = "{\"type\": \"in\", \"dimension\": \"paths\", \"values\": [\"6\", \"10\"], \"extractionFn\": {\"type\": \"strlen\"}}";
		assertThat(filtered(lengths)).isEqualTo(total(3, 90L));
		assertThat(filtered(not(lengths))).isEqualTo(total(1, 40L));
		// api lengths: getUser 7, listUsers 9, getOrder 8, putUser 7, get_all 7; [7, 8] -> all but r2
		assertThat(filtered("""
				{"type": "bound", "dimension": "api", "lower": "7", "upper": "8", "ordering": "numeric",
				 "extractionFn": {"type": "strlen"}}""")).isEqualTo(total(4, 130L));
		// __time as day of month: the 2nd is r4 and r5
		assertThat(filtered("""
				{"type": "selector", "dimension": "__time", "value": "02",
				 "extractionFn": {"type": "timeFormat", "format": "dd"}}""")).isEqualTo(total(2, 90L));
		// a column no segment has is null everywhere; strlen keeps it null, so only a null selector matches
		assertThat(filtered("{\"type\": \"selector\", \"dimension\": \"nothing\", \"value\": null, \"extractionFn\": {\"type\": \"strlen\"}}"))
			.isEqualTo(total(5, 150L));
		assertThat(filtered(not("{\"type\": \"like\", \"dimension\": \"nothing\", \"pattern\": \"%\"}")))
			.isEqualTo(total(0, null));
	}

	private String search(String fields) {
		return this.runner.run("{\"queryType\": \"search\", \"dataSource\": \"calls\", \"intervals\": \"2026-01-01/2026-01-03\", "
				+ fields + "}", SEGMENTS);
	}

	private static String hit(String dimension, String value, long count) {
		return "{\"dimension\":\"" + dimension + "\",\"value\":" + (value == null ? "null" : "\"" + value + "\"")
				+ ",\"count\":" + count + "}";
	}

	private static String result(String time, String... hits) {
		return "{\"timestamp\":\"" + time + "\",\"result\":[" + String.join(",", hits) + "]}";
	}

	@Test
	void searchFindsValuesSortedAndCounted() {
		// "us" without case: api getUser, listUsers, putUser; region us-east, us-west, US-EAST; by UTF-8 bytes
		assertThat(search("""
				"searchDimensions": ["api", "region"], "query": {"type": "insensitive_contains", "value": "us"}"""))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("region", "US-EAST", 1), hit("api", "getUser", 1),
					hit("api", "listUsers", 1), hit("api", "putUser", 1), hit("region", "us-east", 1),
					hit("region", "us-west", 1)) + "]");
		// a multi-value dimension counts rows per value across both days: /v1/me r1, r5; /v1/users r1, r4;
		// strlen order puts the shorter first, and limit 1 keeps it
		assertThat(search("""
				"searchDimensions": ["paths"], "query": {"type": "contains", "value": "v1"}, "sort": {"type": "strlen"}"""))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("paths", "/v1/me", 2), hit("paths", "/v1/users", 2)) + "]");
		assertThat(search("""
				"searchDimensions": ["paths"], "query": {"type": "contains", "value": "v1"}, "sort": {"type": "strlen"},
				"limit": 1""")).isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("paths", "/v1/me", 2)) + "]");
	}

	@Test
	void searchPerDayWithAFilterKeepsEmptyResults() {
		// only r1 is in us-east: its two paths on day 1; day 2 is searched and finds nothing
		assertThat(search("""
				"granularity": "day", "searchDimensions": ["paths"],
				"filter": {"type": "selector", "dimension": "region", "value": "us-east"}"""))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("paths", "/v1/me", 1), hit("paths", "/v1/users", 1))
					+ "," + result("2026-01-02T00:00:00.000Z") + "]");
		// outside both segments: no result at all
		assertThat(this.runner.run("""
				{"queryType": "search", "dataSource": "calls", "intervals": "2027-01-01/2027-01-02",
				 "query": {"type": "contains", "value": "a"}}""", SEGMENTS)).isEqualTo("[]");
	}

	@Test
	void searchOnALongDimensionAnExtractionAndEveryDimension() {
		// status text holding 0: 200 (r1, r3), 404 (r2), 500 (r5); null r4 is no value; numeric order
		assertThat(search("""
				"searchDimensions": ["status"], "query": {"type": "contains", "value": "0"}, "sort": {"type": "numeric"}"""))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("status", "200", 2), hit("status", "404", 1),
					hit("status", "500", 1)) + "]");
		// the verb of api: get from getUser and getOrder (day 1) and get_all (day 2) is one hit of 3
		assertThat(search("""
				"searchDimensions": [{"type": "extraction", "dimension": "api", "outputName": "verb",
				  "extractionFn": {"type": "regex", "expr": "^([a-z]+)"}}],
				"query": {"type": "contains", "value": "e", "caseSensitive": true}"""))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("verb", "get", 3)) + "]");
		// no searchDimensions: every dimension; only api get_all matches ^get_
		assertThat(search("\"query\": {\"type\": \"regex\", \"pattern\": \"^get_\"}"))
			.isEqualTo("[" + result("2026-01-01T00:00:00.000Z", hit("api", "get_all", 1)) + "]");
		// alphanumeric: digit runs compare as numbers, so /v2 sorts after /v1 and 2 < 10 would hold
		assertThat(search("""
				"searchDimensions": ["paths"], "query": {"type": "fragment", "values": ["/V", "S"]},
				"sort": {"type": "alphanumeric"}""")).isEqualTo("[" + result("2026-01-01T00:00:00.000Z",
						hit("paths", "/v1/users", 2), hit("paths", "/v2/orders", 1)) + "]");
	}

	@Test
	void malformedSpecsNameTheField() {
		assertInvalidQuery("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": [{"type": "extraction", "dimension": "api", "extractionFn": {"type": "nope"}}]}""",
				"dimensions[0].extractionFn.type");
		assertInvalidQuery("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": [{"type": "extraction", "dimension": "api"}]}""", "dimensions[0].extractionFn");
		assertInvalidQuery("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "dimensions": [{"type": "default", "dimension": "api", "outputType": "BOOLEAN"}]}""", "dimensions[0].outputType");
		assertInvalidQuery(timeseries("{\"type\": \"like\", \"dimension\": \"api\", \"pattern\": \"a\", \"escape\": \"ab\"}"),
				"filter.escape");
		assertInvalidQuery(timeseries("{\"type\": \"like\", \"dimension\": \"api\"}"), "filter.pattern");
		assertInvalidQuery(timeseries("{\"type\": \"regex\", \"dimension\": \"api\", \"pattern\": \"[\"}"), "filter.pattern");
		assertInvalidQuery(timeseries("{\"type\": \"search\", \"dimension\": \"api\", \"query\": {\"type\": \"near\"}}"),
				"filter.query.type");
		assertInvalidQuery(timeseries("{\"type\": \"interval\", \"dimension\": \"__time\", \"intervals\": [\"soon\"]}"),
				"filter.intervals[0]");
		assertInvalidQuery(timeseries("{\"type\": \"interval\", \"dimension\": \"__time\", \"intervals\": []}"),
				"filter.intervals");
		assertInvalidQuery(timeseries("""
				{"type": "selector", "dimension": "api", "value": "a", "extractionFn": {"type": "substring", "length": -1}}"""),
				"filter.extractionFn.length");
		assertInvalidQuery("""
				{"queryType": "search", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03",
				 "query": {"type": "contains"}}""", "query.value");
		assertInvalidQuery("""
				{"queryType": "search", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03",
				 "sort": {"type": "backwards"}}""", "sort.type");
		assertInvalidQuery("""
				{"queryType": "search", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "limit": -1}""", "limit");
		assertInvalidQuery("{\"queryType\": \"search\", \"dataSource\": \"calls\"}", "intervals");
	}

	private static String timeseries(String filter) {
		return """
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-01-01/2026-01-03", "granularity": "all",
				 "filter": %s}""".formatted(filter);
	}

	private void assertInvalidQuery(String query, String field) {
		assertThatThrownBy(() -> this.runner.run(query, SEGMENTS)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("field[" + field + "]");
	}

}
