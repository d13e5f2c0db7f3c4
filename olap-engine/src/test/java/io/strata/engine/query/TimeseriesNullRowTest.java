package io.strata.engine.query;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.HandWrittenUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Druid's null row: a timeseries of granularity all, without {@code skipEmptyBuckets}, over intervals
 * in which no segment of the datasource has rows answers one row stamped with the first interval's
 * start, count 0 and other aggregators null (TimeseriesQueryQueryToolChest's merge adds it); an
 * unknown datasource still answers {@code []}. Rows of {@link HandWrittenUsage}: 2026-01-01 00:10,
 * 00:50, 01:05 and 03:00.
 */
class TimeseriesNullRowTest {

	@TempDir
	static Path directory;

	private static Segment segment;

	private final QueryRunner runner = new QueryRunner();

	private static final String NULL_RESULT = "{\"rows\":0,\"latency\":null,\"perRow\":null,\"ten\":10}";

	@BeforeAll
	static void build() {
		segment = HandWrittenUsage.segment(directory);
	}

	@AfterAll
	static void close() {
		segment.close();
	}

	private static String query(String dataSource, String intervals, String granularity, String context) {
		return """
				{"queryType": "timeseries", "dataSource": "%s", "intervals": %s, "granularity": "%s",
				 "aggregations": [{"type": "count", "name": "rows"},
				                  {"type": "longSum", "name": "latency", "fieldName": "latency"}],
				 "postAggregations": [{"type": "arithmetic", "name": "perRow", "fn": "/", "fields": [
				     {"type": "fieldAccess", "fieldName": "latency"}, {"type": "fieldAccess", "fieldName": "rows"}]},
				   {"type": "constant", "name": "ten", "value": 10}],
				 "context": %s}
				""".formatted(dataSource, intervals, granularity, context);
	}

	private String run(String query) {
		return this.runner.run(query, List.of(segment));
	}

	@Test
	void intervalsWithoutRowsAnswerTheNullRowStampedWithTheFirstIntervalStart() {
		String answer = run(query("usage", "[\"2025-06-01/2025-06-02\", \"2026-02-01/2026-02-02\"]", "all", "{}"));
		assertThat(answer).isEqualTo("[{\"timestamp\":\"2025-06-01T00:00:00.000Z\",\"result\":" + NULL_RESULT + "}]");
	}

	@Test
	void anIntervalInsideTheSegmentBeforeItsFirstRowAlsoGivesTheNullRow() {
		// the segment's day holds the interval, but its first row is at 00:10
		String answer = run(query("usage", "\"2026-01-01T00:00Z/2026-01-01T00:05Z\"", "all", "{}"));
		assertThat(answer).isEqualTo("[{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"result\":" + NULL_RESULT + "}]");
	}

	@Test
	void theGrandTotalOfTheNullRowIsEmptyToo() {
		String answer = run(query("usage", "\"2025-06-01/2025-06-02\"", "all", "{\"grandTotal\": true}"));
		assertThat(answer).isEqualTo("[{\"timestamp\":\"2025-06-01T00:00:00.000Z\",\"result\":" + NULL_RESULT
				+ "},{\"timestamp\":null,\"result\":" + NULL_RESULT + "}]");
	}

	@Test
	void noNullRowUnderSkipEmptyBucketsOrAFinerGranularityOrForAnUnknownDataSource() {
		assertThat(run(query("usage", "\"2025-06-01/2025-06-02\"", "all", "{\"skipEmptyBuckets\": true}")))
			.isEqualTo("[]");
		assertThat(run(query("usage", "\"2025-06-01/2025-06-02\"", "hour", "{}"))).isEqualTo("[]");
		assertThat(run(query("elsewhere", "\"2026-01-01/2026-01-02\"", "all", "{}"))).isEqualTo("[]");
	}

	@Test
	void onlyTheBrokerMergeAddsTheNullRow() {
		// a data server's partial answer carries no row (its stamp would split the broker's one bucket);
		// the broker's merge of such answers gives the null row
		String partial = run(query("usage", "\"2025-06-01/2025-06-02\"", "all", "{\"strataPartialResults\": true}"));
		assertThat(partial).isEqualTo("[]");
		String merged = this.runner.mergeResults(query("usage", "\"2025-06-01/2025-06-02\"", "all", "{}"),
				List.of(partial, partial));
		assertThat(merged).isEqualTo("[{\"timestamp\":\"2025-06-01T00:00:00.000Z\",\"result\":" + NULL_RESULT + "}]");
	}

}
