package io.strata.benchmarks.gateway;

import java.util.Arrays;
import java.util.List;

import io.strata.engine.error.StrataException;

/**
 * What the HTTP clients did in one phase, all threads together.
 * @param seconds from the phase's start until its last request was answered
 * @param p50Millis / p99Millis request latency by nearest rank
 * @param firstError the first failure's reason, or null
 */
record HttpPhase(double seconds, int requests, long acceptedEvents, long errors, double p50Millis, double p99Millis,
		String firstError) {

	HttpPhase {
		if (!(seconds > 0) || requests < 0 || acceptedEvents < 0 || errors < 0) {
			throw StrataException.defensive("Phase seconds[%s] requests[%d] accepted[%d] errors[%d] are out of range",
					seconds, requests, acceptedEvents, errors);
		}
	}

	static HttpPhase of(double seconds, List<RequestLog> logs) {
		int requests = 0;
		long accepted = 0;
		long errors = 0;
		String firstError = null;
		for (RequestLog log : logs) {
			requests += log.requests();
			accepted += log.acceptedEvents();
			errors += log.errors();
			if (firstError == null) {
				firstError = log.firstError();
			}
		}
		long[] nanos = new long[requests];
		int at = 0;
		for (RequestLog log : logs) {
			at = log.copyLatencies(nanos, at);
		}
		Arrays.sort(nanos);
		return new HttpPhase(seconds, requests, accepted, errors, percentile(nanos, 0.50), percentile(nanos, 0.99),
				firstError);
	}

	double eventsPerSecond() {
		return this.acceptedEvents / this.seconds;
	}

	double requestsPerSecond() {
		return this.requests / this.seconds;
	}

	private static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
