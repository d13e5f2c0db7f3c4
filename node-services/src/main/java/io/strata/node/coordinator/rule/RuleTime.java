package io.strata.node.coordinator.rule;

import java.time.ZoneOffset;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;

/**
 * The two pieces of time arithmetic the rules share, written to give the same answers as Druid's
 * Joda-Time code: a period is taken back from now on the UTC calendar (P1M from 2024-03-31 is
 * 2024-02-29, not 30 or 31 days), and "contains" is Joda's {@code Interval.contains(Interval)}.
 */
final class RuleTime {

	private RuleTime() {
	}

	/** {@code now - period} on the UTC calendar: years, months, weeks, days, then the time fields. */
	static long periodAgo(IsoPeriod period, long nowMillis) {
		return period.subtractFrom(nowMillis, ZoneOffset.UTC);
	}

	/**
	 * Joda's containment of half-open intervals: the inner one starts at or after the outer start
	 * and before the outer end, and ends at or before the outer end.
	 */
	static boolean contains(long outerStart, long outerEnd, Interval inner) {
		return outerStart <= inner.startMillis() && inner.startMillis() < outerEnd && inner.endMillis() <= outerEnd;
	}

}
