package io.strata.engine.batch;

import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.sample.UsageDataConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random partitionings, memory limits and row orders: the segments a batch build makes, and those
 * a compaction of them makes, answer every query as the streaming pipeline's segments over the
 * same rows do.
 */
class BatchRandomizedTest {

	private static final List<String> DIMENSIONS = List.of("accountId", "apiName", "region", "bundles", "statusCode");

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4 })
	void batchBuildsAndCompactionsAnswerAsTheStreamingPipeline(long seed) throws Exception {
		Random random = new Random(seed);
		Path work = Files.createTempDirectory("batch-random");
		List<UsageRow> rows = UsageRows.generate(new UsageDataConfig(seed, Instant.parse("2026-10-01T00:00:00Z"), 3,
				1_500 + random.nextInt(2_000), 5 + random.nextInt(30), 1 + random.nextInt(5), random.nextInt(5), 1.2));
		var schema = UsageRows.schema(random.nextBoolean(), Granularity.named(random.nextBoolean() ? "minute" : "hour"),
				Granularity.named("day"));
		List<InputRow> input = new ArrayList<>(rows.stream().map(UsageRow::toInputRow).toList());
		List<Segment> reference = TestSegments.index(schema, work.resolve("reference"), 1_000_000, input);
		Collections.shuffle(input, random);
		BatchTuningConfig tuning = BatchTuningConfig.defaults(partitions(random))
			.withMaxRowsInMemory(50 + random.nextInt(1_000));
		int shards = tuning.partitionsSpec() instanceof HashedPartitionsSpec hashed ? hashed.numShards() : 1;
		BatchSegmentBuilder builder = new BatchSegmentBuilder(schema, tuning, start -> shards, "v1",
				work.resolve("batch"));
		for (InputRow row : input) {
			builder.add(row);
		}
		List<BuiltSegment> built = builder.finish();
		List<Segment> batch = BatchQueries.open(built);
		List<Segment> compacted = new ArrayList<>();
		try {
			assertThat(built.stream().mapToLong(BuiltSegment::rowCount).sum())
				.isGreaterThanOrEqualTo(reference.stream().mapToLong(Segment::numRows).sum());
			if (tuning.partitionsSpec() instanceof DynamicPartitionsSpec dynamic) {
				assertThat(built).allSatisfy(
						segment -> assertThat(segment.rowCount()).isLessThanOrEqualTo(dynamic.maxRowsPerSegment()));
			}
			BatchQueries.assertSameAnswers(reference, batch);
			BatchTuningConfig compaction = BatchTuningConfig.defaults(partitions(random))
				.withMaxRowsInMemory(50 + random.nextInt(1_000));
			compacted.addAll(BatchQueries.open(new SegmentCompactor().compact("usage", batch,
					Interval.parse("2026-10-01/2026-10-04"), Granularity.named("day"), compaction, "v2",
					work.resolve("compacted"))));
			BatchQueries.assertSameAnswers(reference, compacted);
		}
		finally {
			reference.forEach(Segment::close);
			batch.forEach(Segment::close);
			compacted.forEach(Segment::close);
		}
	}

	private static PartitionsSpec partitions(Random random) {
		if (random.nextBoolean()) {
			return DynamicPartitionsSpec.ofMaxRows(20 + random.nextInt(2_000));
		}
		List<String> dimensions = new ArrayList<>();
		for (String dimension : DIMENSIONS) {
			if (random.nextInt(3) == 0) {
				dimensions.add(dimension);
			}
		}
		return HashedPartitionsSpec.ofShards(1 + random.nextInt(5), dimensions);
	}

}
