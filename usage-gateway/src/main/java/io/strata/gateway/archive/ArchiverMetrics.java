package io.strata.gateway.archive;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The archiver's meters: {@code strata.archive.events} archived, {@code .rejected} records kept
 * aside, {@code .files} written, {@code .flush} time, {@code .flush.failures}, and the gauge
 * {@code strata.archive.lag} (records on the topic not yet archived and committed).
 */
public final class ArchiverMetrics {

	private final MeterRegistry registry;

	private final Counter events;

	private final Counter rejected;

	private final Counter files;

	private final Counter failures;

	private final Timer flushes;

	public ArchiverMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.events = Counter.builder("strata.archive.events").description("Usage events written to the archive").register(registry);
		this.rejected = Counter.builder("strata.archive.rejected")
			.description("Records that could not be read as usage events, kept aside")
			.register(registry);
		this.files = Counter.builder("strata.archive.files").description("Archive objects written").register(registry);
		this.failures = Counter.builder("strata.archive.flush.failures")
			.description("Flushes abandoned (their records are read again)")
			.register(registry);
		this.flushes = Timer.builder("strata.archive.flush").description("Time to write and commit one flush").register(registry);
	}

	void lagGauge(Supplier<Number> lag) {
		Gauge.builder("strata.archive.lag", lag).description("Records on the usage topic not yet archived").register(this.registry);
	}

	void flushed(int events, int rejected, int files, long nanos) {
		this.events.increment(events);
		this.rejected.increment(rejected);
		this.files.increment(files);
		this.flushes.record(nanos, TimeUnit.NANOSECONDS);
	}

	void flushFailed() {
		this.failures.increment();
	}

}
