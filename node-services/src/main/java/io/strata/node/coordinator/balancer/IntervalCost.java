package io.strata.node.coordinator.balancer;

import io.strata.engine.time.Interval;

/**
 * How strongly two segments repel each other because of their intervals. Queries read time ranges,
 * so two segments near in time are likely to be read by the same query, and should be read by
 * different servers in parallel. The joint cost of intervals x and y is
 * <pre>
 *   cost(x, y) = ∫x ∫y exp(-λ |t1 - t2|) dt2 dt1,   λ = ln 2 / 24 h
 * </pre>
 * with time in hours (one hour is 1), so the weight of a pair of instants halves every 24 hours
 * apart. Two identical one-hour intervals cost about 0.99; two adjacent days about 300; a pair
 * more than 30 half-lives (30 days) apart is taken as 0 (see {@link #CUTOFF_MILLIS}).
 * <p>
 * Closed forms, with {@code a = λ·(distance in hours)}: for disjoint intervals, x ending
 * {@code g} before y starts, the integrand factorises and
 * {@code cost = e^(-λg) (1 - e^(-λ|x|)) (1 - e^(-λ|y|)) / λ²}; in general the double integral is a
 * second difference of {@code F(u) = (e^(-λ|u|) + λ|u| - 1) / λ²} (whose second derivative is the
 * kernel): {@code cost = F(x1 - y0) + F(x0 - y1) - F(x0 - y0) - F(x1 - y1)}, used for overlapping
 * intervals. Both are exact; the first avoids cancelling large terms when the gap is wide.
 */
public final class IntervalCost {

	/** The distance in time over which the weight of a pair of instants halves. */
	public static final double HALF_LIFE_HOURS = 24.0;

	static final double LAMBDA = Math.log(2) / HALF_LIFE_HOURS;

	private static final double LAMBDA_SQUARED = LAMBDA * LAMBDA;

	private static final double MILLIS_PER_HOUR = 3_600_000.0;

	/**
	 * Gaps of 30 half-lives or more count as no cost at all: such a pair weighs less than 2^-30
	 * (about one billionth) of the same pair placed back to back, far below anything that could
	 * change a placement, and skipping it lets the balancer look only at a window of neighbours.
	 */
	public static final long CUTOFF_MILLIS = (long) (30 * HALF_LIFE_HOURS * MILLIS_PER_HOUR);

	private IntervalCost() {
	}

	/** The joint cost of two intervals (symmetric; largest, for a given length, when they are equal). */
	public static double jointCost(Interval x, Interval y) {
		return jointCost(x.startMillis(), x.endMillis(), y.startMillis(), y.endMillis());
	}

	static double jointCost(long x0, long x1, long y0, long y1) {
		if (y0 >= x1) {
			return disjoint(y0 - x1, decay(x1 - x0), decay(y1 - y0));
		}
		if (x0 >= y1) {
			return disjoint(x0 - y1, decay(x1 - x0), decay(y1 - y0));
		}
		return overlapping(x0, x1, y0, y1);
	}

	/** {@code 1 - e^(-λ·length)}: the factor an interval of this length brings to a disjoint pair. */
	static double decay(long lengthMillis) {
		return -Math.expm1(-LAMBDA * (lengthMillis / MILLIS_PER_HOUR));
	}

	/** The cost of two intervals {@code gapMillis} apart, given their {@link #decay} factors. */
	static double disjoint(long gapMillis, double decayX, double decayY) {
		if (gapMillis >= CUTOFF_MILLIS) {
			return 0.0;
		}
		return Math.exp(-LAMBDA * (gapMillis / MILLIS_PER_HOUR)) * decayX * decayY / LAMBDA_SQUARED;
	}

	/** The second difference of F; valid for any pair, used where they overlap. */
	static double overlapping(long x0, long x1, long y0, long y1) {
		return (secondIntegral(x1 - y0) + secondIntegral(x0 - y1) - secondIntegral(x0 - y0)
				- secondIntegral(x1 - y1)) / LAMBDA_SQUARED;
	}

	/** {@code λ²·F(u)}, computed with expm1 so short distances keep their precision. */
	private static double secondIntegral(long deltaMillis) {
		double scaled = LAMBDA * (Math.abs(deltaMillis) / MILLIS_PER_HOUR);
		return Math.expm1(-scaled) + scaled;
	}

}
