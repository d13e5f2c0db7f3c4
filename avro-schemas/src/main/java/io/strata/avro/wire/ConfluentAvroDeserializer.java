package io.strata.avro.wire;

import io.strata.avro.TrustedAvroPackages;
import io.strata.avro.registry.RegistryError;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.SchemaRegistryException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading the Confluent wire format: it fetches the writer schema by the id in
 * the record (cached) and reads the body into the reader schema, so records written with an older
 * or newer compatible schema read fine (Avro schema resolution fills defaults and skips unknown
 * fields).
 *
 * <p>
 * The reader schema is, by construction: a generated class's schema ({@link #specific}), a given
 * schema or the writer's own ({@link #generic}); created by Kafka from {@code value.deserializer},
 * the writer's schema, or with {@code specific.avro.reader=true} the schema of the generated class
 * the writer schema names.
 *
 * <p>
 * A record that is not in the wire format, names an id the registry does not know, or does not
 * decode fails with a {@link SerializationException} naming the topic and the reason, for the
 * consumer to count and park. Thread-safe.
 */
public final class ConfluentAvroDeserializer<T> implements Deserializer<T> {

	private final Class<T> type;

	/** Whether the factory fixed specific or generic reading, so configuration cannot change it. */
	private final boolean readerFixed;

	/** The reader schema given at construction; empty to follow the writer schema. */
	private final Optional<Schema> readerSchema;

	private final ConcurrentMap<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

	/** Replaced as a whole by {@link #configure}, which Kafka calls before any record. */
	private volatile Settings settings;

	/**
	 * For Kafka's reflective creation; {@link #configure} must follow. It returns generic records,
	 * or generated classes with {@code specific.avro.reader=true}.
	 */
	@SuppressWarnings("unchecked") // Kafka creates it untyped; the consumer's declared type is the caller's promise
	public ConfluentAvroDeserializer() {
		this((Class<T>) Object.class, false, Optional.empty(), new Settings(Optional.empty(), false, false));
	}

	private ConfluentAvroDeserializer(Class<T> type, boolean readerFixed, Optional<Schema> readerSchema,
			Settings settings) {
		TrustedAvroPackages.register();
		this.type = type;
		this.readerFixed = readerFixed;
		this.readerSchema = readerSchema;
		this.settings = settings;
	}

	/** Reads generic records in the writer's schema. */
	public static ConfluentAvroDeserializer<GenericRecord> generic(SchemaRegistryClient client) {
		return new ConfluentAvroDeserializer<>(GenericRecord.class, true, Optional.empty(), Settings.of(client, false));
	}

	/** Reads generic records in {@code readerSchema}, resolved from whatever compatible schema wrote them. */
	public static ConfluentAvroDeserializer<GenericRecord> generic(SchemaRegistryClient client, Schema readerSchema) {
		return new ConfluentAvroDeserializer<>(GenericRecord.class, true,
				Optional.of(Objects.requireNonNull(readerSchema, "readerSchema")), Settings.of(client, false));
	}

	/**
	 * Reads instances of a generated class, in that class's schema. With {@code
	 * SpecificRecord.class} it reads the generated class each writer schema names.
	 */
	public static <T extends SpecificRecord> ConfluentAvroDeserializer<T> specific(SchemaRegistryClient client,
			Class<T> type) {
		boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
		Optional<Schema> reader = concrete ? Optional.of(SpecificData.getForClass(type).getSchema(type)) : Optional.empty();
		return new ConfluentAvroDeserializer<>(type, true, reader, Settings.of(client, true));
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		ConfluentSerdeConfig config = ConfluentSerdeConfig.from(configs);
		Settings current = this.settings;
		boolean specific = this.readerFixed ? current.specific() : config.specificAvroReader();
		if (current.client().isPresent()) {
			this.settings = new Settings(current.client(), current.ownsClient(), specific);
		}
		else {
			SchemaRegistryClient client = new SchemaRegistryClient(config.registryUrl()
				.orElseThrow(() -> new ConfigException(
						"Missing required configuration \"" + ConfluentSerdeConfig.SCHEMA_REGISTRY_URL + "\"")));
			this.settings = new Settings(Optional.of(client), true, specific);
		}
		this.readers.clear();
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		int id = WireFormat.schemaId(topic, data);
		DatumReader<Object> reader = reader(topic, id);
		Object value;
		try {
			BinaryDecoder decoder = DecoderFactory.get()
				.binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
			value = reader.read(null, decoder);
			if (!decoder.isEnd()) {
				throw new SerializationException("Record for topic[" + topic + "] with schema id[" + id
						+ "] has bytes left after the record: it was not written with that schema");
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SerializationException serialization) {
				throw serialization;
			}
			// the bytes come from outside: whatever Avro throws on them is a bad record, not a bug here
			throw new SerializationException("Record for topic[" + topic + "] with schema id[" + id
					+ "] could not be decoded: " + ex, ex);
		}
		if (!this.type.isInstance(value)) {
			throw new SerializationException("Record for topic[" + topic + "] with schema id[" + id + "] decoded to ["
					+ value.getClass().getName() + "], not [" + this.type.getName() + "]");
		}
		return this.type.cast(value);
	}

	@Override
	public void close() {
		Settings current = this.settings;
		if (current.ownsClient()) {
			current.client().ifPresent(SchemaRegistryClient::close);
		}
	}

	private DatumReader<Object> reader(String topic, int id) {
		DatumReader<Object> cached = this.readers.get(id);
		if (cached != null) {
			return cached;
		}
		Settings current = this.settings;
		Schema writer = writerSchema(current, topic, id);
		DatumReader<Object> reader;
		if (current.specific()) {
			Schema readerSchema = this.readerSchema.orElseGet(() -> generatedClassSchema(topic, id, writer));
			reader = new SpecificDatumReader<>(writer, readerSchema, specificData(topic, readerSchema));
		}
		else {
			reader = new GenericDatumReader<>(writer, this.readerSchema.orElse(writer), GenericData.get());
		}
		DatumReader<Object> raced = this.readers.putIfAbsent(id, reader);
		return (raced != null) ? raced : reader;
	}

	private Schema writerSchema(Settings current, String topic, int id) {
		SchemaRegistryClient client = current.client()
			.orElseThrow(() -> new IllegalStateException("ConfluentAvroDeserializer is not configured: set "
					+ ConfluentSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient"));
		try {
			return client.schemaById(id);
		}
		catch (SchemaRegistryException ex) {
			if (ex.is(RegistryError.SCHEMA_NOT_FOUND)) {
				throw new SerializationException("Record for topic[" + topic + "] names unknown schema id[" + id
						+ "]: registry[" + client.baseUrl() + "] does not know it", ex);
			}
			throw new SerializationException("Record for topic[" + topic + "] names schema id[" + id
					+ "], which could not be fetched: " + ex.getMessage(), ex);
		}
	}

	/** The schema of the generated class that {@code writer} names, for untyped specific reading. */
	private static Schema generatedClassSchema(String topic, int id, Schema writer) {
		Class<?> generated = SpecificData.get().getClass(writer);
		if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
			throw new SerializationException("Record for topic[" + topic + "] with schema id[" + id
					+ "] names no generated class[" + writer.getFullName() + "] to read into");
		}
		return SpecificData.getForClass(generated).getSchema(generated);
	}

	private static SpecificData specificData(String topic, Schema readerSchema) {
		Class<?> generated = SpecificData.get().getClass(readerSchema);
		if (generated == null) {
			throw new SerializationException("Reader schema[" + readerSchema.getFullName() + "] for topic[" + topic
					+ "] has no generated class");
		}
		// the generated class's own model carries its logical-type conversions (Instant)
		return SpecificData.getForClass(generated);
	}

	/**
	 * @param client the registry, empty until configured
	 * @param ownsClient whether {@link #close()} closes it (it was built from the configuration)
	 * @param specific whether records are read into generated classes
	 */
	private record Settings(Optional<SchemaRegistryClient> client, boolean ownsClient, boolean specific) {

		static Settings of(SchemaRegistryClient client, boolean specific) {
			return new Settings(Optional.of(Objects.requireNonNull(client, "client")), false, specific);
		}

	}

}
