package io.strata.engine.realtime;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.input.ParseError;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Late, early, out-of-interval and unparseable rows: thrown away or kept aside, and counted. */
class StreamAppenderRejectionTest {

	private static final long HOUR = 3_600_000L;

	private static final long NOW = Interval.parse("2026-10-02T00:00:00Z/2026-10-03T00:00:00Z").startMillis();

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
			 "dimensionsSpec": {"dimensions": ["page", {"type": "long", "name": "code"}]},
			 "metricsSpec": [{"type": "count", "name": "count"}],
			 "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}""");

	@TempDir
	Path work;

	@Test
	void rowsOutsideTheRejectionPeriodsAreThrownAwayAndCounted() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRejectionPeriods(2 * HOUR, HOUR);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			appender.add(0, 0, TestSegments.row(NOW - 3 * HOUR, "page", "late"), NOW);
			appender.add(0, 1, TestSegments.row(NOW - HOUR, "page", "recent"), NOW);
			appender.add(0, 2, TestSegments.row(NOW + HOUR / 2, "page", "soon"), NOW);
			appender.add(1, 7, TestSegments.row(NOW + 2 * HOUR, "page", "early"), NOW);
			assertThat(appender.thrownAway()).isEqualTo(2);
			assertThat(appender.processed()).isEqualTo(2);
			assertThat(appender.currentOffsets()).isEqualTo(Map.of(0, 3L, 1, 8L));
			String counts = new QueryRunner().run("""
					{"queryType": "timeseries", "dataSource": "events", "intervals": ["2026-10-01/2026-10-03"],
					 "granularity": "all", "aggregations": [{"type": "longSum", "name": "rows", "fieldName": "count"}]}""",
					appender.segments());
			assertThat(counts).contains("\"rows\":2");
		}
	}

	@Test
	void fixedMessageTimeBoundsDoNotMoveWithTheClock() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withMessageTimeBounds(NOW - HOUR, NOW + HOUR);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			// the same rows, read a day apart as two replicas might: the same ones kept
			appender.add(0, 0, TestSegments.row(NOW - HOUR, "page", "first kept"), NOW);
			appender.add(0, 1, TestSegments.row(NOW - HOUR - 1, "page", "too old"), NOW + 24 * HOUR);
			appender.add(0, 2, TestSegments.row(NOW + HOUR - 1, "page", "last kept"), NOW + 24 * HOUR);
			appender.add(0, 3, TestSegments.row(NOW + HOUR, "page", "too new"), NOW - 24 * HOUR);
			assertThat(appender.processed()).isEqualTo(2);
			assertThat(appender.thrownAway()).isEqualTo(2);
		}
	}

	@Test
	void rowsOutsideTheSpecIntervalsAreThrownAway() {
		DataSchema oneHour = new DataSchema("events", SCHEMA.timestampSpec(), SCHEMA.dimensionsSpec(),
				SCHEMA.metricsSpec(), new GranularitySpec(Granularity.named("hour"), Granularity.named("minute"), true,
						List.of(Interval.of(NOW, NOW + HOUR))));
		try (StreamAppender appender = StreamAppender.restore(oneHour, RealtimeTuning.DEFAULTS, this.work)) {
			appender.add(0, 0, TestSegments.row(NOW + 10, "page", "in"), NOW);
			appender.add(0, 1, TestSegments.row(NOW + HOUR, "page", "out"), NOW);
			assertThat(appender.thrownAway()).isEqualTo(1);
			assertThat(appender.processed()).isEqualTo(1);
		}
	}

	@Test
	void unparseableRowsAreKeptWithTheirOffsetUntilTooMany() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withParseExceptions(2, 1);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			appender.add(0, 0, TestSegments.row(NOW, "page", "a", "code", 200L), NOW);
			appender.add(0, 1, TestSegments.row(NOW, "page", "b", "code", "not a number"), NOW);
			appender.add(3, 41, new byte[] { 9 }, StreamMessages.UNREADABLE, NOW);
			assertThat(appender.unparseable()).isEqualTo(2);
			assertThat(appender.processed()).isEqualTo(1);
			List<ParseError> saved = appender.savedParseErrors();
			assertThat(saved).hasSize(1);
			assertThat(saved.getFirst().describe()).startsWith("input[partition 0] offset[1]: ").contains("code");
			assertThat(appender.currentOffsets()).isEqualTo(Map.of(0, 2L, 3, 42L));
			assertThatThrownBy(() -> appender.add(3, 42, new byte[] { 9 }, StreamMessages.UNREADABLE, NOW))
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
				.hasMessageContaining("partition 3] offset[42]")
				.hasMessageContaining("unreadable message of 1 bytes");
		}
	}

	@Test
	void aFullSegmentGoesOnInTheNextPartition() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(1_000, 3);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			for (int i = 0; i < 7; i++) {
				appender.add(0, i, TestSegments.row(NOW + i * 60_000L, "page", "p" + i), NOW);
			}
			var built = appender.finish("v2", NOW);
			assertThat(built).extracting(segment -> segment.rowCount()).containsExactly(3L, 3L, 1L);
			assertThat(built).extracting(segment -> segment.shardSpecJson()).containsExactly(
					"{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":3}",
					"{\"type\":\"numbered\",\"partitionNum\":1,\"partitions\":3}",
					"{\"type\":\"numbered\",\"partitionNum\":2,\"partitions\":3}");
		}
	}

}
