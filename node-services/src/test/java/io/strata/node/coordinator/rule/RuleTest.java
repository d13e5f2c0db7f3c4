package io.strata.node.coordinator.rule;

import java.util.Map;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleTest {

	private static final long NOW = IsoTime.parse("2024-03-10T00:00:00Z");

	private static final Map<String, Integer> HOT = Map.of("hot", 1);

	private static Interval interval(String text) {
		return Interval.parse(text);
	}

	private static IsoPeriod period(String text) {
		return IsoPeriod.parse(text);
	}

	@Test
	void foreverRulesApplyToEverything() {
		assertThat(new Rule.LoadForever(HOT).appliesTo(interval("1970-01-01/1970-01-02"), NOW)).isTrue();
		assertThat(new Rule.DropForever().appliesTo(interval("2999-01-01/2999-01-02"), NOW)).isTrue();
	}

	@Test
	void loadByPeriodStartsExactlyAtNowMinusPeriod() {
		Rule rule = new Rule.LoadByPeriod(period("P1D"), true, HOT);

		// ends exactly at now - P1D: no overlap with [now - P1D, ...)
		assertThat(rule.appliesTo(interval("2024-03-08T23:00Z/2024-03-09T00:00Z"), NOW)).isFalse();
		// one millisecond of overlap is enough
		assertThat(rule.appliesTo(interval("2024-03-08T23:00Z/2024-03-09T00:00:00.001Z"), NOW)).isTrue();
		assertThat(rule.appliesTo(interval("2024-03-09T00:00Z/2024-03-09T01:00Z"), NOW)).isTrue();
		// a segment straddling now - period overlaps, so it is loaded
		assertThat(rule.appliesTo(interval("2024-03-08T00:00Z/2024-03-10T00:00Z"), NOW)).isTrue();
	}

	@Test
	void loadByPeriodIncludesFutureSegmentsOnlyWithIncludeFuture() {
		Interval future = interval("2024-03-11/2024-03-12");
		Interval startingNow = interval("2024-03-10T00:00Z/2024-03-10T01:00Z");
		Interval endingNow = interval("2024-03-09T23:00Z/2024-03-10T00:00Z");

		Rule withFuture = new Rule.LoadByPeriod(period("P1D"), true, HOT);
		Rule withoutFuture = new Rule.LoadByPeriod(period("P1D"), false, HOT);

		assertThat(withFuture.appliesTo(future, NOW)).isTrue();
		assertThat(withFuture.appliesTo(startingNow, NOW)).isTrue();
		assertThat(withoutFuture.appliesTo(future, NOW)).isFalse();
		assertThat(withoutFuture.appliesTo(startingNow, NOW)).isFalse();
		assertThat(withoutFuture.appliesTo(endingNow, NOW)).isTrue();
		// a segment covering now overlaps [now - period, now)
		assertThat(withoutFuture.appliesTo(interval("2024-03-09T23:00Z/2024-03-10T01:00Z"), NOW)).isTrue();
	}

	@Test
	void periodsAreCalendarMonthsInUtc() {
		long midMarch = IsoTime.parse("2024-03-15T00:00:00Z");
		Rule load = new Rule.LoadByPeriod(period("P1M"), false, HOT);

		// one calendar month back is 2024-02-15; a fixed 30 days would be 2024-02-14
		assertThat(load.appliesTo(interval("2024-02-14/2024-02-15"), midMarch)).isFalse();
		assertThat(load.appliesTo(interval("2024-02-15/2024-02-16"), midMarch)).isTrue();

		// from the 31st of March one month back is the 29th of February (leap year), as in Joda
		long endOfMarch = IsoTime.parse("2024-03-31T00:00:00Z");
		Rule dropBefore = new Rule.DropBeforeByPeriod(period("P1M"));
		assertThat(dropBefore.appliesTo(interval("2024-02-28/2024-02-29"), endOfMarch)).isTrue();
		assertThat(dropBefore.appliesTo(interval("2024-02-28/2024-02-29T00:00:00.001Z"), endOfMarch)).isFalse();

		// a year back from a leap day
		long leapDay = IsoTime.parse("2024-02-29T12:00:00Z");
		assertThat(new Rule.DropBeforeByPeriod(period("P1Y")).appliesTo(interval("2023-02-28T00:00Z/2023-02-28T12:00Z"),
				leapDay)).isTrue();
	}

	@Test
	void dropBeforeByPeriodIncludesSegmentsEndingExactlyAtNowMinusPeriod() {
		Rule rule = new Rule.DropBeforeByPeriod(period("P1D"));

		assertThat(rule.appliesTo(interval("2024-03-08T23:00Z/2024-03-09T00:00Z"), NOW)).isTrue();
		assertThat(rule.appliesTo(interval("2024-03-08T23:00Z/2024-03-09T00:00:00.001Z"), NOW)).isFalse();
		assertThat(rule.appliesTo(interval("2024-03-09T12:00Z/2024-03-09T13:00Z"), NOW)).isFalse();
	}

	@Test
	void dropByPeriodNeedsTheSegmentInsideThePeriod() {
		Rule withFuture = new Rule.DropByPeriod(period("P1D"), true);
		Rule withoutFuture = new Rule.DropByPeriod(period("P1D"), false);
		Interval inside = interval("2024-03-09T00:00Z/2024-03-10T00:00Z");
		Interval straddlingStart = interval("2024-03-08T23:00Z/2024-03-09T01:00Z");
		Interval straddlingNow = interval("2024-03-09T23:00Z/2024-03-10T01:00Z");
		Interval future = interval("2024-03-11/2024-03-12");

		assertThat(withoutFuture.appliesTo(inside, NOW)).isTrue();
		assertThat(withoutFuture.appliesTo(straddlingStart, NOW)).isFalse();
		assertThat(withoutFuture.appliesTo(straddlingNow, NOW)).isFalse();
		assertThat(withoutFuture.appliesTo(future, NOW)).isFalse();

		assertThat(withFuture.appliesTo(inside, NOW)).isTrue();
		assertThat(withFuture.appliesTo(straddlingStart, NOW)).isFalse();
		assertThat(withFuture.appliesTo(straddlingNow, NOW)).isTrue();
		assertThat(withFuture.appliesTo(future, NOW)).isTrue();
	}

	@Test
	void loadByIntervalUsesOverlapAndDropByIntervalUsesContainment() {
		Interval january = interval("2024-01-01/2024-02-01");
		Rule load = new Rule.LoadByInterval(january, HOT);
		Rule drop = new Rule.DropByInterval(january);
		Interval inside = interval("2024-01-10/2024-01-11");
		Interval straddling = interval("2024-01-31T12:00Z/2024-02-01T12:00Z");
		Interval touching = interval("2024-02-01/2024-02-02");
		Interval whole = january;

		assertThat(load.appliesTo(inside, NOW)).isTrue();
		assertThat(load.appliesTo(straddling, NOW)).isTrue();
		assertThat(load.appliesTo(touching, NOW)).isFalse();
		assertThat(drop.appliesTo(inside, NOW)).isTrue();
		assertThat(drop.appliesTo(whole, NOW)).isTrue();
		assertThat(drop.appliesTo(straddling, NOW)).isFalse();
		assertThat(drop.appliesTo(touching, NOW)).isFalse();
	}

	@Test
	void loadRulesReportReplicantsPerTier() {
		Rule.Load rule = new Rule.LoadForever(Map.of("hot", 2));

		assertThat(rule.replicantsOn("hot")).isEqualTo(2);
		assertThat(rule.replicantsOn("cold")).isZero();
		assertThat(Rule.DEFAULT_TIERED_REPLICANTS).containsExactly(Map.entry("_default_tier", 2));
	}

	@Test
	void recordsRefuseNegativeReplicantsAndCopyTheMap() {
		assertThatThrownBy(() -> new Rule.LoadForever(Map.of("hot", -1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("tieredReplicants[hot]");
		java.util.Map<String, Integer> mutable = new java.util.LinkedHashMap<>(HOT);
		Rule.LoadForever rule = new Rule.LoadForever(mutable);
		mutable.put("cold", 1);
		assertThat(rule.tieredReplicants()).containsOnlyKeys("hot");
	}

}
