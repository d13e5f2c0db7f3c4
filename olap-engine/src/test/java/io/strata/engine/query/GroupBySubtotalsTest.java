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
 * groupBy with a {@code subtotalsSpec} on six hand-written rows in two day segments; every expected
 * row is worked out by hand.
 *
 * <pre>
 * row time              api region latency
 * r1  2026-01-01T00:10  a   us     10
 * r2  2026-01-01T00:50  b   null   20
 * r3  2026-01-01T01:05  a   eu     30
 * r4  2026-01-01T03:00  c   us     40
 * r5  2026-01-02T02:00  b   eu     50
 * r6  2026-01-02T05:30  a   null   60
 * </pre>
 */
class GroupBySubtotalsTest {

	@TempDir
	static Path directory;

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() {
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "region"]},
				 "metricsSpec": [{"type": "count", "name": "rows"},
				                 {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		IncrementalIndex first = new IncrementalIndex(schema);
		add(first, "2026-01-01T00:10:00Z", "a", "us", 10);
		add(first, "2026-01-01T00:50:00Z", "b", null, 20);
		add(first, "2026-01-01T01:05:00Z", "a", "eu", 30);
		add(first, "2026-01-01T03:00:00Z", "c", "us", 40);
		IncrementalIndex second = new IncrementalIndex(schema);
		add(second, "2026-01-02T02:00:00Z", "b", "eu", 50);
		add(second, "2026-01-02T05:30:00Z", "a", null, 60);
		SEGMENTS.add(TestSegments.persist(first, TestSegments.id("usage", "2026-01-01/2026-01-02", 0), directory));
		SEGMENTS.add(TestSegments.persist(second, TestSegments.id("usage", "2026-01-02/2026-01-03", 0), directory));
	}

	private static void add(IncrementalIndex index, String time, String api, String region, long latency) {
		index.add(TestSegments.row(IsoTime.parse(time), "api", api, "region", region, "latency", latency));
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
	}

	private String groupBy(String granularity, String subtotals, String extra) {
		return this.runner.run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-01-01/2026-01-03", "granularity": "%s",
				 "dimensions": ["api", "region"], "subtotalsSpec": %s, %s
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "arithmetic", "name": "mean", "fn": "/",
				   "fields": [{"type": "fieldAccess", "fieldName": "latency"}, {"type": "fieldAccess", "fieldName": "rows"}]}]}
				""".formatted(granularity, subtotals, extra), SEGMENTS);
	}

	private static String row(String day, String api, String region, long rows, long latency) {
		return "{\"version\":\"v1\",\"timestamp\":\"2026-01-0" + day + "T00:00:00.000Z\",\"event\":{\"api\":"
				+ quote(api) + ",\"region\":" + quote(region) + ",\"rows\":" + rows + ",\"latency\":" + latency
				+ ",\"mean\":" + (double) latency / rows + "}}";
	}

	private static String quote(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	@Test
	void eachGroupingFollowsThePreviousWithLeftOutDimensionsNull() {
		// [api, region]: every row its own group, in api then region order (nulls first);
		// [api]: a = r1, r3, r6 (10 + 30 + 60), b = r2, r5 (20 + 50), c = r4; []: all six rows (210)
		assertThat(groupBy("all", "[[\"api\", \"region\"], [\"api\"], []]", ""))
			.isEqualTo("[" + row("1", "a", null, 1, 60) + "," + row("1", "a", "eu", 1, 30) + ","
					+ row("1", "a", "us", 1, 10) + "," + row("1", "b", null, 1, 20) + "," + row("1", "b", "eu", 1, 50) + ","
					+ row("1", "c", "us", 1, 40) + "," + row("1", "a", null, 3, 100) + "," + row("1", "b", null, 2, 70)
					+ "," + row("1", "c", null, 1, 40) + "," + row("1", null, null, 6, 210) + "]");
	}

	@Test
	void aGroupingNeedNotBeAPrefixOfTheDimensions() {
		// [region]: null = r2, r6 (20 + 60), eu = r3, r5 (30 + 50), us = r1, r4 (10 + 40); then [api] alone
		assertThat(groupBy("all", "[[\"region\"], [\"api\"]]", ""))
			.isEqualTo("[" + row("1", null, null, 2, 80) + "," + row("1", null, "eu", 2, 80) + ","
					+ row("1", null, "us", 2, 50) + "," + row("1", "a", null, 3, 100) + "," + row("1", "b", null, 2, 70)
					+ "," + row("1", "c", null, 1, 40) + "]");
	}

	@Test
	void havingAndLimitSpecApplyToAllGroupingsTogether() {
		// [api] then []: a 100, b 70, c 40, all 210; having latency > 60 keeps a, b and all
		assertThat(groupBy("all", "[[\"api\"], []]",
				"\"having\": {\"type\": \"greaterThan\", \"aggregation\": \"latency\", \"value\": 60},"))
			.isEqualTo("[" + row("1", "a", null, 3, 100) + "," + row("1", "b", null, 2, 70) + ","
					+ row("1", null, null, 6, 210) + "]");
		// ordered by latency descending across the groupings, then cut to two: all (210), a (100)
		assertThat(groupBy("all", "[[\"api\"], []]", """
				"limitSpec": {"type": "default", "limit": 2,
				  "columns": [{"dimension": "latency", "direction": "descending", "dimensionOrder": "numeric"}]},"""))
			.isEqualTo("[" + row("1", null, null, 6, 210) + "," + row("1", "a", null, 3, 100) + "]");
		// a limit alone keeps the groupings' order under granularity all: a, b, c, then all; offset 2 takes c, all
		assertThat(groupBy("all", "[[\"api\"], []]", "\"limitSpec\": {\"type\": \"default\", \"limit\": 3, \"offset\": 2},"))
			.isEqualTo("[" + row("1", "c", null, 1, 40) + "," + row("1", null, null, 6, 210) + "]");
	}

	@Test
	void aLimitSpecSortsByTimeFirstSoDaysInterleaveGroupings() {
		// by day: day 1 [api] a (r1, r3), b (r2), c (r4) and [] (4 rows, 100); day 2 [api] a (r6), b (r5) and [] (110)
		String day1 = row("1", "a", null, 2, 40) + "," + row("1", "b", null, 1, 20) + "," + row("1", "c", null, 1, 40);
		String day2 = row("2", "a", null, 1, 60) + "," + row("2", "b", null, 1, 50);
		String total1 = row("1", null, null, 4, 100);
		String total2 = row("2", null, null, 2, 110);
		// without a limitSpec the groupings come one after the other, each in time order
		assertThat(groupBy("day", "[[\"api\"], []]", ""))
			.isEqualTo("[" + day1 + "," + day2 + "," + total1 + "," + total2 + "]");
		// Druid's limitSpec sorts the concatenation stably by time first
		assertThat(groupBy("day", "[[\"api\"], []]", "\"limitSpec\": {\"type\": \"default\", \"limit\": 100},"))
			.isEqualTo("[" + day1 + "," + total1 + "," + day2 + "," + total2 + "]");
	}

	@Test
	void aSubtotalNamingNoDimensionIsRefused() {
		assertThatThrownBy(() -> groupBy("all", "[[\"api\"], [\"region\", \"nope\"]]", ""))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("subtotalsSpec[1][1]");
		assertThatThrownBy(() -> groupBy("all", "[\"api\"]", ""))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("subtotalsSpec[0]");
	}

}
