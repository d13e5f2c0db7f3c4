package io.strata.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class AvroRecordConverterTest {

	private static final Schema STATUS = SchemaBuilder.enumeration("Status").symbols("OK", "NOT_FOUND");

	private static final Schema GEO = SchemaBuilder.record("Geo").fields().requiredString("country").endRecord();

	private static final Schema USAGE = SchemaBuilder.record("Usage")
		.fields()
		.requiredLong("timestamp")
		.requiredString("accountId")
		.requiredDouble("bytes")
		.requiredInt("statusCode")
		.requiredFloat("ratio")
		.requiredBoolean("billable")
		.name("bundles").type().array().items().stringType().noDefault()
		.name("status").type(STATUS).noDefault()
		.optionalString("region")
		.name("labels").type().map().values().longType().noDefault()
		.name("geo").type(GEO).noDefault()
		.requiredBytes("payload")
		.endRecord();

	private final AvroRecordConverter converter = new AvroRecordConverter();

	@Test
	void convertsEveryFieldType() {
		GenericRecord record = usage("eu-west-1");

		Map<String, Object> fields = converter.convert(record);

		assertThat(fields.keySet()).containsExactly("timestamp", "accountId", "bytes", "statusCode", "ratio", "billable",
				"bundles", "status", "region", "labels", "geo", "payload");
		assertThat(fields.get("timestamp")).isEqualTo(1_790_812_800_123L);
		assertThat(fields.get("accountId")).isEqualTo("acct-00042");
		assertThat(fields.get("bytes")).isEqualTo(5120.5);
		assertThat(fields.get("statusCode")).isEqualTo(200L);
		assertThat(fields.get("ratio")).isEqualTo(0.25);
		assertThat(fields.get("billable")).isEqualTo(true);
		assertThat(fields.get("bundles")).isEqualTo(List.of("contact", "firmographics"));
		assertThat(fields.get("status")).isEqualTo("NOT_FOUND");
		assertThat(fields.get("region")).isEqualTo("eu-west-1");
		assertThat(fields.get("labels")).isEqualTo(Map.of("retries", 2L));
		assertThat(fields.get("geo")).isEqualTo(Map.of("country", "DE"));
		assertThat((byte[]) fields.get("payload")).containsExactly(1, 2, 3);
		// values must be plain Java types, never Avro's Utf8 or GenericEnumSymbol
		assertThat(fields.get("accountId")).isInstanceOf(String.class);
		assertThat(((List<?>) fields.get("bundles")).getFirst()).isInstanceOf(String.class);
	}

	@Test
	void aNullUnionBranchIsNull() {
		assertThat(converter.convert(usage(null))).containsEntry("region", null);
	}

	@Test
	void convertsRecordsReadBackFromAvroBinary() throws IOException {
		// records decoded from bytes hold Utf8 strings, GenericData.Array and EnumSymbol instances
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(USAGE).write(usage("us-east-1"), encoder);
		encoder.flush();
		GenericRecord decoded = new GenericDatumReader<GenericRecord>(USAGE)
			.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
		assertThat(decoded.get("accountId")).isInstanceOf(Utf8.class);

		assertThat(converter.convert(decoded)).usingRecursiveComparison().isEqualTo(converter.convert(usage("us-east-1")));
	}

	@Test
	void readerAcceptsOrRejectsWithThePosition() {
		RecordingSink sink = new RecordingSink();
		AvroInputReader reader = new AvroInputReader(new InputRowFactory(TimestampSpec.of("timestamp", TimestampFormat.MILLIS)));
		reader.read(usage("eu-west-1"), 17, sink);
		Schema noTime = SchemaBuilder.record("NoTime").fields().requiredString("timestamp").endRecord();
		GenericRecord bad = new GenericData.Record(noTime);
		bad.put("timestamp", "not a number");
		reader.read(bad, 18, sink);

		assertThat(sink.accepted).singleElement().satisfies(row -> {
			assertThat(row.timestampMillis()).isEqualTo(1_790_812_800_123L);
			assertThat(row.getList("bundles")).containsExactly("contact", "firmographics");
		});
		assertThat(sink.acceptedPositions).containsExactly(17L);
		assertThat(sink.rejectedLines()).containsExactly(18L);
		assertThat(sink.rejected.getFirst().reason()).contains("timestamp column[timestamp] is unparseable (millis)");
	}

	private static GenericRecord usage(String region) {
		GenericRecord record = new GenericData.Record(USAGE);
		record.put("timestamp", 1_790_812_800_123L);
		record.put("accountId", new Utf8("acct-00042"));
		record.put("bytes", 5120.5);
		record.put("statusCode", 200);
		record.put("ratio", 0.25f);
		record.put("billable", true);
		record.put("bundles", new GenericData.Array<>(USAGE.getField("bundles").schema(),
				List.of(new Utf8("contact"), new Utf8("firmographics"))));
		record.put("status", new GenericData.EnumSymbol(STATUS, "NOT_FOUND"));
		record.put("region", region);
		record.put("labels", Map.of(new Utf8("retries"), 2L));
		GenericRecord geo = new GenericData.Record(GEO);
		geo.put("country", "DE");
		record.put("geo", geo);
		record.put("payload", ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		return record;
	}

}
