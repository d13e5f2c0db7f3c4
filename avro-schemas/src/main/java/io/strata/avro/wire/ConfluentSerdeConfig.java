package io.strata.avro.wire;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings read from Kafka client properties, under Confluent's names so a
 * configuration written for Confluent's serdes works unchanged.
 *
 * @param registryUrl {@value #SCHEMA_REGISTRY_URL}: the registry's root URL; empty when the
 * serde was given a client instead
 * @param autoRegisterSchemas {@value #AUTO_REGISTER_SCHEMAS} (default true): whether the serializer
 * registers a record's schema; when false the schema must already be registered under the subject
 * @param specificAvroReader {@value #SPECIFIC_AVRO_READER} (default false): whether an untyped
 * deserializer returns generated classes instead of generic records
 */
public record ConfluentSerdeConfig(Optional<URI> registryUrl, boolean autoRegisterSchemas, boolean specificAvroReader) {

	public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

	public ConfluentSerdeConfig {
		Objects.requireNonNull(registryUrl, "registryUrl");
	}

	/** Reads the settings from Kafka client properties; values may be strings or typed. */
	public static ConfluentSerdeConfig from(Map<String, ?> configs) {
		return new ConfluentSerdeConfig(url(configs.get(SCHEMA_REGISTRY_URL)),
				bool(configs, AUTO_REGISTER_SCHEMAS, true), bool(configs, SPECIFIC_AVRO_READER, false));
	}

	private static Optional<URI> url(Object value) {
		if (value == null) {
			return Optional.empty();
		}
		// Confluent's property is a list (one URL per registry node); this client talks to one node
		List<String> urls = (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(value).split(","));
		List<String> nonBlank = urls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
		if (nonBlank.size() != 1) {
			throw new ConfigException(SCHEMA_REGISTRY_URL, value, "exactly one schema registry URL is supported");
		}
		try {
			return Optional.of(URI.create(nonBlank.getFirst()));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(SCHEMA_REGISTRY_URL, value, "not a URL: " + ex.getMessage());
		}
	}

	private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
		Object value = configs.get(name);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		String text = String.valueOf(value).trim();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new ConfigException(name, value, "expected true or false");
	}

}
