package io.strata.gateway.traffic;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleTrafficPropertiesTest {

	@Test
	void offByDefault() {
		assertThat(bind(Map.of())).isEqualTo(new SampleTrafficProperties(0, "", 25, 6, Duration.ofSeconds(10)));
	}

	@Test
	void everyKeyBinds() {
		assertThat(bind(Map.of("strata.sample-traffic.events-per-second", "200", "strata.sample-traffic.token", "s3cret",
				"strata.sample-traffic.accounts", "1000", "strata.sample-traffic.apis", "12",
				"strata.sample-traffic.log-interval", "30s")))
			.isEqualTo(new SampleTrafficProperties(200, "s3cret", 1000, 12, Duration.ofSeconds(30)));
	}

	@Test
	void aRateWithoutATokenIsRefusedNamingTheToken() {
		assertThatThrownBy(() -> bind(Map.of("strata.sample-traffic.events-per-second", "200")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("token is required");
	}

	private static SampleTrafficProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("strata.sample-traffic",
				SampleTrafficProperties.class);
	}

}
