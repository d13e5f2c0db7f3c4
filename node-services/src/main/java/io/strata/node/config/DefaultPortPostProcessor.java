package io.strata.node.config;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code server.port} Druid's default port of the most outward-facing role this process
 * runs (router 8888, broker 8082, coordinator 8081, overlord 8090, historical 8083,
 * middleManager/indexer 8091) unless it is set.
 */
public final class DefaultPortPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("server.port")) {
			return;
		}
		List<Role> roles = RoleCondition.configuredRoles(environment.getProperty("strata.node.roles"));
		int port = roles.contains(Role.ROUTER) ? 8888 : roles.contains(Role.BROKER) ? 8082
				: roles.contains(Role.COORDINATOR) ? 8081 : roles.contains(Role.OVERLORD) ? 8090
						: roles.contains(Role.HISTORICAL) ? 8083 : 8091;
		environment.getPropertySources().addLast(new MapPropertySource("strataDefaultPort", Map.of("server.port", port)));
	}

}
