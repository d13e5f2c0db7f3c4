package io.strata.gateway.traffic;

import java.time.Duration;
import java.util.Objects;

import io.strata.sample.UsageCatalog;
import io.strata.sample.UsageDataConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.sample-traffic.*}.
 * @param eventsPerSecond generated events reported per second to this gateway; 0 (the default)
 * turns the generator off. Each event costs the gateway a validation, an Avro encoding and a Kafka
 * write like a real one, and lands in the usage topic with real ones: never set it on a gateway
 * that bills customers
 * @param token the bearer token's secret the generator presents; it needs a configured
 * {@code strata.gateway.tokens[i]} with its hash, allowed {@code *} (or the generated APIs)
 * @param accounts how many accounts the events are spread over, with a Zipf skew (the busiest
 * of 25 makes about 30 % of the calls): more makes higher-cardinality queries
 * @param apis how many of the sample catalog's twelve APIs are called, the most popular first
 * @param logInterval how often the totals (sent, accepted, refused, failed) are logged
 */
@ConfigurationProperties("strata.sample-traffic")
public record SampleTrafficProperties(@DefaultValue("0") int eventsPerSecond, @DefaultValue("") String token,
		@DefaultValue("25") int accounts, @DefaultValue("6") int apis, @DefaultValue("10s") Duration logInterval) {

	public SampleTrafficProperties {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(logInterval, "logInterval");
		if (eventsPerSecond < 0) {
			throw new IllegalArgumentException("eventsPerSecond[" + eventsPerSecond + "] must not be negative");
		}
		if (eventsPerSecond > 0 && token.isBlank()) {
			throw new IllegalArgumentException(
					"token is required when eventsPerSecond[" + eventsPerSecond + "] is above 0");
		}
		if (accounts < 1 || accounts > UsageDataConfig.MAX_ACCOUNTS) {
			throw new IllegalArgumentException(
					"accounts[" + accounts + "] must be between 1 and " + UsageDataConfig.MAX_ACCOUNTS);
		}
		if (apis < 1 || apis > UsageCatalog.API_NAMES.size()) {
			throw new IllegalArgumentException(
					"apis[" + apis + "] must be between 1 and " + UsageCatalog.API_NAMES.size());
		}
		if (!logInterval.isPositive()) {
			throw new IllegalArgumentException("logInterval[" + logInterval + "] must be positive");
		}
	}

}
