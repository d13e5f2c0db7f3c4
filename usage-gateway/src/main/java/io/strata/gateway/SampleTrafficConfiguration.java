package io.strata.gateway;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.gateway.traffic.SampleTraffic;
import io.strata.gateway.traffic.SampleTrafficProperties;
import io.strata.gateway.traffic.SampleUsageRecords;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Generated usage traffic sent to this gateway's own HTTP API, only when
 * {@code strata.sample-traffic.events-per-second} is above 0.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleTrafficProperties.class)
@ConditionalOnExpression("${strata.sample-traffic.events-per-second:0} > 0")
class SampleTrafficConfiguration {

	/**
	 * Starts in the last lifecycle phase, after the web server (so the first request finds it
	 * listening), and stops first, so what the client buffered is still delivered.
	 */
	@Bean
	SmartLifecycle sampleTrafficLifecycle(SampleTrafficProperties properties, MeterRegistry meters,
			ApplicationContext context) {
		return new SmartLifecycle() {

			private SampleTraffic traffic;

			@Override
			public void start() {
				if (!(context instanceof WebServerApplicationContext web)) {
					throw new IllegalStateException("strata.sample-traffic needs the gateway's web server");
				}
				URI gateway = URI.create("http://localhost:" + web.getWebServer().getPort());
				// a new seed each start: every run sends a sequence of its own
				SampleUsageRecords records = new SampleUsageRecords(ThreadLocalRandom.current().nextLong(),
						properties.accounts(), properties.apis(), Clock.systemUTC());
				this.traffic = SampleTraffic.start(gateway, properties.token(), properties.eventsPerSecond(), records,
						properties.logInterval(), meters);
			}

			@Override
			public void stop() {
				this.traffic.close();
				this.traffic = null;
			}

			@Override
			public boolean isRunning() {
				return this.traffic != null;
			}

		};
	}

}
