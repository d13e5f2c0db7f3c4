package io.strata.benchmarks.streaming;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

import io.strata.benchmarks.LatencySummary;
import io.strata.engine.error.StrataException;

/**
 * A thread asking the broker, again and again with a short pause, how many probe events it
 * counts, and telling the {@link ProbeLog} when each answer arrived: the time a probe becomes
 * visible is that of the first answer counting it, so a query's own duration is part of the
 * freshness measured, as it is for a dashboard. The duration of each query is kept too, to tell
 * the two apart. Threading: started and stopped by one thread.
 */
final class ProbePoller {

	private final ToLongFunction<String> probeCount;

	private final ProbeLog probes;

	private final long pauseNanos;

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private volatile boolean running = true;

	private long[] queryNanos = new long[4096];

	private long[] queryEnds = new long[4096];

	private int queries;

	private Thread thread;

	/** @param probeCount the broker's count of the probe account's events, given that account */
	ProbePoller(ToLongFunction<String> probeCount, ProbeLog probes, Duration pause) {
		this.probeCount = probeCount;
		this.probes = probes;
		this.pauseNanos = pause.toNanos();
	}

	void start() {
		this.thread = Thread.ofPlatform().name("probe-poller").start(this::poll);
	}

	private void poll() {
		try {
			while (this.running) {
				long sent = System.nanoTime();
				long count = this.probeCount.applyAsLong(UsageEventSource.PROBE_ACCOUNT);
				long answered = System.nanoTime();
				this.probes.observed(count, answered);
				record(answered - sent, answered);
				Thread.sleep(Duration.ofNanos(this.pauseNanos));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			this.failure.set(ex);
		}
	}

	private void record(long nanos, long end) {
		if (this.queries == this.queryNanos.length) {
			this.queryNanos = Arrays.copyOf(this.queryNanos, this.queries * 2);
			this.queryEnds = Arrays.copyOf(this.queryEnds, this.queries * 2);
		}
		this.queryNanos[this.queries] = nanos;
		this.queryEnds[this.queries] = end;
		this.queries++;
	}

	/** Stops polling and waits for the thread to end. */
	void stop() {
		this.running = false;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted stopping the probe poller");
		}
	}

	/** After {@link #stop()}: @throws RuntimeException the failure of a query, which ends the run */
	void checkNoFailure() {
		RuntimeException failed = this.failure.get();
		if (failed != null) {
			throw failed;
		}
	}

	/** Durations of the queries answered in {@code [from, to)}; only after {@link #stop()}. */
	LatencySummary queryDurations(long from, long to) {
		long[] selected = new long[this.queries];
		int n = 0;
		for (int i = 0; i < this.queries; i++) {
			if (this.queryEnds[i] - from >= 0 && this.queryEnds[i] - to < 0) {
				selected[n++] = this.queryNanos[i];
			}
		}
		return LatencySummary.ofNanos(Arrays.copyOf(selected, n));
	}

}
