package io.strata.node.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class RouterPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(RouterProperties.class)).isEqualTo(new RouterProperties("druid/broker", "", 0));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.router.default-broker-service", "druid/broker-hot",
				"strata.router.low-priority-broker-service", "druid/broker-cold", "strata.router.min-priority", "-1");

		assertSetsEveryKey(RouterProperties.class, properties);
		assertThat(bind(RouterProperties.class, properties))
			.isEqualTo(new RouterProperties("druid/broker-hot", "druid/broker-cold", -1));
	}

}
