package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.TopNMetric;
import io.strata.engine.query.TopNQuery;

import java.util.List;

/**
 * Druid's topN approximation: each segment hands on only its best {@code keep} groups (keep is
 * {@code max(threshold, minTopNThreshold)}) by the aggregator the topN is ordered by, so a value
 * that is mid-ranked everywhere may be missed or under-counted, exactly as Druid documents. Applies
 * only when the ordering metric is an aggregator; with a post-aggregator or dimension ordering
 * every group leaves the segment (exact). Immutable.
 */
record SegmentTopN(int aggregator, boolean largestFirst, int keep) {

	/** Druid's default for the context key {@code minTopNThreshold}. */
	static final int DEFAULT_MIN_THRESHOLD = 1000;

	/** The pruning a topN query allows, or null when it must stay exact. */
	static SegmentTopN of(TopNQuery query) {
		TopNMetric metric = query.metric();
		boolean largestFirst = true;
		if (metric instanceof TopNMetric.Inverted inverted) {
			metric = inverted.metric();
			largestFirst = false;
		}
		if (!(metric instanceof TopNMetric.Numeric numeric)) {
			return null;
		}
		List<AggregatorSpec> aggregations = query.aggregations();
		for (int a = 0; a < aggregations.size(); a++) {
			if (aggregations.get(a).name().equals(numeric.metric())) {
				return new SegmentTopN(a, largestFirst, keep(query));
			}
		}
		return null;
	}

	/** How many groups a segment, or a data server, hands on per bucket: max(threshold, minTopNThreshold). */
	static int keep(TopNQuery query) {
		long minimum = query.context().getLong("minTopNThreshold", DEFAULT_MIN_THRESHOLD);
		return (int) Math.min(Integer.MAX_VALUE, Math.max(query.threshold(), minimum));
	}

	/** The slots to keep out of {@code [0, groups)}, or null to keep them all. */
	int[] choose(SlotStates states, int groups) {
		if (groups <= this.keep) {
			return null;
		}
		double[] ranks = new double[groups];
		for (int slot = 0; slot < groups; slot++) {
			ranks[slot] = rank(states.rankValue(slot));
		}
		return best(ranks);
	}

	/** As {@link #choose(SlotStates, int)} for groups given as states. */
	int[] choose(List<AggregateState[]> groups) {
		if (groups.size() <= this.keep) {
			return null;
		}
		double[] ranks = new double[groups.size()];
		for (int i = 0; i < ranks.length; i++) {
			Object value = groups.get(i)[this.aggregator].finalValue();
			ranks[i] = rank(value instanceof Number number ? number.doubleValue() : Double.NaN);
		}
		return best(ranks);
	}

	/** Larger is better after this; groups without a value rank last. */
	private double rank(double value) {
		if (Double.isNaN(value)) {
			return Double.NEGATIVE_INFINITY;
		}
		return this.largestFirst ? value : -value;
	}

	/** The indexes of the {@code keep} largest ranks (ties at the cut go to the earlier index). */
	private int[] best(double[] ranks) {
		double cut = select(ranks.clone(), ranks.length - this.keep);
		int above = 0;
		for (double rank : ranks) {
			if (rank > cut) {
				above++;
			}
		}
		int tiesAllowed = this.keep - above;
		int[] chosen = new int[this.keep];
		int next = 0;
		for (int i = 0; i < ranks.length && next < this.keep; i++) {
			if (ranks[i] > cut) {
				chosen[next++] = i;
			}
			else if (ranks[i] == cut && tiesAllowed > 0) {
				chosen[next++] = i;
				tiesAllowed--;
			}
		}
		return chosen;
	}

	/**
	 * The value that would sit at {@code index} if {@code values} were sorted ascending (Hoare's
	 * selection, linear on average: a segment ranks thousands of groups per query, where a full
	 * sort cost more than the ranking saves). Reorders {@code values}. Ranks are never NaN.
	 */
	static double select(double[] values, int index) {
		int low = 0;
		int high = values.length - 1;
		while (low < high) {
			double pivot = values[(low + high) >>> 1];
			int i = low;
			int j = high;
			while (i <= j) {
				while (values[i] < pivot) {
					i++;
				}
				while (values[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double swap = values[i];
					values[i] = values[j];
					values[j] = swap;
					i++;
					j--;
				}
			}
			if (index <= j) {
				high = j;
			}
			else if (index >= i) {
				low = i;
			}
			else {
				return values[index];
			}
		}
		return values[index];
	}

}
