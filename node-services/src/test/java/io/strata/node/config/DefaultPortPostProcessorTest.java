package io.strata.node.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.core.env.PropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultPortPostProcessorTest {

	private final DefaultPortPostProcessor processor = new DefaultPortPostProcessor();

	@Test
	void everyRoleTogetherListensWhereTheRouterWould() {
		assertThat(portFor(null)).isEqualTo(8888);
	}

	@Test
	void theMostOutwardFacingRoleChoosesThePort() {
		assertThat(portFor("historical,router")).isEqualTo(8888);
		assertThat(portFor("historical,coordinator,broker")).isEqualTo(8082);
		assertThat(portFor("historical,coordinator")).isEqualTo(8081);
		assertThat(portFor("historical")).isEqualTo(8083);
		assertThat(portFor("coordinator,overlord")).isEqualTo(8081);
		assertThat(portFor("overlord")).isEqualTo(8090);
		assertThat(portFor("historical,indexer")).isEqualTo(8083);
		assertThat(portFor("middleManager")).isEqualTo(8091);
		assertThat(portFor("indexer")).isEqualTo(8091);
	}

	@Test
	void aConfiguredPortIsKept() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "9999")
			.withProperty("strata.node.roles", "broker");

		this.processor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("server.port")).isEqualTo("9999");
		assertThat(environment.getPropertySources().contains("strataDefaultPort")).isFalse();
	}

	@Test
	void theDefaultHasTheLowestPrecedence() {
		MockEnvironment environment = new MockEnvironment().withProperty("strata.node.roles", "coordinator");

		this.processor.postProcessEnvironment(environment, new SpringApplication());

		List<PropertySource<?>> sources = new ArrayList<>();
		environment.getPropertySources().forEach(sources::add);
		assertThat(sources.getLast().getName()).isEqualTo("strataDefaultPort");
		assertThat(sources.getLast().getProperty("server.port")).isEqualTo(8081);
	}

	@Test
	void isRegisteredToRunAfterConfigFilesAreRead() throws IOException {
		List<String> registered = new ArrayList<>();
		for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
			Properties factories = new Properties();
			try (InputStream in = url.openStream()) {
				factories.load(in);
			}
			String value = factories.getProperty("org.springframework.boot.EnvironmentPostProcessor", "");
			for (String name : value.split(",")) {
				registered.add(name.strip());
			}
		}

		assertThat(registered).contains(DefaultPortPostProcessor.class.getName());
		// unordered means last: after application.properties and profiles are loaded, so it sees their roles and port
		assertThat(this.processor).isNotInstanceOf(Ordered.class);
		assertThat(OrderUtils.getOrder(DefaultPortPostProcessor.class)).isNull();
		assertThat(ConfigDataEnvironmentPostProcessor.ORDER).isLessThan(Ordered.LOWEST_PRECEDENCE);
	}

	private int portFor(String roles) {
		MockEnvironment environment = new MockEnvironment();
		if (roles != null) {
			environment.setProperty("strata.node.roles", roles);
		}
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		return environment.getRequiredProperty("server.port", Integer.class);
	}

}
