package io.strata.node.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.strata.node.config.PropertiesBinding.assertSetsEveryKey;
import static io.strata.node.config.PropertiesBinding.bind;
import static io.strata.node.config.PropertiesBinding.defaults;
import static org.assertj.core.api.Assertions.assertThat;

class NodePropertiesTest {

	@Test
	void defaultsRunEveryRoleLocally() {
		NodeProperties properties = defaults(NodeProperties.class);

		assertThat(properties).isEqualTo(new NodeProperties(List.of(Role.COORDINATOR, Role.OVERLORD, Role.BROKER,
				Role.ROUTER, Role.HISTORICAL, Role.INDEXER), "localhost", Path.of("var/strata")));
		assertThat(properties.roles()).containsExactlyElementsOf(RoleCondition.configuredRoles(null));
	}

	@Test
	void everyKeyBinds() {
		Map<String, String> properties = Map.of("strata.node.roles", "broker, Historical, middleManager", "strata.node.host",
				"data-1.example.com", "strata.node.base-dir", "/srv/strata");

		assertSetsEveryKey(NodeProperties.class, properties);
		NodeProperties bound = bind(NodeProperties.class, properties);
		assertThat(bound).isEqualTo(
				new NodeProperties(List.of(Role.BROKER, Role.HISTORICAL, Role.MIDDLE_MANAGER), "data-1.example.com",
						Path.of("/srv/strata")));
		assertThat(bound.runs(Role.BROKER)).isTrue();
		assertThat(bound.runs(Role.COORDINATOR)).isFalse();
	}

	@Test
	void rolesBindTheSameAsTheRoleConditionReadsThem() {
		String roles = "router,coordinator,middleManager,indexer,overlord";

		assertThat(bind(NodeProperties.class, Map.of("strata.node.roles", roles)).roles())
			.containsExactlyElementsOf(RoleCondition.configuredRoles(roles));
	}

}
