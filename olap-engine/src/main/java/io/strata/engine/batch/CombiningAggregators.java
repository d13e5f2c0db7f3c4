package io.strata.engine.batch;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.StrataException;

/**
 * Druid's {@code getCombiningFactory}: the aggregator that re-aggregates a stored metric column
 * when segments are re-ingested (compaction). It reads the metric's own column: {@code count}
 * becomes a {@code longSum} of the counts, sums stay sums, min and max stay, and sketch builders
 * become merges of the stored sketches ({@code hyperUnique} becomes {@code HLLSketchMerge} of the
 * DataSketches HLL sketch Strata stores for it). Stateless.
 */
public final class CombiningAggregators {

	private CombiningAggregators() {
	}

	/**
	 * @throws StrataException UNSUPPORTED for aggregators that are never stored in segments
	 * (query-time only in Strata)
	 */
	public static AggregatorSpec of(AggregatorSpec stored) {
		String name = stored.name();
		return switch (stored) {
			case CountAggregatorSpec count -> new NumericAggregatorSpec(NumericAggregation.LONG_SUM, name, name);
			case NumericAggregatorSpec numeric -> new NumericAggregatorSpec(numeric.aggregation(), name, name);
			case HllSketchAggregatorSpec hll -> new HllSketchAggregatorSpec(name, name, hll.lgK(), hll.tgtHllType(),
					hll.round(), true, hll.stringEncoding());
			case HyperUniqueAggregatorSpec hyperUnique -> {
				HllSketchAggregatorSpec sketch = hyperUnique.sketchSpec();
				yield new HllSketchAggregatorSpec(name, name, sketch.lgK(), sketch.tgtHllType(), sketch.round(), true,
						sketch.stringEncoding());
			}
			case ThetaSketchAggregatorSpec theta -> new ThetaSketchAggregatorSpec(name, name, theta.size(), true);
			case QuantilesSketchAggregatorSpec quantiles -> new QuantilesSketchAggregatorSpec(name, name, quantiles.k());
			case FirstLastAggregatorSpec _, CardinalityAggregatorSpec _, FilteredAggregatorSpec _ ->
				throw StrataException.unsupported("Aggregator[%s] of type[%s] is not stored in segments and cannot be "
						+ "re-aggregated", name, stored.typeName());
		};
	}

}
