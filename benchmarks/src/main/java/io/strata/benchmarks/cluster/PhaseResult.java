package io.strata.benchmarks.cluster;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.strata.benchmarks.LatencySummary;

/**
 * What one stretch of load measured, seen from the clients.
 * @param seconds from the start until the last client's last answer
 * @param answered queries answered with HTTP 200
 * @param errors queries answered otherwise or not at all
 * @param firstError the first failure's reason, or null when none failed
 * @param all latencies of every answered query
 * @param byType latencies per query type, in {@link DashboardQuery} order
 */
record PhaseResult(double seconds, long answered, long errors, String firstError, LatencySummary all,
		Map<DashboardQuery, LatencySummary> byType) {

	PhaseResult {
		Objects.requireNonNull(all, "all");
		byType = Collections.unmodifiableMap(new EnumMap<>(byType));
	}

	double queriesPerSecond() {
		return this.answered / this.seconds;
	}

	static PhaseResult of(List<LatencyLog> logs, long elapsedNanos) {
		int answered = logs.stream().mapToInt(LatencyLog::answered).sum();
		long errors = logs.stream().mapToLong(LatencyLog::errors).sum();
		String firstError = logs.stream().map(LatencyLog::firstError).filter(Objects::nonNull).findFirst().orElse(null);
		Map<DashboardQuery, LatencySummary> byType = new EnumMap<>(DashboardQuery.class);
		for (DashboardQuery type : DashboardQuery.values()) {
			byType.put(type, LatencySummary.ofNanos(latencies(logs, type, answered)));
		}
		return new PhaseResult(elapsedNanos / 1e9, answered, errors, firstError,
				LatencySummary.ofNanos(latencies(logs, null, answered)), byType);
	}

	private static long[] latencies(List<LatencyLog> logs, DashboardQuery type, int capacity) {
		long[] out = new long[capacity];
		int size = 0;
		for (LatencyLog log : logs) {
			size = log.copyLatencies(type, out, size);
		}
		return Arrays.copyOf(out, size);
	}

}
