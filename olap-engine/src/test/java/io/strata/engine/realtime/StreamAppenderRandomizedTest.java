package io.strata.engine.realtime;

import io.strata.engine.batch.BatchQueries;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random persist thresholds, persist periods, segment sizes and stream interleavings: queries over
 * the appender's segments, at random moments before and after persists, answer as the engine's
 * batch pipeline over the rows added so far; the final segments answer as it does over all rows.
 */
class StreamAppenderRandomizedTest {

	@TempDir
	Path work;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void queriesAtAnyMomentAnswerAsRowsIngestedAtOnce(long seed) {
		Random random = new Random(seed);
		DataSchema schema = UsageRows.schema(random.nextBoolean(),
				Granularity.named(random.nextBoolean() ? "minute" : "hour"), Granularity.named("day"));
		List<StreamMessages.Message> messages = StreamMessages.generate(random, 1_000 + random.nextInt(1_000),
				1 + random.nextInt(3), 0, StreamMessages.START);
		RealtimeTuning tuning = RealtimeTuning.DEFAULTS.withRows(40 + random.nextInt(800), 100 + random.nextInt(2_000))
			.withPersistPeriod(600_000L + random.nextInt(7_200_000));
		List<Integer> checkpoints = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			checkpoints.add(1 + random.nextInt(messages.size() - 1));
		}
		checkpoints.sort(null);
		List<Segment> reference = new ArrayList<>();
		try (StreamAppender appender = StreamAppender.restore(schema, tuning, this.work.resolve("task"))) {
			int sent = 0;
			for (int checkpoint : checkpoints) {
				while (sent < checkpoint) {
					messages.get(sent++).sendTo(appender);
				}
				List<InputRow> soFar = StreamMessages.rows(messages.subList(0, sent));
				List<Segment> expected = TestSegments.index(schema, this.work.resolve("reference-" + sent), 1_000_000,
						soFar);
				try {
					BatchQueries.assertSameAnswers(expected, appender.segments());
				}
				finally {
					expected.forEach(Segment::close);
				}
			}
			while (sent < messages.size()) {
				messages.get(sent++).sendTo(appender);
			}
			assertThat(appender.processed()).isEqualTo(messages.size());
			assertThat(appender.currentOffsets().values().stream().mapToLong(Long::longValue).sum())
				.isEqualTo(messages.size());
			reference.addAll(TestSegments.index(schema, this.work.resolve("reference"), 1_000_000,
					StreamMessages.rows(messages)));
			BatchQueries.assertSameAnswers(reference, appender.segments());
			List<BuiltSegment> built = appender.finish("v1", messages.getLast().nowMillis());
			assertThat(built).allSatisfy(segment -> {
				assertThat(segment.rowCount()).isLessThanOrEqualTo(tuning.maxRowsPerSegment());
				assertThat(segment.id().version()).isEqualTo("v1");
				assertThat(segment.partitionNum()).isLessThan(segment.shardSpec().partitions());
			});
			List<Segment> published = BatchQueries.open(built);
			try {
				BatchQueries.assertSameAnswers(reference, published);
			}
			finally {
				published.forEach(Segment::close);
			}
			// served until handoff: the appender still answers after finishing
			BatchQueries.assertSameAnswers(reference, appender.segments());
		}
		finally {
			reference.forEach(Segment::close);
		}
	}

}
