package io.strata.gateway.http;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code strata.gateway.*}.
 * @param topic the usage topic events are produced to
 * @param maxBodySize largest request accepted (413 beyond)
 * @param maxAge / maxFutureSkew how old or how far ahead an event's timestamp may be
 * @param ackTimeout how long a request waits for Kafka's acknowledgements before a 503
 * @param retryAfter what the 503 tells callers to wait
 * @param tokens the API tokens (name, sha256 of the secret, services it may report)
 * @param keyStore where the per-account encryption keys are kept
 * @param batchMaxAge how old a batch summary's rows may be
 * @param stateDir where batch imports keep their ledger and spooled files
 */
@ConfigurationProperties("strata.gateway")
public record GatewayProperties(@DefaultValue("usage-events") String topic, @DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("7d") Duration maxAge, @DefaultValue("5m") Duration maxFutureSkew,
		@DefaultValue("5s") Duration ackTimeout, @DefaultValue("5s") Duration retryAfter, List<Token> tokens,
		@DefaultValue("var/gateway/account-keys") String keyStore, @DefaultValue("90d") Duration batchMaxAge,
		@DefaultValue("var/gateway") String stateDir) {

	public GatewayProperties {
		tokens = tokens == null ? List.of() : List.copyOf(tokens);
	}

	/** One configured token. */
	public record Token(String name, String sha256, List<String> services) {

	}

}
