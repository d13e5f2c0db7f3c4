package io.strata.node.task.kafka;

import java.net.URI;

import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.AvroStreamParser;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonStreamParser;
import io.strata.engine.input.StreamRowParser;
import io.strata.engine.json.SpecNode;
import org.apache.avro.generic.GenericRecord;

/**
 * The stream input formats of Kafka ingestion: {@code json}, and {@code avro_stream} with Druid's
 * {@code schema_registry} bytes decoder, which reads the Confluent wire format (magic byte, schema
 * id, Avro binary) and fetches each writer schema from the registry once.
 */
public final class StreamParsers {

	private StreamParsers() {
	}

	/** Checks an {@code inputFormat} of a Kafka spec; @throws io.strata.engine.error.StrataException naming the field */
	public static void validate(SpecNode inputFormat) {
		String type = inputFormat.requiredString("type");
		switch (type) {
			case "json" -> {
				// root-level fields only, as for batch json
			}
			case "avro_stream" -> registryUrl(inputFormat);
			default -> throw inputFormat.error("type", "is [" + type + "]; expected one of [json, avro_stream]");
		}
	}

	/** A parser for one consuming thread, with what it holds open (a registry client's HTTP client). */
	public record OpenParser(StreamRowParser parser, Runnable closer) implements AutoCloseable {

		@Override
		public void close() {
			this.closer.run();
		}

	}

	public static OpenParser create(SpecNode inputFormat, DataSchema schema, String topic) {
		validate(inputFormat);
		InputRowFactory rows = new InputRowFactory(schema.timestampSpec());
		if (inputFormat.requiredString("type").equals("json")) {
			return new OpenParser(new JsonStreamParser(rows), () -> {
			});
		}
		SchemaRegistryClient registry = new SchemaRegistryClient(URI.create(registryUrl(inputFormat)));
		ConfluentAvroDeserializer<GenericRecord> deserializer = ConfluentAvroDeserializer.generic(registry);
		return new OpenParser(new AvroStreamParser(message -> deserializer.deserialize(topic, message), rows,
				inputFormat.optionalBoolean("binaryAsString", false)), registry::close);
	}

	private static String registryUrl(SpecNode inputFormat) {
		SpecNode decoder = inputFormat.requiredObject("avroBytesDecoder");
		String type = decoder.requiredString("type");
		if (!type.equals("schema_registry")) {
			throw decoder.error("type", "is [" + type + "]; only [schema_registry] is supported");
		}
		if (decoder.has("url")) {
			return decoder.requiredString("url");
		}
		var urls = decoder.optionalStringList("urls");
		if (urls.isEmpty()) {
			throw decoder.error("url", "is required (or urls)");
		}
		return urls.getFirst();
	}

}
