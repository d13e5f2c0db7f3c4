package io.strata.node.broker.lane;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;

/**
 * The broker's query scheduler configuration: {@code numThreads}, the most queries running at
 * once (Druid's {@code druid.query.scheduler.numThreads}), and the laning strategy. Druid defaults
 * {@code numThreads} to the HTTP server's thread count; the caller resolves that default, so here
 * it must be at least 1.
 */
public record LaneSpec(int numThreads, LaningSpec laning) {

	public LaneSpec {
		Objects.requireNonNull(laning, "laning");
		if (numThreads < 1) {
			throw StrataException.invalidSpec("Query scheduler numThreads[%s] must be at least 1", numThreads);
		}
	}

	public static LaneSpec none(int numThreads) {
		return new LaneSpec(numThreads, new LaningSpec.None());
	}

	public static LaneSpec hilo(int numThreads, int maxLowPercent) {
		return new LaneSpec(numThreads, new LaningSpec.HiLo(maxLowPercent));
	}

	public static LaneSpec manual(int numThreads, Map<String, Integer> lanes, boolean limitPercent) {
		return new LaneSpec(numThreads, new LaningSpec.Manual(lanes, limitPercent));
	}

	/** Each lane's cap on running queries, sorted by lane name. */
	public Map<String, Integer> laneLimits() {
		Map<String, Integer> limits = new TreeMap<>();
		switch (this.laning) {
			case LaningSpec.None _ -> {
			}
			case LaningSpec.HiLo hilo -> limits.put(LaningSpec.LOW, percentOfTotal(hilo.maxLowPercent()));
			case LaningSpec.Manual manual -> manual.lanes()
				.forEach((lane, limit) -> limits.put(lane, manual.limitPercent() ? percentOfTotal(limit) : limit));
		}
		return Collections.unmodifiableMap(limits);
	}

	/**
	 * Druid's rule for a lane given as a percent: that share of the total, rounded up, so a lane
	 * always admits at least one query.
	 */
	int percentOfTotal(int percent) {
		long ceiling = ((long) this.numThreads * percent + 99) / 100;
		return (int) Math.max(1, ceiling);
	}

}
