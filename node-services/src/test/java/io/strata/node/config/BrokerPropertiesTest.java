package io.strata.node.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class BrokerPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		assertThat(defaults(BrokerProperties.class)).isEqualTo(new BrokerProperties(DataSize.ofMegabytes(64), true,
				true, 32, "none", Map.of(), true, 50, Duration.ofSeconds(300), 2, "druid/broker"));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.ofEntries(Map.entry("strata.broker.cache-size", "1GB"),
				Map.entry("strata.broker.use-cache", "false"), Map.entry("strata.broker.populate-cache", "false"),
				Map.entry("strata.broker.num-threads", "4"), Map.entry("strata.broker.laning", "manual"),
				Map.entry("strata.broker.lanes.reports", "20"), Map.entry("strata.broker.lanes.batch", "10"),
				Map.entry("strata.broker.limit-percent", "false"), Map.entry("strata.broker.max-low-percent", "10"),
				Map.entry("strata.broker.timeout", "30s"), Map.entry("strata.broker.retries", "0"),
				Map.entry("strata.broker.service-name", "druid/broker-low"));

		assertSetsEveryKey(BrokerProperties.class, properties);
		assertThat(bind(BrokerProperties.class, properties)).isEqualTo(new BrokerProperties(DataSize.ofGigabytes(1),
				false, false, 4, "manual", Map.of("reports", 20, "batch", 10), false, 10, Duration.ofSeconds(30), 0,
				"druid/broker-low"));
	}

	@Test
	void plainNumbersAreBytesAndMilliseconds() {
		BrokerProperties properties = bind(BrokerProperties.class,
				Map.of("strata.broker.cache-size", "1024", "strata.broker.timeout", "1500"));

		assertThat(properties.cacheSize()).isEqualTo(DataSize.ofBytes(1024));
		assertThat(properties.timeout()).isEqualTo(Duration.ofMillis(1500));
	}

}
