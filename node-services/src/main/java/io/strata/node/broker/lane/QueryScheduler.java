package io.strata.node.broker.lane;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

/**
 * Admits queries on the broker, as Druid's query scheduler does: at most {@code numThreads}
 * queries run at once, and at most each lane's limit of the queries in that lane. Admission never
 * waits: a query that finds its lane or the total full fails at once with Druid's 429 message, so
 * a client retries rather than holding an HTTP thread.
 *
 * <p>
 * Call order: {@link #admit} before the query does any work, then close the {@link Permit} when it
 * ends. Threading: thread-safe and lock-free; every cap is a compare-and-set counter, so concurrent
 * admits never push a count over its limit.
 */
public final class QueryScheduler {

	static final String TOTAL_FULL = "Too many concurrent queries, total query capacity of %s exceeded. Please try your query again later.";

	static final String LANE_FULL = "Too many concurrent queries for lane '%s', query capacity of %s exceeded. Please try your query again later.";

	private final LaneSpec spec;

	private final LaneLimiter total;

	/** Sorted by lane name; fixed after construction. */
	private final Map<String, LaneLimiter> lanes;

	public QueryScheduler(LaneSpec spec) {
		this.spec = Objects.requireNonNull(spec, "spec");
		this.total = new LaneLimiter(LaningSpec.TOTAL, spec.numThreads());
		Map<String, LaneLimiter> limiters = new TreeMap<>();
		spec.laneLimits().forEach((lane, limit) -> limiters.put(lane, new LaneLimiter(lane, limit)));
		this.lanes = Collections.unmodifiableMap(limiters);
	}

	/**
	 * Admits a query or refuses it at once.
	 * @param lane the context {@code lane}, or null when the query names none
	 * @param priority the context priority ({@link #resolvePriority}); the {@code hilo} strategy
	 * puts queries below 0 without a lane of their own in lane {@value LaningSpec#LOW}
	 * @return the permit to close when the query ends
	 * @throws StrataException {@link ErrorCode#QUERY_CAPACITY_EXCEEDED} when the lane or the total
	 * is full (the lane is checked first, as Druid does); invalid input when the strategy has lanes
	 * and {@code lane} is not one of them
	 */
	public Permit admit(String lane, int priority) {
		Optional<LaneLimiter> laneLimiter = laneOf(lane, priority);
		List<LaneLimiter> held = new ArrayList<>(2);
		if (laneLimiter.isPresent()) {
			LaneLimiter limiter = laneLimiter.get();
			if (!limiter.tryAcquire()) {
				throw new StrataException(ErrorCode.QUERY_CAPACITY_EXCEEDED,
						String.format(LANE_FULL, limiter.name(), limiter.limit()));
			}
			held.add(limiter);
		}
		if (!this.total.tryAcquire()) {
			laneLimiter.ifPresent(LaneLimiter::release);
			throw new StrataException(ErrorCode.QUERY_CAPACITY_EXCEEDED, String.format(TOTAL_FULL, this.total.limit()));
		}
		held.add(this.total);
		return new Permit(laneLimiter.map(LaneLimiter::name), held);
	}

	/**
	 * Context {@code priority}: an integer or a string holding one, 0 when absent (Druid's
	 * default). Higher runs first.
	 * @throws StrataException (invalid input) for any other value
	 */
	public int resolvePriority(Map<String, Object> context) {
		return SchedulingContext.priority(Objects.requireNonNull(context, "context"));
	}

	/**
	 * Context {@code lane}, when the query names one; pass it to {@link #admit} (null when empty).
	 * @throws StrataException (invalid input) when it is not a string
	 */
	public Optional<String> resolveLane(Map<String, Object> context) {
		return SchedulingContext.lane(Objects.requireNonNull(context, "context"));
	}

	public SchedulerStats stats() {
		List<LaneStats> laneStats = new ArrayList<>(this.lanes.size());
		for (LaneLimiter limiter : this.lanes.values()) {
			laneStats.add(limiter.stats());
		}
		return new SchedulerStats(this.total.stats(), laneStats);
	}

	public LaneSpec spec() {
		return this.spec;
	}

	private Optional<LaneLimiter> laneOf(String lane, int priority) {
		return switch (this.spec.laning()) {
			// Druid with no lanes configured puts no cap on a lane a query names
			case LaningSpec.None _ -> Optional.empty();
			case LaningSpec.HiLo _ -> configured(lane == null && priority < 0 ? LaningSpec.LOW : lane);
			case LaningSpec.Manual _ -> configured(lane);
		};
	}

	private Optional<LaneLimiter> configured(String lane) {
		if (lane == null) {
			return Optional.empty();
		}
		LaneLimiter limiter = this.lanes.get(lane);
		if (limiter == null) {
			throw StrataException.invalidInput("Query context lane[%s] is not a configured lane; configured lanes are %s",
					lane, this.lanes.keySet());
		}
		return Optional.of(limiter);
	}

}
