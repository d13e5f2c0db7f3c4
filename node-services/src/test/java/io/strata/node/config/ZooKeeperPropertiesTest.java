package io.strata.node.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class ZooKeeperPropertiesTest {

	@Test
	void defaultsStartAnEmbeddedServer() {
		ZooKeeperProperties properties = defaults(ZooKeeperProperties.class);

		assertThat(properties).isEqualTo(new ZooKeeperProperties("", 2181, "/druid", Duration.ofSeconds(15)));
		assertThat(properties.embedded()).isTrue();
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.zk.connect", "zk1:2181,zk2:2181/strata",
				"strata.zk.embedded-port", "12181", "strata.zk.base-path", "/prod", "strata.zk.session-timeout", "30s");

		assertSetsEveryKey(ZooKeeperProperties.class, properties);
		ZooKeeperProperties bound = bind(ZooKeeperProperties.class, properties);
		assertThat(bound)
			.isEqualTo(new ZooKeeperProperties("zk1:2181,zk2:2181/strata", 12181, "/prod", Duration.ofSeconds(30)));
		assertThat(bound.embedded()).isFalse();
	}

	@Test
	void aBlankConnectStringStillMeansEmbedded() {
		assertThat(bind(ZooKeeperProperties.class, Map.of("strata.zk.connect", "  ")).embedded()).isTrue();
	}

}
