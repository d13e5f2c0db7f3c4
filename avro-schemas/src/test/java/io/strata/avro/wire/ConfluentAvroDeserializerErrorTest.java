package io.strata.avro.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.avro.SampleEvents;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.avro.schema.UsageEvent;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison records: each failure names the topic and the reason, for the consumer to count and park. */
class ConfluentAvroDeserializerErrorTest {

	@TempDir
	Path dataDir;

	private SchemaRegistryServer server;

	private SchemaRegistryClient client;

	private ConfluentAvroDeserializer<UsageEvent> deserializer;

	@BeforeEach
	void startRegistry() {
		this.server = new SchemaRegistryServer(this.dataDir).start(0);
		this.client = new SchemaRegistryClient(this.server.url());
		this.deserializer = ConfluentAvroDeserializer.specific(this.client, UsageEvent.class);
	}

	@AfterEach
	void stopRegistry() {
		this.client.close();
		this.server.close();
	}

	@Test
	void aRecordNotStartingWithMagicByteZeroIsRefused() {
		byte[] json = "{\"eventId\":\"e1\"}".getBytes();

		assertThatThrownBy(() -> this.deserializer.deserialize("usage", json)).isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("unknown magic byte[123]");
	}

	@Test
	void aRecordShorterThanTheHeaderIsRefused() {
		assertThatThrownBy(() -> this.deserializer.deserialize("usage", new byte[] { 0, 0, 1 }))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("too short")
			.hasMessageContaining("[3] bytes");
	}

	@Test
	void aRecordNamingAnUnknownSchemaIdIsRefused() {
		byte[] unknownId = { 0, 0, 0, 0x01, 0x2c, 2, 'x' };

		assertThatThrownBy(() -> this.deserializer.deserialize("usage", unknownId))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("unknown schema id[300]");
	}

	@Test
	void aBodyThatIsNotTheNamedSchemaIsRefused() {
		byte[] good = new ConfluentAvroSerializer<UsageEvent>(this.client).serialize("usage", SampleEvents.usageEvent());
		byte[] truncated = Arrays.copyOf(good, 12);
		byte[] trailing = Arrays.copyOf(good, good.length + 3);

		assertThatThrownBy(() -> this.deserializer.deserialize("usage", truncated))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("could not be decoded");
		assertThatThrownBy(() -> this.deserializer.deserialize("usage", trailing))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("topic[usage]")
			.hasMessageContaining("bytes left after the record");
	}

	@Test
	void aRegistryThatCannotBeReachedIsNamed() {
		byte[] good = new ConfluentAvroSerializer<UsageEvent>(this.client).serialize("usage", SampleEvents.usageEvent());
		this.server.close();
		ConfluentAvroDeserializer<GenericRecord> fresh = ConfluentAvroDeserializer.generic(this.client);
		SchemaRegistryClient noCache = new SchemaRegistryClient(this.client.baseUrl());
		try (ConfluentAvroDeserializer<GenericRecord> cold = ConfluentAvroDeserializer.generic(noCache)) {
			assertThatThrownBy(() -> cold.deserialize("usage", good)).isInstanceOf(SerializationException.class)
				.hasMessageContaining("topic[usage]")
				.hasMessageContaining("could not be fetched");
		}
		finally {
			noCache.close();
		}
		// the schema the client fetched before stays usable without the registry
		assertThat(fresh.deserialize("usage", good).get("accountId")).isEqualTo("acct-42");
	}

}
