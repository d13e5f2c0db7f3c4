package io.strata.engine.batch;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.AvroOcfInputFormatSpec;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.ParquetInputFormatSpec;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.testing.TestSegments;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parquet and Avro container files with what CSV and JSON lack: nested records (not discovered as
 * dimensions, as with Druid's default flattening), binary columns and ISO-8601 string timestamps.
 */
class ParquetAndAvroInputTest {

	private static final Schema GEO = SchemaBuilder.record("Geo").fields().requiredString("country").endRecord();

	private static final Schema EVENT = SchemaBuilder.record("Event")
		.fields()
		.requiredString("time")
		.name("geo").type(GEO).noDefault()
		.requiredBytes("tag")
		.requiredString("api")
		.requiredLong("n")
		.endRecord();

	private static final DataSchema SCHEMA = TestSegments.schema("""
			{"dataSource": "events", "timestampSpec": {"column": "time", "format": "iso"},
			 "metricsSpec": [{"type": "longSum", "name": "n", "fieldName": "n"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}""");

	private static List<GenericRecord> records() {
		List<GenericRecord> records = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			GenericRecord geo = new GenericData.Record(GEO);
			geo.put("country", "c" + i);
			GenericRecord event = new GenericData.Record(EVENT);
			event.put("time", "2026-10-01T00:0" + i + ":00Z");
			event.put("geo", geo);
			event.put("tag", ByteBuffer.wrap(("tag-" + (i % 2)).getBytes(StandardCharsets.UTF_8)));
			event.put("api", "api-" + i);
			event.put("n", (long) i);
			records.add(event);
		}
		return records;
	}

	private static List<List<Object>> ingest(Path file, InputFormatSpec format, Path work) {
		BatchIngestionResult result = new BatchIngestion(SCHEMA, new LocalInputSource(null, null, List.of(file)), format,
				BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults()))
			.run("v1", work);
		assertThat(result.segments()).hasSize(1);
		try (Segment segment = new io.strata.engine.segment.format.SegmentFileReader()
			.open(result.segments().getFirst().file())) {
			assertThat(segment.metadata().dimensionNames()).containsExactly("tag", "api");
			return SegmentDump.rows(segment, SegmentDump.Sketches.ESTIMATES);
		}
	}

	@Test
	void parquetAndAvroFilesGiveTheSameRowsWithBinaryAsString(@TempDir Path directory) throws Exception {
		Path parquet = directory.resolve("events.parquet");
		try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(parquet))
			.withSchema(EVENT)
			.withConf(new PlainParquetConfiguration())
			.build()) {
			for (GenericRecord record : records()) {
				writer.write(record);
			}
		}
		Path avro = directory.resolve("events.avro");
		try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(EVENT))) {
			writer.create(EVENT, avro.toFile());
			for (GenericRecord record : records()) {
				writer.append(record);
			}
		}
		List<List<Object>> fromParquet = ingest(parquet, new ParquetInputFormatSpec(true), directory.resolve("p"));
		assertThat(fromParquet).hasSize(5);
		assertThat(fromParquet.get(3)).containsExactly(io.strata.engine.time.IsoTime.parse("2026-10-01T00:03:00Z"),
				"tag-1", "api-3", 3L);
		assertThat(ingest(avro, new AvroOcfInputFormatSpec(true), directory.resolve("a"))).isEqualTo(fromParquet);
	}

	@Test
	void readsDruidsInputFormatJson() {
		IngestSpecJson json = new IngestSpecJson();
		assertThat(json.readInputFormat(node("{\"type\": \"parquet\", \"binaryAsString\": true}")))
			.isEqualTo(new ParquetInputFormatSpec(true));
		assertThat(json.readInputFormat(node("{\"type\": \"avro_ocf\", \"flattenSpec\": {\"useFieldDiscovery\": true}}")))
			.isEqualTo(new AvroOcfInputFormatSpec(false));
		assertThatThrownBy(() -> json.readInputFormat(node("""
				{"type": "parquet", "flattenSpec": {"fields": [{"type": "path", "name": "c", "expr": "$.geo.country"}]}}""")))
			.hasMessageContaining("field[inputFormat.flattenSpec] is not supported yet");
		assertThatThrownBy(() -> json.readInputFormat(node("{\"type\": \"orc\"}")))
			.hasMessageContaining("expected one of [json, csv, avro_ocf, parquet]");
	}

	private static SpecNode node(String text) {
		return SpecNode.root(JsonMapper.builder().build().readTree(text), "inputFormat");
	}

}
