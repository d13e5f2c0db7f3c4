package io.strata.engine.batch;

import io.strata.engine.segment.Segment;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Batch ingestion of the usage rows from files against the streaming pipeline over the same rows:
 * the same query answers whatever the format and partitioning, identical segments whatever the
 * format, and partitions that keep their promises (row limits, one shard per hashed value).
 */
class BatchIngestionTest {

	private static UsageBatchFixture fixture;

	@BeforeAll
	static void writeInputs() {
		fixture = new UsageBatchFixture();
	}

	@AfterAll
	static void close() {
		fixture.close();
	}

	@Test
	void everyFormatGivesTheSameSegmentsAndTheAnswersOfTheStreamingPipeline(@TempDir Path work) {
		List<List<List<Object>>> jsonSegments = null;
		for (String type : UsageBatchFixture.FORMATS) {
			BatchIngestionResult result = fixture.ingest(type, DynamicPartitionsSpec.ofMaxRows(100_000),
					work.resolve(type));
			assertThat(result.processed()).as(type).isEqualTo(fixture.rows.size());
			assertThat(result.unparseable()).as(type).isZero();
			assertThat(result.segments()).as(type).hasSize(2);
			List<Segment> segments = BatchQueries.open(result.segments());
			try {
				List<List<List<Object>>> dumps = new ArrayList<>();
				for (Segment segment : segments) {
					dumps.add(SegmentDump.rows(segment, SegmentDump.Sketches.BYTES));
				}
				if (jsonSegments == null) {
					jsonSegments = dumps;
					BatchQueries.assertSameAnswers(fixture.reference, segments);
				}
				else {
					assertThat(dumps).as(type + " segments equal the json ones").isEqualTo(jsonSegments);
				}
			}
			finally {
				segments.forEach(Segment::close);
			}
		}
	}

	@Test
	void dynamicPartitionsHoldAtMostMaxRowsPerSegment(@TempDir Path work) {
		BatchIngestionResult result = fixture.ingest("json", DynamicPartitionsSpec.ofMaxRows(400), work);
		Map<Interval, Integer> perInterval = new LinkedHashMap<>();
		for (BuiltSegment segment : result.segments()) {
			assertThat(segment.rowCount()).isLessThanOrEqualTo(400).isPositive();
			perInterval.merge(segment.interval(), 1, Integer::sum);
		}
		assertThat(perInterval).hasSize(2).allSatisfy((interval, count) -> assertThat(count).isGreaterThan(2));
		for (BuiltSegment segment : result.segments()) {
			int partitions = perInterval.get(segment.interval());
			assertThat(segment.shardSpec()).isEqualTo(new ShardSpec.Numbered(segment.partitionNum(), partitions));
			assertThat(segment.partitionNum()).isLessThan(partitions);
			assertThat(segment.shardSpecJson())
				.isEqualTo("{\"type\":\"numbered\",\"partitionNum\":" + segment.partitionNum() + ",\"partitions\":"
						+ partitions + "}");
			assertThat(segment.file()).exists();
		}
		assertThat(work.resolve("spill")).doesNotExist();
		List<Segment> segments = BatchQueries.open(result.segments());
		try {
			BatchQueries.assertSameAnswers(fixture.reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void hashedPartitionsPutEachValueInExactlyOneShard(@TempDir Path work) {
		BatchIngestionResult result = fixture.ingest("parquet", HashedPartitionsSpec.ofShards(3, List.of("accountId")),
				work);
		assertThat(result.segments()).hasSize(6);
		List<Segment> segments = BatchQueries.open(result.segments());
		try {
			Map<Interval, Map<String, Integer>> shardOfValue = new LinkedHashMap<>();
			for (int i = 0; i < segments.size(); i++) {
				BuiltSegment built = result.segments().get(i);
				ShardSpec.Hashed shard = (ShardSpec.Hashed) built.shardSpec();
				assertThat(shard.numBuckets()).isEqualTo(3);
				assertThat(shard.partitions()).isEqualTo(3);
				assertThat(shard.partitionDimensions()).containsExactly("accountId");
				Set<String> values = new TreeSet<>();
				for (List<Object> row : SegmentDump.rows(segments.get(i), SegmentDump.Sketches.ESTIMATES)) {
					values.add((String) row.get(1));
				}
				for (String value : values) {
					Integer previous = shardOfValue.computeIfAbsent(built.interval(), key -> new LinkedHashMap<>())
						.put(value, built.partitionNum());
					assertThat(previous).as("accountId[%s] is in one shard", value).isNull();
				}
			}
			assertThat(result.segments().getFirst().shardSpecJson()).isEqualTo(
					"{\"type\":\"hashed\",\"partitionNum\":0,\"partitions\":3,\"bucketId\":0,\"numBuckets\":3,"
							+ "\"partitionDimensions\":[\"accountId\"],\"partitionFunction\":\"murmur3_32_abs\"}");
			BatchQueries.assertSameAnswers(fixture.reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void hashedWithATargetRowCountDerivesTheShardCount(@TempDir Path work) {
		BatchIngestionResult result = fixture.ingest("csv", HashedPartitionsSpec.ofTargetRows(1_000, List.of()), work);
		long rowsPerDay = fixture.reference.getFirst().numRows();
		int expectedShards = (int) Math.ceil(rowsPerDay / 1_000.0);
		ShardSpec.Hashed first = (ShardSpec.Hashed) result.segments().getFirst().shardSpec();
		// the estimate is an HLL sketch of the rollup keys: within a few percent
		assertThat(first.numBuckets()).isBetween(expectedShards - 1, expectedShards + 1);
		List<Segment> segments = BatchQueries.open(result.segments());
		try {
			BatchQueries.assertSameAnswers(fixture.reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void appendingNumbersAfterTheExistingSegmentsAndKeepsTheirCoreSet(@TempDir Path work) {
		BatchIngestion ingestion = fixture.ingestion("json", DynamicPartitionsSpec.ofMaxRows(1_500));
		BatchIngestionResult result = ingestion.run(interval -> IntervalAllocation.append("v1", 3, 3), work);
		assertThat(result.segments()).hasSizeGreaterThan(2).allSatisfy(segment -> {
			assertThat(segment.id().version()).isEqualTo("v1");
			assertThat(segment.partitionNum()).isGreaterThanOrEqualTo(3);
			assertThat(segment.shardSpec()).isEqualTo(new ShardSpec.Numbered(segment.partitionNum(), 3));
		});
		assertThat(result.segments().getFirst().partitionNum()).isEqualTo(3);
		assertThatThrownBy(() -> fixture.ingestion("json", HashedPartitionsSpec.ofShards(2, List.of()))
			.run(interval -> IntervalAllocation.append("v1", 3, 3), work.resolve("hashed")))
			.hasMessageContaining("needs dynamic partitioning");
	}

}
