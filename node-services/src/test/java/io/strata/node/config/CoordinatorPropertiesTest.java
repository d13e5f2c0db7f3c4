package io.strata.node.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(CoordinatorProperties.class))
			.isEqualTo(new CoordinatorProperties(Duration.ofSeconds(5), 5, 500, Duration.ofSeconds(60)));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.coordinator.period", "PT1M",
				"strata.coordinator.max-segments-to-move", "100", "strata.coordinator.replication-throttle-limit", "7",
				"strata.coordinator.compaction-period", "2m");

		assertSetsEveryKey(CoordinatorProperties.class, properties);
		assertThat(bind(CoordinatorProperties.class, properties))
			.isEqualTo(new CoordinatorProperties(Duration.ofMinutes(1), 100, 7, Duration.ofMinutes(2)));
	}

}
