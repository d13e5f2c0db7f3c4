package io.strata.engine.batch;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.AvroOcfInputFormatSpec;
import io.strata.engine.input.CsvInputFormatSpec;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.ParquetInputFormatSpec;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.sample.UsageDataConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two days of usage rows written as NDJSON, CSV, Avro and Parquet files (two files each, one in a
 * subdirectory), and the reference segments the streaming pipeline builds from the same rows.
 * One per test class: built in {@code @BeforeAll}, closed in {@code @AfterAll}.
 */
final class UsageBatchFixture implements AutoCloseable {

	static final UsageDataConfig CONFIG = new UsageDataConfig(11, Instant.parse("2026-10-01T00:00:00Z"), 2, 6_000, 40,
			5, 4, 1.1);

	static final DataSchema SCHEMA = UsageRows.schema(true, Granularity.named("minute"), Granularity.named("day"));

	static final List<String> FORMATS = List.of("json", "csv", "avro_ocf", "parquet");

	final List<UsageRow> rows;

	final List<Segment> reference;

	private final Map<String, Path> directories = new LinkedHashMap<>();

	UsageBatchFixture() {
		Path directory;
		try {
			directory = Files.createTempDirectory("batch-ingestion");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.rows = UsageRows.generate(CONFIG);
		List<UsageRow> first = this.rows.subList(0, this.rows.size() / 2);
		List<UsageRow> second = this.rows.subList(this.rows.size() / 2, this.rows.size());
		for (String format : FORMATS) {
			Path base = directory.resolve("input").resolve(format);
			String extension = extension(format);
			switch (format) {
				case "json" -> {
					UsageFiles.json(first, base.resolve("a." + extension));
					UsageFiles.json(second, base.resolve("nested/b." + extension));
				}
				case "csv" -> {
					UsageFiles.csv(first, base.resolve("a." + extension));
					UsageFiles.csv(second, base.resolve("nested/b." + extension));
				}
				case "avro_ocf" -> {
					UsageFiles.avro(first, base.resolve("a." + extension));
					UsageFiles.avro(second, base.resolve("nested/b." + extension));
				}
				default -> {
					UsageFiles.parquet(first, base.resolve("a." + extension));
					UsageFiles.parquet(second, base.resolve("nested/b." + extension));
				}
			}
			this.directories.put(format, base);
		}
		this.reference = TestSegments.index(SCHEMA, directory.resolve("reference"), 100_000,
				this.rows.stream().map(UsageRow::toInputRow).toList());
	}

	private static String extension(String format) {
		return format.equals("avro_ocf") ? "avro" : format;
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

	/** Ingests the files of one format with version v2, spilling every 700 rows. */
	BatchIngestionResult ingest(String type, PartitionsSpec partitions, Path work) {
		return ingestion(type, partitions).run("v2", work);
	}

	BatchIngestion ingestion(String type, PartitionsSpec partitions) {
		LocalInputSource source = new LocalInputSource(this.directories.get(type), "*." + extension(type), List.of());
		BatchTuningConfig tuning = BatchTuningConfig.defaults(partitions).withMaxRowsInMemory(700);
		return new BatchIngestion(SCHEMA, source, format(type), tuning);
	}

	@Override
	public void close() {
		this.reference.forEach(Segment::close);
	}

}
