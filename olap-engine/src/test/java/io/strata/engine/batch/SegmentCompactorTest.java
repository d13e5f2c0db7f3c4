package io.strata.engine.batch;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compaction of many small segments (batch-built with a tiny maxRowsPerSegment) into few large
 * ones: the same query answers as the streaming pipeline's segments, rows that share a key across
 * the small segments combined again, and metrics re-aggregated by their combining aggregators.
 */
class SegmentCompactorTest {

	private static UsageBatchFixture fixture;

	private static List<Segment> small;

	private static final Interval FIRST_DAY = Interval.parse("2026-10-01/2026-10-02");

	private static final Interval BOTH_DAYS = Interval.parse("2026-10-01/2026-10-03");

	@BeforeAll
	static void buildSmallSegments() throws Exception {
		fixture = new UsageBatchFixture();
		// a few rows per segment: rows of one rollup key end up in several segments
		BatchIngestionResult result = fixture.ingest("json", DynamicPartitionsSpec.ofMaxRows(150),
				Files.createTempDirectory("compaction-input"));
		assertThat(result.segments().size()).isGreaterThan(10);
		small = BatchQueries.open(result.segments());
	}

	@AfterAll
	static void close() {
		small.forEach(Segment::close);
		fixture.close();
	}

	private static List<BuiltSegment> compact(List<Segment> segments, Interval interval, PartitionsSpec partitions,
			Path work) {
		return new SegmentCompactor().compact("usage", segments, interval, Granularity.named("day"),
				BatchTuningConfig.defaults(partitions).withMaxRowsInMemory(500), "v3", work);
	}

	@Test
	void manySmallSegmentsBecomeOnePerDayWithTheSameAnswers(@TempDir Path work) {
		List<BuiltSegment> compacted = compact(small, BOTH_DAYS, DynamicPartitionsSpec.defaults(), work);
		assertThat(compacted).hasSize(2);
		List<Segment> segments = BatchQueries.open(compacted);
		try {
			for (int day = 0; day < 2; day++) {
				// every rollup key is one row again, as in the streaming pipeline's segment
				assertThat(compacted.get(day).rowCount()).isEqualTo(fixture.reference.get(day).numRows());
				assertThat(compacted.get(day).id().version()).isEqualTo("v3");
			}
			BatchQueries.assertSameAnswers(fixture.reference, segments);
			BatchQueries.assertSameAnswers(small, segments);
			List<AggregatorSpec> aggregators = segments.getFirst().metadata().aggregators();
			assertThat(aggregators.getFirst()).isEqualTo(new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "count",
					"count"));
			assertThat(aggregators).contains(
					new HllSketchAggregatorSpec("users", "users", 12, "HLL_4", false, true),
					new ThetaSketchAggregatorSpec("usersTheta", "usersTheta", 16384, true),
					new QuantilesSketchAggregatorSpec("latencyQuantiles", "latencyQuantiles",
							QuantilesSketchAggregatorSpec.DEFAULT_K));
			assertThat(segments.getFirst().metadata().dimensionNames())
				.isEqualTo(fixture.reference.getFirst().metadata().dimensionNames());
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void compactingAgainChangesNothing(@TempDir Path work) {
		List<BuiltSegment> once = compact(small, BOTH_DAYS, DynamicPartitionsSpec.defaults(), work.resolve("once"));
		List<Segment> first = BatchQueries.open(once);
		try {
			List<BuiltSegment> twice = compact(first, BOTH_DAYS, DynamicPartitionsSpec.defaults(), work.resolve("twice"));
			List<Segment> second = BatchQueries.open(twice);
			try {
				for (int i = 0; i < first.size(); i++) {
					assertThat(SegmentDump.rows(second.get(i), SegmentDump.Sketches.ESTIMATES))
						.isEqualTo(SegmentDump.rows(first.get(i), SegmentDump.Sketches.ESTIMATES));
				}
			}
			finally {
				second.forEach(Segment::close);
			}
		}
		finally {
			first.forEach(Segment::close);
		}
	}

	@Test
	void hashedCompactionPutsEachAccountInOneShard(@TempDir Path work) {
		List<Segment> firstDay = small.stream().filter(segment -> segment.id().interval().equals(FIRST_DAY)).toList();
		List<BuiltSegment> compacted = compact(firstDay, FIRST_DAY, HashedPartitionsSpec.ofShards(4, List.of("accountId")),
				work);
		assertThat(compacted).hasSizeBetween(2, 4).hasSizeLessThan(firstDay.size());
		List<Segment> segments = BatchQueries.open(compacted);
		try {
			Map<String, Integer> shardOfAccount = new LinkedHashMap<>();
			long rows = 0;
			for (int i = 0; i < segments.size(); i++) {
				rows += segments.get(i).numRows();
				for (List<Object> row : SegmentDump.rows(segments.get(i), SegmentDump.Sketches.ESTIMATES)) {
					Integer shard = shardOfAccount.putIfAbsent((String) row.get(1), i);
					assertThat(shard == null || shard == i).as("account[%s] is in one shard", row.get(1)).isTrue();
				}
			}
			assertThat(rows).isEqualTo(fixture.reference.getFirst().numRows());
			BatchQueries.assertSameAnswers(firstDay, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void segmentsOutsideTheIntervalOrQueryOnlyAggregatorsAreRefused(@TempDir Path work) {
		assertThatThrownBy(() -> compact(small, FIRST_DAY, DynamicPartitionsSpec.defaults(), work))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("is not inside the compaction interval[" + FIRST_DAY + "]");
		assertThat(CombiningAggregators.of(new HyperUniqueAggregatorSpec("u", "userId", false, true)))
			.isEqualTo(new HllSketchAggregatorSpec("u", "u", 12, "HLL_4", true, true));
		assertThatThrownBy(() -> CombiningAggregators.of(io.strata.engine.aggregation.FirstLastAggregatorSpec
			.fromTypeName("longFirst", "f", "x", "__time")))
			.hasMessageContaining("Aggregator[f] of type[longFirst] is not stored in segments");
	}

}
