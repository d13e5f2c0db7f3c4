package io.strata.engine.realtime;

import io.strata.engine.batch.BatchQueries;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes at random moments (the appender dropped without finishing, rows since the last persist
 * lost), restores and replays from the restored offsets: the final segments answer exactly as
 * those of an uninterrupted run, and every message is counted once.
 */
class StreamAppenderRestoreTest {

	private static final DataSchema SCHEMA = UsageRows.schema(true, Granularity.named("minute"),
			Granularity.named("day"));

	@TempDir
	Path work;

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13 })
	void crashAndReplayGivesTheSegmentsOfAnUninterruptedRun(long seed) throws Exception {
		Random random = new Random(seed);
		// the clock starts a day into the data: with a 30 hour rejection period, the oldest rows
		// become late as the clock moves on
		List<StreamMessages.Message> messages = StreamMessages.generate(random, 1_200, 3, 50,
				StreamMessages.START + 86_400_000L);
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(50 + random.nextInt(300), 300 + random.nextInt(1_000))
			.withPersistPeriod(3_600_000L)
			.withRejectionPeriods(30 * 3_600_000L, 0);
		long end = messages.getLast().nowMillis();

		List<BuiltSegment> uninterrupted;
		long[] expectedCounts;
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, this.work.resolve("straight"))) {
			messages.forEach(message -> message.sendTo(appender));
			uninterrupted = appender.finish("v1", end);
			expectedCounts = counts(appender);
		}
		assertThat(expectedCounts[1]).as("late rows").isPositive();
		assertThat(expectedCounts[2]).as("unreadable rows").isPositive();
		assertThat(expectedCounts[0] + expectedCounts[1] + expectedCounts[2]).isEqualTo(messages.size());

		Path task = this.work.resolve("crashing");
		List<StreamMessages.Message> pending = messages;
		for (int crash = 0; crash < 3; crash++) {
			StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, task);
			pending = StreamMessages.from(messages, appender.restoredOffsets());
			int upTo = random.nextInt(pending.size());
			pending.subList(0, upTo).forEach(message -> message.sendTo(appender));
			appender.close();
			// a persist that crashed before its commit leaves a part no commit names
			Files.writeString(task.resolve("parts").resolve("part-9999.strata"), "half written");
		}
		List<BuiltSegment> restored;
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, tuning, task)) {
			assertThat(task.resolve("parts").resolve("part-9999.strata")).doesNotExist();
			StreamMessages.from(messages, appender.restoredOffsets()).forEach(message -> message.sendTo(appender));
			restored = appender.finish("v1", end);
			assertThat(counts(appender)).containsExactly(expectedCounts);
			assertThat(appender.currentOffsets()).isEqualTo(offsetsAfter(messages));
		}
		assertThat(restored.stream().mapToLong(BuiltSegment::rowCount).sum()).isGreaterThan(0);
		List<Segment> expected = BatchQueries.open(uninterrupted);
		List<Segment> actual = BatchQueries.open(restored);
		try {
			BatchQueries.assertSameAnswers(expected, actual);
		}
		finally {
			expected.forEach(Segment::close);
			actual.forEach(Segment::close);
		}
	}

	@Test
	void anEmptyDirectoryRestoresNothing() {
		try (StreamAppender appender = StreamAppender.restore(SCHEMA, RealtimeTuning.DEFAULTS, this.work.resolve("new"))) {
			assertThat(appender.restoredOffsets()).isEmpty();
			assertThat(appender.segments()).isEmpty();
			assertThat(appender.finish("v1", 0)).isEmpty();
		}
	}

	private static long[] counts(StreamAppender appender) {
		return new long[] { appender.processed(), appender.thrownAway(), appender.unparseable() };
	}

	private static Map<Integer, Long> offsetsAfter(List<StreamMessages.Message> messages) {
		Map<Integer, Long> offsets = new java.util.TreeMap<>();
		messages.forEach(message -> offsets.merge(message.partition(), message.offset() + 1, Math::max));
		return offsets;
	}

}
