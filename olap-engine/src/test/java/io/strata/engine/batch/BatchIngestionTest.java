package io.strata.engine.batch;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.AvroOcfInputFormatSpec;
import io.strata.engine.input.CsvInputFormatSpec;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.ParquetInputFormatSpec;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.sample.UsageDataConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch ingestion of the usage rows from files against the streaming pipeline over the same rows:
 * the same query answers whatever the format and partitioning, identical segments whatever the
 * format, and partitions that keep their promises (row limits, one shard per hashed value).
 */
class BatchIngestionTest {

	static final UsageDataConfig CONFIG = new UsageDataConfig(11, Instant.parse("2026-10-01T00:00:00Z"), 2, 6_000, 40,
			5, 4, 1.1);

	static final DataSchema SCHEMA = UsageRows.schema(true, Granularity.named("minute"), Granularity.named("day"));

	static List<UsageRow> rows;

	static Path directory;

	static List<Segment> reference;

	static Map<String, Path> files = new LinkedHashMap<>();

	@BeforeAll
	static void writeInputs() throws Exception {
		directory = Files.createTempDirectory("batch-ingestion");
		rows = UsageRows.generate(CONFIG);
		reference = TestSegments.index(SCHEMA, directory.resolve("reference"), 100_000,
				rows.stream().map(UsageRow::toInputRow).toList());
		Path input = directory.resolve("input");
		// two files per format, so that rows of one interval come from several entities
		List<UsageRow> first = rows.subList(0, rows.size() / 2);
		List<UsageRow> second = rows.subList(rows.size() / 2, rows.size());
		files.put("json", UsageFiles.json(first, input.resolve("json/a.json")));
		UsageFiles.json(second, input.resolve("json/nested/b.json"));
		files.put("csv", UsageFiles.csv(first, input.resolve("csv/a.csv")));
		UsageFiles.csv(second, input.resolve("csv/nested/b.csv"));
		files.put("avro_ocf", UsageFiles.avro(first, input.resolve("avro_ocf/a.avro")));
		UsageFiles.avro(second, input.resolve("avro_ocf/nested/b.avro"));
		files.put("parquet", UsageFiles.parquet(first, input.resolve("parquet/a.parquet")));
		UsageFiles.parquet(second, input.resolve("parquet/nested/b.parquet"));
	}

	@AfterAll
	static void close() {
		reference.forEach(Segment::close);
	}

	static InputFormatSpec format(String type) {
		return switch (type) {
			case "json" -> new JsonInputFormatSpec();
			case "csv" -> new CsvInputFormatSpec(List.of(), true, UsageFiles.LIST_DELIMITER, 0);
			case "avro_ocf" -> new AvroOcfInputFormatSpec(false);
			case "parquet" -> new ParquetInputFormatSpec(false);
			default -> throw new IllegalArgumentException(type);
		};
	}

	static BatchIngestionResult ingest(String type, BatchTuningConfig tuning, Path work) {
		Path baseDir = files.get(type).getParent();
		LocalInputSource source = new LocalInputSource(baseDir, "*." + (type.equals("avro_ocf") ? "avro" : type),
				List.of());
		return new BatchIngestion(SCHEMA, source, format(type), tuning).run("v2", work);
	}

	static BatchTuningConfig tuning(PartitionsSpec partitions) {
		return BatchTuningConfig.defaults(partitions).withMaxRowsInMemory(700);
	}

	@Test
	void everyFormatGivesTheSameSegmentsAndTheAnswersOfTheStreamingPipeline(@TempDir Path work) {
		List<List<List<Object>>> jsonSegments = null;
		for (String type : files.keySet()) {
			BatchIngestionResult result = ingest(type, tuning(DynamicPartitionsSpec.ofMaxRows(100_000)),
					work.resolve(type));
			assertThat(result.processed()).as(type).isEqualTo(rows.size());
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
					BatchQueries.assertSameAnswers(reference, segments);
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
		BatchIngestionResult result = ingest("json", tuning(DynamicPartitionsSpec.ofMaxRows(400)), work);
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
			BatchQueries.assertSameAnswers(reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void hashedPartitionsPutEachValueInExactlyOneShard(@TempDir Path work) {
		BatchIngestionResult result = ingest("parquet",
				tuning(HashedPartitionsSpec.ofShards(3, List.of("accountId"))), work);
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
			BatchQueries.assertSameAnswers(reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	void hashedWithATargetRowCountDerivesTheShardCount(@TempDir Path work) {
		BatchIngestionResult result = ingest("csv", tuning(HashedPartitionsSpec.ofTargetRows(1_000, List.of())), work);
		long rowsPerDay = reference.getFirst().numRows();
		int expectedShards = (int) Math.ceil(rowsPerDay / 1_000.0);
		ShardSpec.Hashed first = (ShardSpec.Hashed) result.segments().getFirst().shardSpec();
		// the estimate is an HLL sketch of the rollup keys: within a few percent
		assertThat(first.numBuckets()).isBetween(expectedShards - 1, expectedShards + 1);
		List<Segment> segments = BatchQueries.open(result.segments());
		try {
			BatchQueries.assertSameAnswers(reference, segments);
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

}
