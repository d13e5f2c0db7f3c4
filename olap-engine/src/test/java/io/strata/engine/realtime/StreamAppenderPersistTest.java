package io.strata.engine.realtime;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.testing.TestSegments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When persists happen: the caller's clock passing the persist period, or the rows in memory. */
class StreamAppenderPersistTest {

	private static final long T0 = java.time.Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
			 "dimensionsSpec": {"dimensions": ["page"]}, "metricsSpec": [{"type": "count", "name": "count"}],
			 "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}""");

	@TempDir
	Path work;

	@Test
	void theIntermediatePersistPeriodCountsOnTheCallersClock() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withPersistPeriod(60_000);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			appender.add(4, 100, TestSegments.row(T0, "page", "a"), T0);
			appender.persistIfDue(T0 + 59_999);
			assertThat(this.work.resolve(RealtimeCommit.FILE_NAME)).doesNotExist();
			appender.add(4, 101, TestSegments.row(T0 + 1, "page", "b"), T0 + 60_000);
			assertThat(this.work.resolve(RealtimeCommit.FILE_NAME)).exists();
			// not before another period has passed since that persist
			appender.add(4, 102, TestSegments.row(T0 + 2, "page", "c"), T0 + 119_999);
		}
		try (StreamAppender restored = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			assertThat(restored.restoredOffsets()).isEqualTo(Map.of(4, 102L));
			assertThat(restored.processed()).isEqualTo(2);
			assertThat(restored.segments()).hasSize(1);
			assertThat(restored.segments().getFirst().numRows()).as("pages a and b, not c").isEqualTo(2);
		}
	}

	@Test
	void rowsInMemoryOfAllIntervalsTriggerAPersist() throws Exception {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(4, 1_000);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			for (int i = 0; i < 9; i++) {
				// two hours, so two sinks share the limit; distinct pages, so no rollup
				appender.add(0, i, TestSegments.row(T0 + (i % 2) * 3_600_000L, "page", "p" + i), T0);
			}
			try (var parts = Files.list(this.work.resolve("parts"))) {
				assertThat(parts.count()).isEqualTo(4);
			}
			// two parts and one live index per hour
			assertThat(appender.segments()).hasSize(5);
		}
	}

}
