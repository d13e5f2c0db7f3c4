package io.strata.node.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class WorkerPropertiesTest {

	@Test
	void defaultsAreDruidsCoresLessOneInTheDefaultCategory() {
		WorkerProperties properties = defaults(WorkerProperties.class);

		assertThat(properties).isEqualTo(new WorkerProperties(0, "_default_worker_category", "0"));
		assertThat(properties.capacityOrDefault())
			.isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.worker.capacity", "3", "strata.worker.category", "batch",
				"strata.worker.version", "2");

		assertSetsEveryKey(WorkerProperties.class, properties);
		WorkerProperties bound = bind(WorkerProperties.class, properties);
		assertThat(bound).isEqualTo(new WorkerProperties(3, "batch", "2"));
		assertThat(bound.capacityOrDefault()).isEqualTo(3);
	}

}
