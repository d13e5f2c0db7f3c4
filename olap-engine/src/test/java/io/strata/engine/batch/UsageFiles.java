package io.strata.engine.batch;

import io.strata.engine.testing.UsageRow;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes usage rows as NDJSON, CSV, Avro container and Parquet files, the same rows in each. */
final class UsageFiles {

	static final Schema AVRO_SCHEMA = SchemaBuilder.record("UsageRow")
		.namespace("io.strata.test")
		.fields()
		.requiredLong("timestamp")
		.requiredString("accountId")
		.requiredString("apiName")
		.requiredLong("statusCode")
		.name("bundles").type().array().items().stringType().noDefault()
		.optionalString("region")
		.requiredString("plan")
		.requiredString("userId")
		.optionalLong("latencyMs")
		.requiredLong("bytes")
		.endRecord();

	/** The CSV list delimiter used for bundles. */
	static final String LIST_DELIMITER = "|";

	private UsageFiles() {
	}

	static Path json(List<UsageRow> rows, Path file) {
		JsonMapper mapper = JsonMapper.builder().build();
		StringBuilder out = new StringBuilder();
		for (UsageRow row : rows) {
			ObjectNode node = mapper.createObjectNode();
			node.put("timestamp", row.timestamp());
			node.put("accountId", row.accountId());
			node.put("apiName", row.apiName());
			node.put("statusCode", row.statusCode());
			var bundles = node.putArray("bundles");
			row.bundles().forEach(bundles::add);
			if (row.region() != null) {
				node.put("region", row.region());
			}
			node.put("plan", row.plan());
			node.put("userId", row.userId());
			if (row.latencyMs() != null) {
				node.put("latencyMs", row.latencyMs());
			}
			node.put("bytes", row.bytes());
			out.append(mapper.writeValueAsString(node)).append('\n');
		}
		return write(file, out.toString());
	}

	static Path csv(List<UsageRow> rows, Path file) {
		StringBuilder out = new StringBuilder(
				"timestamp,accountId,apiName,statusCode,bundles,region,plan,userId,latencyMs,bytes\n");
		for (UsageRow row : rows) {
			out.append(row.timestamp()).append(',').append(row.accountId()).append(',').append(row.apiName()).append(',')
				.append(row.statusCode()).append(',').append(String.join(LIST_DELIMITER, row.bundles())).append(',')
				.append(row.region() == null ? "" : row.region()).append(',').append(row.plan()).append(',')
				.append(row.userId()).append(',').append(row.latencyMs() == null ? "" : row.latencyMs()).append(',')
				.append(row.bytes()).append('\n');
		}
		return write(file, out.toString());
	}

	static Path avro(List<UsageRow> rows, Path file) {
		try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(AVRO_SCHEMA))) {
			Files.createDirectories(file.getParent());
			writer.create(AVRO_SCHEMA, file.toFile());
			for (UsageRow row : rows) {
				writer.append(record(row));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path parquet(List<UsageRow> rows, Path file) {
		try {
			Files.createDirectories(file.getParent());
			try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
				.withSchema(AVRO_SCHEMA)
				.withConf(new PlainParquetConfiguration())
				.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
				.withRowGroupSize(64L * 1024)
				.build()) {
				for (UsageRow row : rows) {
					writer.write(record(row));
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GenericRecord record(UsageRow row) {
		GenericRecord record = new GenericData.Record(AVRO_SCHEMA);
		record.put("timestamp", row.timestamp());
		record.put("accountId", row.accountId());
		record.put("apiName", row.apiName());
		record.put("statusCode", row.statusCode());
		record.put("bundles", row.bundles());
		record.put("region", row.region());
		record.put("plan", row.plan());
		record.put("userId", row.userId());
		record.put("latencyMs", row.latencyMs());
		record.put("bytes", row.bytes());
		return record;
	}

	static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
