package io.strata.gateway.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before a retry: {@code initial * 2^retry}, capped, then jittered down to
 * between half and all of that (so that clients failing together do not come back together); at
 * least what the gateway asked for in Retry-After, even beyond the cap, since it knows better.
 * Thread-safe when {@code jitter} is (it gives doubles in [0, 1)).
 */
final class Backoff {

	private final long initialNanos;

	private final long maxNanos;

	private final DoubleSupplier jitter;

	Backoff(Duration initial, Duration max, DoubleSupplier jitter) {
		this.initialNanos = initial.toNanos();
		this.maxNanos = max.toNanos();
		this.jitter = jitter;
	}

	/**
	 * The wait before retry number {@code retry} (0 for the first retry).
	 * @param retryAfter what the answer's Retry-After asked for, {@link Duration#ZERO} when nothing
	 */
	Duration delay(int retry, Duration retryAfter) {
		long base = this.initialNanos;
		// doubling stops at the cap, so it never overflows
		for (int i = 0; i < retry && base < this.maxNanos; i++) {
			base = base > this.maxNanos / 2 ? this.maxNanos : base * 2;
		}
		long jittered = base / 2 + (long) (this.jitter.getAsDouble() * (base - base / 2));
		return Duration.ofNanos(Math.max(jittered, retryAfter.toNanos()));
	}

}
