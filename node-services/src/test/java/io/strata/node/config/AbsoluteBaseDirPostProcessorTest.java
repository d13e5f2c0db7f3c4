package io.strata.node.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteBaseDirPostProcessorTest {

	private final AbsoluteBaseDirPostProcessor processor = new AbsoluteBaseDirPostProcessor();

	@Test
	void theDefaultBecomesAnAbsolutePathUnderTheWorkingDirectory() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("strata.node.base-dir"))
			.isEqualTo(Path.of("var/strata").toAbsolutePath().normalize().toString());
	}

	@Test
	void aRelativeSettingIsResolvedAndWinsOverTheOriginal() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("strata.node.base-dir", "x/../state")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("strata.node.base-dir"))
			.isEqualTo(Path.of("state").toAbsolutePath().toString());
	}

	@Test
	void anAbsoluteSettingIsLeftAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("strata.node.base-dir", "/srv/strata")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains("strataAbsoluteBaseDir")).isFalse();
		assertThat(environment.getProperty("strata.node.base-dir")).isEqualTo("/srv/strata");
	}

}
