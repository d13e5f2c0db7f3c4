package io.strata.node.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class OverlordPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(OverlordProperties.class))
			.isEqualTo(new OverlordProperties(Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofMinutes(5),
					Duration.ofSeconds(5)));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.overlord.period", "250ms",
				"strata.overlord.recently-finished-threshold", "PT6H", "strata.overlord.lock-timeout", "30s",
				"strata.overlord.supervisor-period", "750ms");

		assertSetsEveryKey(OverlordProperties.class, properties);
		assertThat(bind(OverlordProperties.class, properties))
			.isEqualTo(new OverlordProperties(Duration.ofMillis(250), Duration.ofHours(6), Duration.ofSeconds(30),
					Duration.ofMillis(750)));
	}

}
