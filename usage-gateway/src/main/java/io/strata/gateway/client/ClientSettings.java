package io.strata.gateway.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What {@link UsageClient.Builder} collected, checked.
 * @param gateway the gateway's base URI; records go to {@code <gateway>/v1/usage/events}
 * @param token the bearer token the gateway knows this service by
 * @param name tags the client's meters ({@code client}), so that two clients can share a registry
 */
record ClientSettings(URI gateway, String token, String name, int batchSize, Duration linger, int bufferCapacity,
		int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout, int senderThreads,
		Duration closeTimeout, DeliveryListener listener, MeterRegistry meters) {

	static final int MAX_SENDER_THREADS = 4;

	ClientSettings {
		Objects.requireNonNull(gateway, "gateway");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(linger, "linger");
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		Objects.requireNonNull(closeTimeout, "closeTimeout");
		Objects.requireNonNull(listener, "listener");
		Objects.requireNonNull(meters, "meters");
		if (!"http".equals(gateway.getScheme()) && !"https".equals(gateway.getScheme())) {
			throw new IllegalArgumentException("gateway[" + gateway + "] must be an http or https URI");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize[" + batchSize + "] must be positive");
		}
		if (bufferCapacity < batchSize) {
			throw new IllegalArgumentException(
					"bufferCapacity[" + bufferCapacity + "] must hold at least one batch of " + batchSize);
		}
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries[" + maxRetries + "] must not be negative");
		}
		if (senderThreads < 1 || senderThreads > MAX_SENDER_THREADS) {
			throw new IllegalArgumentException(
					"senderThreads[" + senderThreads + "] must be between 1 and " + MAX_SENDER_THREADS);
		}
		if (linger.isNegative() || closeTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"linger[" + linger + "] and closeTimeout[" + closeTimeout + "] must not be negative");
		}
		if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("initialBackoff[" + initialBackoff
					+ "] must be positive and at most maxBackoff[" + maxBackoff + "]");
		}
		if (!requestTimeout.isPositive()) {
			throw new IllegalArgumentException("requestTimeout[" + requestTimeout + "] must be positive");
		}
	}

	/** Where batches are posted. */
	URI eventsUri() {
		String base = this.gateway.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/usage/events");
	}

}
