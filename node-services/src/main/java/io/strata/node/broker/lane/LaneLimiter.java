package io.strata.node.broker.lane;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.strata.engine.error.StrataException;

/**
 * One cap on running queries (a lane, or the total) with its counters. Thread-safe and
 * lock-free: admission is a compare-and-set on the running count, so the count can never pass
 * the limit however many threads race for the last slot.
 */
final class LaneLimiter {

	private final String name;

	private final int limit;

	private final AtomicInteger running = new AtomicInteger();

	private final LongAdder rejected = new LongAdder();

	LaneLimiter(String name, int limit) {
		this.name = name;
		this.limit = limit;
	}

	String name() {
		return this.name;
	}

	int limit() {
		return this.limit;
	}

	/** Takes a slot if one is free; counts a rejection otherwise. */
	boolean tryAcquire() {
		while (true) {
			int current = this.running.get();
			if (current >= this.limit) {
				this.rejected.increment();
				return false;
			}
			if (this.running.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	void release() {
		if (this.running.decrementAndGet() < 0) {
			throw StrataException.defensive("Lane[%s] released more queries than it admitted", this.name);
		}
	}

	LaneStats stats() {
		return new LaneStats(this.name, this.limit, this.running.get(), this.rejected.sum());
	}

}
