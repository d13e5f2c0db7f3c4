package io.strata.gateway.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters, tagged {@code client=<name>}. Counts are of records, not requests:
 * {@code sent} (the gateway answered 202), {@code retried} (sent again after a retriable answer or
 * a network error), {@code dropped} (not buffered: buffer full, or the client closed),
 * {@code refused} (the gateway refused them for good), {@code failed} (retries exhausted, or left
 * behind by a close that timed out). A gauge of the buffered records and a timer of each request,
 * tagged with its outcome. Thread-safe (Micrometer's meters are).
 */
final class ClientMetrics {

	static final String PREFIX = "strata.usage.client.";

	private final MeterRegistry registry;

	private final String name;

	private final Counter sent;

	private final Counter retried;

	private final Counter droppedFull;

	private final Counter droppedClosed;

	private final Counter refused;

	private final Counter failed;

	private final Map<RequestOutcome, Timer> requests = new EnumMap<>(RequestOutcome.class);

	ClientMetrics(MeterRegistry registry, String name, Supplier<Number> bufferSize) {
		this.registry = registry;
		this.name = name;
		this.sent = counter("events.sent", "Records the gateway accepted (202)");
		this.retried = counter("events.retried", "Records sent again after a retriable failure");
		this.droppedFull = Counter.builder(PREFIX + "events.dropped")
			.description("Records not buffered")
			.tags("client", name, "reason", "buffer_full")
			.register(registry);
		this.droppedClosed = Counter.builder(PREFIX + "events.dropped")
			.description("Records not buffered")
			.tags("client", name, "reason", "closed")
			.register(registry);
		this.refused = counter("events.refused", "Records the gateway refused for good (4xx)");
		this.failed = counter("events.failed", "Records given up after the last retry or at close");
		Gauge.builder(PREFIX + "buffer.size", bufferSize)
			.description("Records buffered, not yet taken by a sender")
			.tag("client", name)
			.register(registry);
		for (RequestOutcome outcome : RequestOutcome.values()) {
			this.requests.put(outcome, Timer.builder(PREFIX + "request.latency")
				.description("From sending a request to its answer, or to its failure")
				.tags("client", name, "outcome", outcome.tag())
				.register(registry));
		}
	}

	private Counter counter(String suffix, String description) {
		return Counter.builder(PREFIX + suffix).description(description).tag("client", this.name).register(this.registry);
	}

	void sent(int records) {
		this.sent.increment(records);
	}

	void retried(int records) {
		this.retried.increment(records);
	}

	void dropped(boolean closed) {
		(closed ? this.droppedClosed : this.droppedFull).increment();
	}

	void refused(int records) {
		this.refused.increment(records);
	}

	void failed(int records) {
		this.failed.increment(records);
	}

	void request(RequestOutcome outcome, long nanos) {
		this.requests.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
	}

	/** How a request ended, as the latency timer's {@code outcome} tag. */
	enum RequestOutcome {

		/** 2xx. */
		ACCEPTED("accepted"),
		/** A 4xx that is not retried. */
		REFUSED("refused"),
		/** 408, 429 or 5xx. */
		RETRIABLE("retriable"),
		/** No answer: connection refused or reset, timed out. */
		IO_ERROR("io_error");

		private final String tag;

		RequestOutcome(String tag) {
			this.tag = tag;
		}

		String tag() {
			return this.tag;
		}

	}

}
