package io.strata.avro.wire;

import io.strata.avro.TrustedAvroPackages;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro records (generated {@code SpecificRecord}s or {@code
 * GenericRecord}s) in the Confluent wire format. The record's schema is registered under the
 * TopicNameStrategy subject ({@code <topic>-value} or {@code <topic>-key}), or, with {@code
 * auto.register.schemas=false}, looked up there; its id is cached per subject and schema.
 *
 * <p>
 * Either give it a {@link SchemaRegistryClient} (ready to use; the caller keeps ownership of the
 * client), or let Kafka create it from {@code value.serializer} and {@link #configure} it with
 * {@code schema.registry.url} (it then owns and closes its client).
 *
 * <p>
 * Thread-safe: a producer may call {@link #serialize} from many threads.
 */
public final class ConfluentAvroSerializer<T extends GenericContainer> implements Serializer<T> {

	private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();

	private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

	/** Replaced as a whole by {@link #configure}, which Kafka calls before any record. */
	private volatile Settings settings;

	/** For Kafka's reflective creation; {@link #configure} must follow. */
	public ConfluentAvroSerializer() {
		TrustedAvroPackages.register();
		this.settings = new Settings(Optional.empty(), false, false, true);
	}

	/** A value serializer that registers schemas through {@code client}. */
	public ConfluentAvroSerializer(SchemaRegistryClient client) {
		this(client, false, true);
	}

	/**
	 * @param isKey whether it serializes record keys (subject {@code <topic>-key})
	 * @param autoRegisterSchemas whether to register schemas, or only look them up
	 */
	public ConfluentAvroSerializer(SchemaRegistryClient client, boolean isKey, boolean autoRegisterSchemas) {
		TrustedAvroPackages.register();
		this.settings = new Settings(Optional.of(Objects.requireNonNull(client, "client")), false, isKey,
				autoRegisterSchemas);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		ConfluentSerdeConfig config = ConfluentSerdeConfig.from(configs);
		Settings current = this.settings;
		if (current.client().isPresent()) {
			this.settings = new Settings(current.client(), current.ownsClient(), isKey, config.autoRegisterSchemas());
			return;
		}
		SchemaRegistryClient client = new SchemaRegistryClient(config.registryUrl()
			.orElseThrow(() -> new ConfigException(
					"Missing required configuration \"" + ConfluentSerdeConfig.SCHEMA_REGISTRY_URL + "\"")));
		this.settings = new Settings(Optional.of(client), true, isKey, config.autoRegisterSchemas());
	}

	@Override
	public byte[] serialize(String topic, T data) {
		if (data == null) {
			return null;
		}
		Settings current = this.settings;
		Schema schema = data.getSchema();
		int id = schemaId(current, topic, schema);
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		WireFormat.writeHeader(out, id);
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		try {
			writer(data, schema).write(data, encoder);
			encoder.flush();
		}
		catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException ex) {
			// Avro reports a value that does not fit its schema with these
			throw new SerializationException("Record of schema[" + schema.getFullName() + "] for topic[" + topic
					+ "] could not be encoded: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	@Override
	public void close() {
		Settings current = this.settings;
		if (current.ownsClient()) {
			current.client().ifPresent(SchemaRegistryClient::close);
		}
	}

	private int schemaId(Settings current, String topic, Schema schema) {
		String subject = TopicNameStrategy.subject(topic, current.isKey());
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.ids.get(key);
		if (cached != null) {
			return cached;
		}
		SchemaRegistryClient client = current.client()
			.orElseThrow(() -> new IllegalStateException("ConfluentAvroSerializer is not configured: set "
					+ ConfluentSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient"));
		int id;
		try {
			id = current.autoRegisterSchemas() ? client.register(subject, schema) : client.lookupId(subject, schema);
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Schema[" + schema.getFullName() + "] for topic[" + topic
					+ "] could not be " + (current.autoRegisterSchemas() ? "registered" : "found") + " under subject["
					+ subject + "]: " + ex.getMessage(), ex);
		}
		this.ids.putIfAbsent(key, id);
		return id;
	}

	private DatumWriter<Object> writer(T data, Schema schema) {
		return this.writers.computeIfAbsent(new WriterKey(data.getClass(), schema), key -> {
			if (data instanceof SpecificRecord) {
				// the generated class's own model carries its logical-type conversions (Instant)
				return new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()));
			}
			return new GenericDatumWriter<>(schema, GenericData.get());
		});
	}

	/**
	 * @param client the registry, empty until configured
	 * @param ownsClient whether {@link #close()} closes it (it was built from the configuration)
	 */
	private record Settings(Optional<SchemaRegistryClient> client, boolean ownsClient, boolean isKey,
			boolean autoRegisterSchemas) {

	}

	/** Schemas compare with Avro's equality, which is what their binary encoding depends on. */
	private record SubjectSchema(String subject, Schema schema) {

	}

	private record WriterKey(Class<?> type, Schema schema) {

	}

}
