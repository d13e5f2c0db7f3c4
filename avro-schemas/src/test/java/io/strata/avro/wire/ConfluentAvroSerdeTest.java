package io.strata.avro.wire;

import io.strata.avro.testing.InProcessRegistryTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.avro.SampleEvents;
import io.strata.avro.schema.Contract;
import io.strata.avro.schema.LimitEvent;
import io.strata.avro.schema.UsageEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Round trips of the three event schemas through a real in-process registry. */
class ConfluentAvroSerdeTest extends InProcessRegistryTest {

	@Test
	void usageEventRoundTripsAsSpecificRecord() {
		assertSpecificRoundTrip("usage", SampleEvents.usageEvent(), UsageEvent.class);
		assertSpecificRoundTrip("usage", SampleEvents.batchUsageEvent(), UsageEvent.class);
	}

	@Test
	void contractRoundTripsAsSpecificRecord() {
		assertSpecificRoundTrip("contracts", SampleEvents.contract(), Contract.class);
	}

	@Test
	void limitEventRoundTripsAsSpecificRecord() {
		assertSpecificRoundTrip("limit-events", SampleEvents.limitEvent(), LimitEvent.class);
	}

	@Test
	void bytesAreMagicByteSchemaIdAndPlainAvroBinary() throws Exception {
		UsageEvent event = SampleEvents.usageEvent();
		byte[] bytes = new ConfluentAvroSerializer<UsageEvent>(this.client).serialize("usage", event);

		int id = this.client.latestVersion("usage-value").id();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		expected.write(new byte[] { 0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id });
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
		new SpecificDatumWriter<UsageEvent>(UsageEvent.class).write(event, encoder);
		encoder.flush();
		assertThat(bytes).isEqualTo(expected.toByteArray());
		assertThat(this.client.schemaById(id)).isEqualTo(UsageEvent.getClassSchema());
	}

	@Test
	void genericReaderReadsWhatTheGeneratedClassWrote() {
		byte[] bytes = new ConfluentAvroSerializer<UsageEvent>(this.client).serialize("usage",
				SampleEvents.usageEvent());

		GenericRecord read = ConfluentAvroDeserializer.generic(this.client).deserialize("usage", bytes);

		assertThat(read.getSchema()).isEqualTo(UsageEvent.getClassSchema());
		assertThat(read.get("accountId")).isEqualTo("acct-42");
		assertThat(read.get("timestamp")).as("no logical-type conversion in generic data")
			.isEqualTo(Instant.parse("2026-03-01T12:34:56.789Z").toEpochMilli());
		assertThat(read.get("bundles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("email-risk", "phone-carrier");
		assertThat(read.get("source")).hasToString("API");
		assertThat(read.get("encryptedIdentifiers")).isEqualTo(ByteBuffer.wrap("ciphertext".getBytes()));
		assertThat(read.get("region")).isEqualTo("eu-west-1");
	}

	@Test
	void genericRecordRoundTripsAndReadsAsTheGeneratedClass() {
		GenericRecord record = new GenericData.Record(LimitEvent.getClassSchema());
		LimitEvent event = SampleEvents.limitEvent();
		for (org.apache.avro.Schema.Field field : LimitEvent.getClassSchema().getFields()) {
			record.put(field.name(), genericValue(field.schema(), event.get(field.pos())));
		}

		byte[] bytes = new ConfluentAvroSerializer<GenericRecord>(this.client).serialize("limit-events", record);

		assertThat(ConfluentAvroDeserializer.generic(this.client).deserialize("limit-events", bytes)).isEqualTo(record);
		assertThat(ConfluentAvroDeserializer.specific(this.client, LimitEvent.class).deserialize("limit-events", bytes))
			.isEqualTo(event);
	}

	@Test
	void kafkaCreatedSerdesAreConfiguredLikeConfluents() {
		Map<String, Object> configs = Map.of(ConfluentSerdeConfig.SCHEMA_REGISTRY_URL, this.server.url().toString(),
				ConfluentSerdeConfig.SPECIFIC_AVRO_READER, "true");
		try (ConfluentAvroSerializer<Contract> serializer = new ConfluentAvroSerializer<>();
				ConfluentAvroDeserializer<Object> specific = new ConfluentAvroDeserializer<>();
				ConfluentAvroDeserializer<Object> generic = new ConfluentAvroDeserializer<>()) {
			serializer.configure(configs, true);
			specific.configure(configs, true);
			generic.configure(Map.of(ConfluentSerdeConfig.SCHEMA_REGISTRY_URL, this.server.url().toString()), true);

			byte[] bytes = serializer.serialize("contracts", SampleEvents.contract());

			assertThat(this.client.subjects()).containsExactly("contracts-key");
			assertThat(specific.deserialize("contracts", bytes)).isEqualTo(SampleEvents.contract());
			assertThat(generic.deserialize("contracts", bytes)).isInstanceOf(GenericRecord.class);
		}
	}

	@Test
	void specificRecordInterfaceReadsTheClassEachWriterSchemaNames() {
		ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>(this.client);
		byte[] usage = serializer.serialize("mixed", SampleEvents.usageEvent());
		ConfluentAvroDeserializer<SpecificRecord> reader = ConfluentAvroDeserializer.specific(this.client,
				SpecificRecord.class);

		assertThat(reader.deserialize("mixed", usage)).isEqualTo(SampleEvents.usageEvent());
	}

	@Test
	void withoutAutoRegisterTheSchemaMustBeRegisteredAlready() {
		ConfluentAvroSerializer<UsageEvent> lookupOnly = new ConfluentAvroSerializer<>(this.client, false, false);

		assertThatThrownBy(() -> lookupOnly.serialize("usage", SampleEvents.usageEvent()))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("subject[usage-value]")
			.hasMessageContaining("40401");

		int id = this.client.register("usage-value", UsageEvent.getClassSchema());
		byte[] bytes = lookupOnly.serialize("usage", SampleEvents.usageEvent());
		assertThat(WireFormat.schemaId("usage", bytes)).isEqualTo(id);
		assertThat(this.client.versions("usage-value")).containsExactly(1);
	}

	@Test
	void aRecordThatDoesNotFitItsSchemaNamesTheTopic() {
		GenericRecord incomplete = new GenericData.Record(UsageEvent.getClassSchema());
		incomplete.put("eventId", "e1");

		assertThatThrownBy(() -> new ConfluentAvroSerializer<GenericRecord>(this.client).serialize("usage", incomplete))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("could not be encoded");
	}

	@Test
	void nullStaysNull() {
		assertThat(new ConfluentAvroSerializer<UsageEvent>(this.client).serialize("usage", null)).isNull();
		assertThat(ConfluentAvroDeserializer.generic(this.client).deserialize("usage", null)).isNull();
	}

	private <T extends SpecificRecord> void assertSpecificRoundTrip(String topic, T event, Class<T> type) {
		byte[] bytes = new ConfluentAvroSerializer<T>(this.client).serialize(topic, event);

		assertThat(bytes[0]).isZero();
		int id = WireFormat.schemaId(topic, bytes);
		assertThat(this.client.latestVersion(topic + "-value").id()).isEqualTo(id);
		T read = ConfluentAvroDeserializer.specific(this.client, type).deserialize(topic, bytes);
		assertThat(read).isEqualTo(event);
	}

	/** A specific value as generic data holds it: Instants as epoch millis, enums as symbols. */
	private static Object genericValue(org.apache.avro.Schema schema, Object value) {
		if (value instanceof Instant instant) {
			return instant.toEpochMilli();
		}
		if (value instanceof Enum<?> symbol) {
			return new GenericData.EnumSymbol(schema, symbol.name());
		}
		return value;
	}

}
