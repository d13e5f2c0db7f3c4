package io.strata.engine.realtime;

import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.batch.ShardSpec;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster's view of an appender: its sinks one by one (each announced as one live segment)
 * and a finish that gives each sink the id the cluster allocated for it.
 */
class StreamAppenderAllocatedFinishTest {

	private static final long T0 = java.time.Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	private static final long HOUR = 3_600_000L;

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
			 "dimensionsSpec": {"dimensions": ["page"]}, "metricsSpec": [{"type": "count", "name": "count"}],
			 "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}""");

	@TempDir
	Path work;

	@Test
	void eachSinkIsQueryableOnItsOwnAndFinishesUnderItsAllocatedId() {
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(3, Integer.MAX_VALUE);
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work)) {
			for (int i = 0; i < 7; i++) {
				// four rows in the first hour, three in the second; persists after every third row
				appender.add(0, i, TestSegments.row(T0 + (i % 2) * HOUR + i, "page", "p" + i), T0);
			}
			assertThat(appender.largestSinkRows()).as("four rows in the first hour, some persisted").isEqualTo(4);
			List<SegmentId> sinks = appender.sinkIds();
			assertThat(sinks).extracting(SegmentId::interval)
				.containsExactly(Interval.of(T0, T0 + HOUR), Interval.of(T0 + HOUR, T0 + 2 * HOUR));
			assertThat(rows(appender.segments(sinks.get(0)))).isEqualTo(4);
			assertThat(rows(appender.segments(sinks.get(1)))).isEqualTo(3);
			assertThat(appender.segments(new SegmentId("events", Interval.of(T0, T0 + HOUR), "other", 9))).isEmpty();

			List<BuiltSegment> built = appender.finish(
					sink -> new SegmentId("events", sink.interval(), "2026-09-30T00:00:00.000Z",
							sink.interval().startMillis() == T0 ? 3 : 0),
					T0 + 1);

			assertThat(built).extracting(BuiltSegment::id)
				.containsExactly(new SegmentId("events", Interval.of(T0, T0 + HOUR), "2026-09-30T00:00:00.000Z", 3),
						new SegmentId("events", Interval.of(T0 + HOUR, T0 + 2 * HOUR), "2026-09-30T00:00:00.000Z", 0));
			assertThat(built).extracting(BuiltSegment::shardSpec)
				.containsExactly(new ShardSpec.Numbered(3, 0), new ShardSpec.Numbered(0, 0));
			SegmentFileReader reader = new SegmentFileReader();
			try (Segment first = reader.open(built.get(0).file()); Segment second = reader.open(built.get(1).file())) {
				assertThat(first.metadata().id()).isEqualTo(built.get(0).id());
				assertThat(first.numRows()).isEqualTo(4);
				assertThat(second.numRows()).isEqualTo(3);
			}
		}
	}

	private static long rows(List<Segment> segments) {
		return segments.stream().mapToLong(Segment::numRows).sum();
	}

}
