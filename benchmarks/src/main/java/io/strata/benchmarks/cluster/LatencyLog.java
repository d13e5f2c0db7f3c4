package io.strata.benchmarks.cluster;

import java.util.Arrays;

/**
 * One client thread's record of its queries: the latency and type of each answered query, and
 * the failed ones (any answer but HTTP 200, or no answer). Threading: written by its client
 * thread only, read after that thread's work has completed (the executor's future orders them).
 */
final class LatencyLog {

	private long[] nanos = new long[4096];

	private byte[] types = new byte[4096];

	private int size;

	private long errors;

	private String firstError;

	void answered(DashboardQuery type, long elapsedNanos) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
			this.types = Arrays.copyOf(this.types, this.size * 2);
		}
		this.nanos[this.size] = elapsedNanos;
		this.types[this.size] = (byte) type.ordinal();
		this.size++;
	}

	void failed(String reason) {
		if (this.errors == 0) {
			this.firstError = reason;
		}
		this.errors++;
	}

	int answered() {
		return this.size;
	}

	long errors() {
		return this.errors;
	}

	/** The first failure's reason, or null when none failed. */
	String firstError() {
		return this.firstError;
	}

	/** Appends this log's latencies (of one type, or of all when {@code type} is null) to {@code out}. */
	int copyLatencies(DashboardQuery type, long[] out, int offset) {
		int at = offset;
		for (int i = 0; i < this.size; i++) {
			if (type == null || this.types[i] == type.ordinal()) {
				out[at++] = this.nanos[i];
			}
		}
		return at;
	}

}
