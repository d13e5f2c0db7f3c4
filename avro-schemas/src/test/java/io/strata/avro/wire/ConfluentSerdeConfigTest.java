package io.strata.avro.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConfluentSerdeConfigTest {

	@Test
	void defaultsAreConfluents() {
		ConfluentSerdeConfig config = ConfluentSerdeConfig.from(Map.of());

		assertThat(config.registryUrl()).isEmpty();
		assertThat(config.autoRegisterSchemas()).isTrue();
		assertThat(config.specificAvroReader()).isFalse();
	}

	@Test
	void everyKeyBindsFromStringsOrTypedValues() {
		assertThat(ConfluentSerdeConfig.from(Map.of("schema.registry.url", "http://registry:8081",
				"auto.register.schemas", "false", "specific.avro.reader", "TRUE")))
			.isEqualTo(new ConfluentSerdeConfig(java.util.Optional.of(URI.create("http://registry:8081")), false, true));
		assertThat(ConfluentSerdeConfig.from(Map.of("schema.registry.url", List.of("http://registry:8081"),
				"auto.register.schemas", Boolean.FALSE, "specific.avro.reader", Boolean.TRUE)))
			.isEqualTo(new ConfluentSerdeConfig(java.util.Optional.of(URI.create("http://registry:8081")), false, true));
	}

	@Test
	void badValuesNameTheirKey() {
		assertThatThrownBy(() -> ConfluentSerdeConfig.from(Map.of("auto.register.schemas", "yes")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("auto.register.schemas");
		assertThatThrownBy(() -> ConfluentSerdeConfig.from(Map.of("schema.registry.url", "http://a:8081,http://b:8081")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("schema.registry.url")
			.hasMessageContaining("exactly one");
	}

	@Test
	void subjectsFollowTopicNameStrategy() {
		assertThat(TopicNameStrategy.subject("usage-events", false)).isEqualTo("usage-events-value");
		assertThat(TopicNameStrategy.subject("usage-events", true)).isEqualTo("usage-events-key");
	}

}
