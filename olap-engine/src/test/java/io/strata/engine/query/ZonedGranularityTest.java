package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRow;
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

/**
 * Period granularities in America/Los_Angeles across the end of daylight saving time (2026-11-01,
 * 02:00 PDT becomes 01:00 PST): buckets start at local midnight, the day of the change lasts 25
 * hours, and result timestamps are the local bucket starts with their offset, as Druid prints
 * them. Expected buckets are worked out by hand from the rows below (UTC, then Los Angeles time).
 *
 * <pre>
 * row  UTC                local                  api
 * 1    2026-10-28T12:00Z  10-28 05:00 PDT (-7)   a
 * 2    2026-10-29T06:59Z  10-28 23:59 PDT        b
 * 3    2026-10-29T07:00Z  10-29 00:00 PDT        a
 * 4    2026-10-30T12:00Z  10-30 05:00 PDT        z
 * 5    2026-10-31T20:00Z  10-31 13:00 PDT        a
 * 6    2026-11-01T07:30Z  11-01 00:30 PDT        b
 * 7    2026-11-01T09:30Z  11-01 01:30 PST (-8)   a
 * 8    2026-11-02T07:30Z  11-01 23:30 PST        b
 * 9    2026-11-02T08:00Z  11-02 00:00 PST        a
 * 10   2026-11-03T12:00Z  11-03 04:00 PST        b
 * 11   2026-11-04T12:00Z  11-04 04:00 PST        a
 * </pre>
 */
class ZonedGranularityTest {

	@TempDir
	static Path directory;

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private static final String DAY = "{\"type\": \"period\", \"period\": \"P1D\", \"timeZone\": \"America/Los_Angeles\"}";

	/** Local 2026-10-28T00:00 PDT to 2026-11-05T00:00 PST. */
	private static final String WEEK = "2026-10-28T07:00:00Z/2026-11-05T08:00:00Z";

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"}, "dimensionsSpec": {"dimensions": ["api"]},
				 "metricsSpec": [{"type": "count", "name": "rows"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		String[][] rows = { { "2026-10-28T12:00:00Z", "a" }, { "2026-10-29T06:59:00Z", "b" },
				{ "2026-10-29T07:00:00Z", "a" }, { "2026-10-30T12:00:00Z", "z" }, { "2026-10-31T20:00:00Z", "a" },
				{ "2026-11-01T07:30:00Z", "b" }, { "2026-11-01T09:30:00Z", "a" }, { "2026-11-02T07:30:00Z", "b" },
				{ "2026-11-02T08:00:00Z", "a" }, { "2026-11-03T12:00:00Z", "b" }, { "2026-11-04T12:00:00Z", "a" } };
		List<InputRow> inputs = new ArrayList<>();
		for (String[] row : rows) {
			inputs.add(TestSegments.row(IsoTime.parse(row[0]), "api", row[1]));
		}
		SEGMENTS.addAll(TestSegments.index(schema, directory, 1000, inputs));
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
	}

	private static String bucket(String timestamp, long rows) {
		return "{\"timestamp\":\"" + timestamp + "\",\"result\":{\"rows\":" + rows + "}}";
	}

	@Test
	void daysStartAtLocalMidnightAndTheChangeDayLasts25Hours() {
		// 10-28: rows 1, 2; 10-29: 3; 10-30: 4 (api z, filtered out, so an empty bucket filled with 0);
		// 10-31: 5; 11-01 (25 h, 07:00Z to 08:00Z next day): 6, 7, 8; 11-02: 9; 11-03: 10; 11-04: 11
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "%s", "granularity": %s,
				 "filter": {"type": "not", "field": {"type": "selector", "dimension": "api", "value": "z"}},
				 "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(WEEK, DAY), SEGMENTS);
		assertThat(json).isEqualTo("[" + bucket("2026-10-28T00:00:00.000-07:00", 2) + ","
				+ bucket("2026-10-29T00:00:00.000-07:00", 1) + "," + bucket("2026-10-30T00:00:00.000-07:00", 0) + ","
				+ bucket("2026-10-31T00:00:00.000-07:00", 1) + "," + bucket("2026-11-01T00:00:00.000-07:00", 3) + ","
				+ bucket("2026-11-02T00:00:00.000-08:00", 1) + "," + bucket("2026-11-03T00:00:00.000-08:00", 1) + ","
				+ bucket("2026-11-04T00:00:00.000-08:00", 1) + "]");
	}

	@Test
	void theRepeatedHourIsTwoBucketsWithDifferentOffsets() {
		// 07:00Z = 00:00 PDT (row 6), 08:00Z = 01:00 PDT (none), 09:00Z = 01:00 PST (row 7); 10:00Z = 02:00 PST
		// is not filled: the UTC day segment of 11-01 ends its data with row 7 (row 8 is in the next one)
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-11-01T07:00Z/2026-11-01T11:00Z",
				 "granularity": {"type": "period", "period": "PT1H", "timeZone": "America/Los_Angeles"},
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS);
		assertThat(json).isEqualTo("[" + bucket("2026-11-01T00:00:00.000-07:00", 1) + ","
				+ bucket("2026-11-01T01:00:00.000-07:00", 0) + "," + bucket("2026-11-01T01:00:00.000-08:00", 1) + "]");
	}

	@Test
	void groupByAndTopNStampTheirRowsInTheZone() {
		// api b on local days: 10-28 (row 2), 11-01 (rows 6, 8), 11-03 (row 10)
		String groupBy = this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "%s", "granularity": %s,
				 "filter": {"type": "selector", "dimension": "api", "value": "b"}, "dimensions": ["api"],
				 "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(WEEK, DAY), SEGMENTS);
		assertThat(groupBy).isEqualTo("[" + event("2026-10-28T00:00:00.000-07:00", 1) + ","
				+ event("2026-11-01T00:00:00.000-07:00", 2) + "," + event("2026-11-03T00:00:00.000-08:00", 1) + "]");
		// weeks start on local Monday: 10-26 holds rows 1 to 8 (a: 1, 3, 5, 7; b: 2, 6, 8; z: 4), 11-02 rows 9 to
		// 11 (a: 9, 11; b: 10)
		String topN = this.runner.run("""
				{"queryType": "topN", "dataSource": "usage", "intervals": "%s", "dimension": "api", "threshold": 1,
				 "metric": "rows", "granularity": {"type": "period", "period": "P1W", "timeZone": "America/Los_Angeles"},
				 "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(WEEK), SEGMENTS);
		assertThat(topN).isEqualTo("[{\"timestamp\":\"2026-10-26T00:00:00.000-07:00\",\"result\":[{\"api\":\"a\","
				+ "\"rows\":4}]},{\"timestamp\":\"2026-11-02T00:00:00.000-08:00\",\"result\":[{\"api\":\"a\",\"rows\":2}]}]");
	}

	@Test
	void searchStampsItsBucketsInTheZone() {
		// which buckets search returns is the search engine's business; each is a local midnight
		// with the offset of its date: PDT up to 11-01, PST from 11-02
		String search = this.runner.run("""
				{"queryType": "search", "dataSource": "usage", "intervals": "%s", "granularity": %s,
				 "searchDimensions": ["api"], "query": {"type": "insensitive_contains", "value": "b"}}"""
			.formatted(WEEK, DAY), SEGMENTS);
		List<String> timestamps = new ArrayList<>();
		tools.jackson.databind.json.JsonMapper.builder().build().readTree(search)
			.forEach(row -> timestamps.add(row.get("timestamp").stringValue()));
		assertThat(timestamps).isNotEmpty().allSatisfy(timestamp -> {
			String date = timestamp.substring(0, 10);
			String offset = date.compareTo("2026-11-02") < 0 ? "-07:00" : "-08:00";
			assertThat(timestamp).isEqualTo(date + "T00:00:00.000" + offset);
		});
	}

	private static String event(String timestamp, long rows) {
		return "{\"version\":\"v1\",\"timestamp\":\"" + timestamp + "\",\"event\":{\"api\":\"b\",\"rows\":" + rows + "}}";
	}

	@Test
	void utcGranularitiesKeepTheZSuffix() {
		// the UTC day of 11-01 holds rows 6 and 7
		String json = this.runner.run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-11-01/2026-11-02",
				 "granularity": {"type": "period", "period": "P1D", "timeZone": "UTC"},
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS);
		assertThat(json).isEqualTo("[" + bucket("2026-11-01T00:00:00.000Z", 2) + "]");
	}

}
