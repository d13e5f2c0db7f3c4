package io.strata.engine.query;

import java.util.Objects;

/** How a topN orders its values: Druid's {@code metric} spec. */
public sealed interface TopNMetric permits TopNMetric.Numeric, TopNMetric.Dimension, TopNMetric.Inverted {

	/** By an aggregator or post-aggregator, largest first. */
	record Numeric(String metric) implements TopNMetric {

	}

	/**
	 * By the dimension value, in one of Druid's string orderings.
	 * @param previousStop null, or the value paging resumes after: it and every value before it in
	 * this order (reversed when inverted) are left out
	 */
	record Dimension(StringOrdering ordering, String previousStop) implements TopNMetric {

		public Dimension {
			Objects.requireNonNull(ordering, "ordering");
		}

	}

	/** The reverse of another ordering. */
	record Inverted(TopNMetric metric) implements TopNMetric {

	}

}
