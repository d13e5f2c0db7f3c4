package io.strata.engine.realtime;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.testing.TestSegments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries on another thread while rows flow in and persists run: every answer counts at least the
 * rows added before it started and at most those added before it ended, so no row is missing or
 * counted twice across a persist's swap.
 */
class StreamAppenderConcurrencyTest {

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
			 "dimensionsSpec": {"dimensions": ["page"]},
			 "metricsSpec": [{"type": "count", "name": "count"}],
			 "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none", "rollup": false}}""");

	private static final String COUNT = """
			{"queryType": "timeseries", "dataSource": "events", "intervals": ["2026-10-01/2026-10-03"],
			 "granularity": "all", "aggregations": [{"type": "longSum", "name": "rows", "fieldName": "count"}]}""";

	@TempDir
	Path work;

	@Test
	void queriesDuringPersistsNeverMissOrDoubleCountARow() throws Exception {
		long start = java.time.Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(500, 3_000);
		// a row may be visible while its add (and a persist it starts) still runs: a query counts
		// between the rows whose add had ended when it began and those whose add had begun when it ended
		AtomicLong added = new AtomicLong();
		AtomicLong adding = new AtomicLong();
		AtomicBoolean done = new AtomicBoolean();
		int rows = 20_000;
		JsonMapper mapper = JsonMapper.builder().build();
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			CompletableFuture<Integer> queries = CompletableFuture.supplyAsync(() -> {
				QueryRunner runner = new QueryRunner();
				int checked = 0;
				while (!done.get()) {
					long before = added.get();
					String answer = runner.run(COUNT, appender.segments());
					long after = adding.get();
					long counted = answer.equals("[]") ? 0
							: mapper.readTree(answer).get(0).get("result").get("rows").asLong();
					assertThat(counted).isBetween(before, after);
					checked++;
				}
				return checked;
			});
			for (int i = 0; i < rows; i++) {
				adding.incrementAndGet();
				appender.add(i % 2, i / 2, TestSegments.row(start + i * 7_000L, "page", "p" + (i % 13)), start);
				added.incrementAndGet();
			}
			done.set(true);
			assertThat(queries.get()).isPositive();
			assertThat(mapper.readTree(new QueryRunner().run(COUNT, appender.segments())).get(0).get("result")
				.get("rows").asLong()).isEqualTo(rows);
		}
	}

}
