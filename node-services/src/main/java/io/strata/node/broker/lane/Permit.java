package io.strata.node.broker.lane;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running query's hold on its scheduler slots: one of the total and, when it has a lane, one of
 * that lane. Close it when the query ends, however it ends; closing again does nothing, so a
 * finally block and a cancel callback may both close it. Thread-safe.
 */
public final class Permit implements AutoCloseable {

	private final Optional<String> lane;

	/** The slots held, released in this order. */
	private final List<LaneLimiter> held;

	private final AtomicBoolean released = new AtomicBoolean();

	Permit(Optional<String> lane, List<LaneLimiter> held) {
		this.lane = lane;
		this.held = List.copyOf(held);
	}

	/** The lane the query runs in (given or assigned by the strategy); empty when it has none. */
	public Optional<String> lane() {
		return this.lane;
	}

	@Override
	public void close() {
		if (this.released.compareAndSet(false, true)) {
			for (LaneLimiter limiter : this.held) {
				limiter.release();
			}
		}
	}

}
