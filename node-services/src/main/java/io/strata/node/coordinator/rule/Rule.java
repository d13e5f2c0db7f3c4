package io.strata.node.coordinator.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;

/**
 * One of Druid's retention rules. A rule either loads the segments it applies to ({@link Load},
 * with a number of copies per tier) or drops them ({@link Drop}). Which segments a rule applies
 * to follows Druid's own rule classes (checked against {@code PeriodLoadRule}, {@code
 * PeriodDropRule}, {@code PeriodDropBeforeRule}, {@code IntervalLoadRule} and {@code
 * IntervalDropRule}, which are stricter than the prose of the "Using rules to drop and retain
 * data" page in two places, noted on {@link DropByPeriod} and {@link DropByInterval}). In what
 * follows a segment interval is half-open {@code [start, end)}, {@code now} is the coordinator's
 * clock and {@code ago = now - period} is taken on the UTC calendar (P1M is one calendar month).
 * Broadcast rules are not modelled: Strata has no joinable datasources.
 */
public sealed interface Rule {

	/** Druid's tier for historicals that name none ({@code druid.server.tier}). */
	String DEFAULT_TIER = "_default_tier";

	/** Copies per tier when a load rule gives no {@code tieredReplicants} (Druid's default is 2). */
	int DEFAULT_REPLICANTS = 2;

	/** {@code {"_default_tier": 2}}: what a load rule without {@code tieredReplicants} loads. */
	Map<String, Integer> DEFAULT_TIERED_REPLICANTS = TieredReplicants
		.copyOf(new LinkedHashMap<>(Map.of(DEFAULT_TIER, DEFAULT_REPLICANTS)));

	/**
	 * Whether this rule decides the fate of a segment covering {@code segmentInterval} when the
	 * coordinator's clock reads {@code nowMillis}.
	 */
	boolean appliesTo(Interval segmentInterval, long nowMillis);

	/** A rule that keeps its segments on historicals. */
	sealed interface Load extends Rule permits LoadForever, LoadByPeriod, LoadByInterval {

		/**
		 * Copies per tier, in the order the rule gave them. Tiers not named get no copies. May be
		 * empty (Druid's {@code useDefaultTierForNull: false} with no tiers): the segment stays
		 * used, in deep storage only, and is loaded nowhere.
		 */
		Map<String, Integer> tieredReplicants();

		/** Copies wanted on {@code tier}; 0 for a tier the rule does not name. */
		default int replicantsOn(String tier) {
			return tieredReplicants().getOrDefault(tier, 0);
		}

	}

	/** A rule that removes its segments from every historical (they stay used in the metadata). */
	sealed interface Drop extends Rule permits DropForever, DropByPeriod, DropBeforeByPeriod, DropByInterval {

	}

	/** {@code loadForever}: applies to every segment. */
	record LoadForever(Map<String, Integer> tieredReplicants) implements Load {

		public LoadForever {
			tieredReplicants = TieredReplicants.copyOf(tieredReplicants);
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			Objects.requireNonNull(segmentInterval, "segmentInterval");
			return true;
		}

	}

	/**
	 * {@code loadByPeriod}: with {@code includeFuture} (Druid's default) applies to a segment that
	 * ends after {@code ago}, so also to every segment lying wholly after now; without it, to a
	 * segment that overlaps {@code [ago, now)}, that is {@code start < now && end > ago}. A segment
	 * ending exactly at {@code ago} never applies.
	 */
	record LoadByPeriod(IsoPeriod period, boolean includeFuture, Map<String, Integer> tieredReplicants)
			implements Load {

		public LoadByPeriod {
			Objects.requireNonNull(period, "period");
			tieredReplicants = TieredReplicants.copyOf(tieredReplicants);
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			long ago = RuleTime.periodAgo(this.period, nowMillis);
			if (this.includeFuture) {
				return segmentInterval.endMillis() > ago;
			}
			return segmentInterval.startMillis() < nowMillis && segmentInterval.endMillis() > ago;
		}

	}

	/**
	 * {@code loadByInterval}: applies to a segment that overlaps {@code interval} (shares at least
	 * one millisecond with it).
	 */
	record LoadByInterval(Interval interval, Map<String, Integer> tieredReplicants) implements Load {

		public LoadByInterval {
			Objects.requireNonNull(interval, "interval");
			tieredReplicants = TieredReplicants.copyOf(tieredReplicants);
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			return this.interval.overlaps(segmentInterval);
		}

	}

	/** {@code dropForever}: applies to every segment. */
	record DropForever() implements Drop {

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			Objects.requireNonNull(segmentInterval, "segmentInterval");
			return true;
		}

	}

	/**
	 * {@code dropByPeriod}: with {@code includeFuture} (the default) applies to a segment that starts
	 * at or after {@code ago}; without it, to a segment lying wholly inside {@code [ago, now)}. Unlike
	 * {@code loadByPeriod} this is containment, not overlap (as in Druid's code and its docs' "the
	 * rule matches if the period contains the interval"): a segment straddling {@code ago} is not
	 * dropped by it.
	 */
	record DropByPeriod(IsoPeriod period, boolean includeFuture) implements Drop {

		public DropByPeriod {
			Objects.requireNonNull(period, "period");
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			long ago = RuleTime.periodAgo(this.period, nowMillis);
			if (this.includeFuture) {
				return segmentInterval.startMillis() >= ago;
			}
			return RuleTime.contains(ago, nowMillis, segmentInterval);
		}

	}

	/**
	 * {@code dropBeforeByPeriod}: applies to a segment that ends at or before {@code ago}; a segment
	 * ending exactly at {@code ago} is dropped, one ending a millisecond later is not.
	 */
	record DropBeforeByPeriod(IsoPeriod period) implements Drop {

		public DropBeforeByPeriod {
			Objects.requireNonNull(period, "period");
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			return segmentInterval.endMillis() <= RuleTime.periodAgo(this.period, nowMillis);
		}

	}

	/**
	 * {@code dropByInterval}: applies to a segment lying wholly inside {@code interval}. This is
	 * containment, as in Druid's {@code IntervalDropRule}, not the overlap {@code loadByInterval}
	 * uses: a segment that only partly overlaps the interval is not dropped by it.
	 */
	record DropByInterval(Interval interval) implements Drop {

		public DropByInterval {
			Objects.requireNonNull(interval, "interval");
		}

		@Override
		public boolean appliesTo(Interval segmentInterval, long nowMillis) {
			return RuleTime.contains(this.interval.startMillis(), this.interval.endMillis(), segmentInterval);
		}

	}

}
