package io.strata.benchmarks.gateway;

import java.util.Arrays;

/**
 * One HTTP client thread's record of a phase: the latency of each answered request, the events
 * accepted (202 only), and the failures (any other answer, or none). Threading: written by its
 * client thread only, read after that thread has finished (the join orders them).
 */
final class RequestLog {

	private long[] nanos = new long[8192];

	private int requests;

	private long acceptedEvents;

	private long errors;

	private String firstError;

	void accepted(int events, long elapsedNanos) {
		answered(elapsedNanos);
		this.acceptedEvents += events;
	}

	void failed(long elapsedNanos, String reason) {
		answered(elapsedNanos);
		if (this.errors == 0) {
			this.firstError = reason;
		}
		this.errors++;
	}

	private void answered(long elapsedNanos) {
		if (this.requests == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.requests * 2);
		}
		this.nanos[this.requests++] = elapsedNanos;
	}

	int requests() {
		return this.requests;
	}

	long acceptedEvents() {
		return this.acceptedEvents;
	}

	long errors() {
		return this.errors;
	}

	/** The first failure's reason, or null when none failed. */
	String firstError() {
		return this.firstError;
	}

	/** Appends this log's latencies to {@code out} from {@code offset}; returns the next free index. */
	int copyLatencies(long[] out, int offset) {
		System.arraycopy(this.nanos, 0, out, offset, this.requests);
		return offset + this.requests;
	}

}
