package io.strata.node.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code strata.node.base-dir} absolute (against the working directory) before anything
 * reads it: the embedded H2 URL is built from it, and H2 refuses relative file paths.
 */
public final class AbsoluteBaseDirPostProcessor implements EnvironmentPostProcessor {

	static final String KEY = "strata.node.base-dir";

	static final String DEFAULT = "var/strata";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(KEY, DEFAULT);
		String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
		if (!absolute.equals(configured)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("strataAbsoluteBaseDir", Map.of(KEY, absolute)));
		}
	}

}
