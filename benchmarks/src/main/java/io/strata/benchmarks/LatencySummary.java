package io.strata.benchmarks;

import java.util.Arrays;

import io.strata.engine.error.StrataException;

/**
 * Latency percentiles in milliseconds, by nearest rank (the p-th percentile is the smallest
 * latency at least p % of the measurements did not exceed): of queries (the cluster benchmark), of
 * events becoming visible (the streaming benchmark).
 */
public record LatencySummary(int count, double p50, double p90, double p99, double max) {

	public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

	public LatencySummary {
		if (count < 0 || !(p50 <= p90 && p90 <= p99 && p99 <= max)) {
			throw StrataException.defensive("Latency summary count[%d] p50[%s] p90[%s] p99[%s] max[%s] is out of order",
					count, p50, p90, p99, max);
		}
	}

	/** Summarizes latencies given in nanoseconds; the array is not changed. */
	public static LatencySummary ofNanos(long[] nanos) {
		if (nanos.length == 0) {
			return EMPTY;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new LatencySummary(sorted.length, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double millis(long[] sorted, double fraction) {
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
