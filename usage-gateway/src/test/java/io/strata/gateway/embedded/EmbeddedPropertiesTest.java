package io.strata.gateway.embedded;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPropertiesTest {

	@Test
	void defaultsAreOffAndMatchTheGatewaysDefaultAddresses() {
		EmbeddedProperties properties = bind(Map.of());
		assertThat(properties.kafka()).isEqualTo(new EmbeddedProperties.Kafka(false, "localhost", 9092, 9093,
				Path.of("var/strata/kafka"), 3));
		assertThat(properties.registry())
			.isEqualTo(new EmbeddedProperties.Registry(false, 8085, Path.of("var/strata/registry")));
	}

	@Test
	void everyKeyBinds() {
		EmbeddedProperties properties = bind(Map.of("strata.embedded.kafka.enabled", "true",
				"strata.embedded.kafka.host", "kafka.local", "strata.embedded.kafka.port", "19092",
				"strata.embedded.kafka.controller-port", "19093", "strata.embedded.kafka.directory", "/data/kafka",
				"strata.embedded.kafka.partitions", "6", "strata.embedded.registry.enabled", "true",
				"strata.embedded.registry.port", "18085", "strata.embedded.registry.directory", "/data/registry"));
		assertThat(properties.kafka()).isEqualTo(
				new EmbeddedProperties.Kafka(true, "kafka.local", 19092, 19093, Path.of("/data/kafka"), 6));
		assertThat(properties.kafka().settings().bootstrapServers()).isEqualTo("kafka.local:19092");
		assertThat(properties.registry())
			.isEqualTo(new EmbeddedProperties.Registry(true, 18085, Path.of("/data/registry")));
	}

	private static EmbeddedProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("strata.embedded",
				EmbeddedProperties.class);
	}

}
