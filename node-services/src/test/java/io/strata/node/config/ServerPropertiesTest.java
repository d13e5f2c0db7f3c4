package io.strata.node.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class ServerPropertiesTest {

	@Test
	void defaultsWithoutAnyKey() {
		ServerProperties properties = defaults(ServerProperties.class);

		assertThat(properties)
			.isEqualTo(new ServerProperties("_default_tier", 0, DataSize.ofGigabytes(10), null, 2, 0));
		assertThat(properties.processingThreadsOrCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.server.tier", "hot", "strata.server.priority", "10",
				"strata.server.max-size", "500GB", "strata.server.cache-directory", "/ssd/segment-cache",
				"strata.server.loading-threads", "8", "strata.server.processing-threads", "3");

		assertSetsEveryKey(ServerProperties.class, properties);
		ServerProperties bound = bind(ServerProperties.class, properties);
		assertThat(bound).isEqualTo(
				new ServerProperties("hot", 10, DataSize.ofGigabytes(500), Path.of("/ssd/segment-cache"), 8, 3));
		assertThat(bound.processingThreadsOrCores()).isEqualTo(3);
	}

}
