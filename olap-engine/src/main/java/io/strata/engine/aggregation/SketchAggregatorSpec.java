package io.strata.engine.aggregation;

/** The aggregators whose state is an Apache DataSketches sketch stored as such in segments. */
public sealed interface SketchAggregatorSpec extends AggregatorSpec
		permits HllSketchAggregatorSpec, ThetaSketchAggregatorSpec, QuantilesSketchAggregatorSpec {

	/** The input field (raw values, or sketches for the merge forms). */
	String fieldName();

}
