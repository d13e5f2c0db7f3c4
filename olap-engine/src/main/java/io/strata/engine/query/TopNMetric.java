package io.strata.engine.query;

/** How a topN orders its values: Druid's {@code metric} spec. */
public sealed interface TopNMetric permits TopNMetric.Numeric, TopNMetric.Dimension, TopNMetric.Inverted {

	/** By an aggregator or post-aggregator, largest first. */
	record Numeric(String metric) implements TopNMetric {

	}

	/** By the dimension value: {@code lexicographic} (UTF-8) or {@code numeric}. */
	record Dimension(String ordering) implements TopNMetric {

	}

	/** The reverse of another ordering. */
	record Inverted(TopNMetric metric) implements TopNMetric {

	}

}
