package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.StrataException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code aggregators} a segmentMetadata analysis reports for a segment's metrics. Druid stores
 * in each segment the combining form of its ingestion aggregators ({@code
 * AggregatorFactory.getCombiningFactory()}): one that reads the metric column itself, so a query
 * can roll the stored values up again. This writes that form as Druid's Jackson serializes it,
 * with each factory's fields and the inclusion rules of their getters:
 * <ul>
 * <li>{@code count} becomes {@code longSum} of the count column;</li>
 * <li>the numeric sums, mins and maxes keep their type and read their own column;</li>
 * <li>{@code HLLSketchBuild} and {@code HLLSketchMerge} become {@code HLLSketchMerge};
 * {@code stringEncoding} is written only when not {@code utf16le} and {@code round} only when
 * true ({@code shouldFinalize}, written only when false, is not kept by Strata's spec: always
 * true here);</li>
 * <li>{@code thetaSketch} stays {@code thetaSketch} with {@code isInputThetaSketch} false, and
 * {@code shouldFinalize} and {@code errorBoundsStdDev} (null) always written;</li>
 * <li>{@code quantilesDoublesSketch} becomes {@code quantilesDoublesSketchMerge} with its {@code
 * maxStreamLength} (Strata keeps Druid's default, which only sizes Druid's buffers);</li>
 * <li>{@code hyperUnique} stays {@code hyperUnique} with {@code isInputHyperUnique} false.</li>
 * </ul>
 * Stateless.
 */
final class CombiningAggregatorJson {

	/** Druid's default quantiles {@code maxStreamLength}. */
	static final long DEFAULT_MAX_STREAM_LENGTH = 1_000_000_000L;

	private CombiningAggregatorJson() {
	}

	static ObjectNode write(AggregatorSpec stored) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		String name = stored.name();
		switch (stored) {
			case CountAggregatorSpec count -> common(node, "longSum", name);
			case NumericAggregatorSpec numeric -> common(node, numeric.typeName(), name);
			case HllSketchAggregatorSpec hll -> {
				common(node, "HLLSketchMerge", name);
				node.put("lgK", hll.lgK());
				node.put("tgtHllType", hll.tgtHllType());
				if (!hll.stringEncoding().equals(HllSketchAggregatorSpec.UTF16LE)) {
					node.put("stringEncoding", hll.stringEncoding());
				}
				if (hll.round()) {
					node.put("round", true);
				}
			}
			case ThetaSketchAggregatorSpec theta -> {
				common(node, "thetaSketch", name);
				node.put("size", theta.size());
				node.put("shouldFinalize", true);
				node.put("isInputThetaSketch", false);
				node.putNull("errorBoundsStdDev");
			}
			case QuantilesSketchAggregatorSpec quantiles -> {
				common(node, "quantilesDoublesSketchMerge", name);
				node.put("k", quantiles.k());
				node.put("maxStreamLength", DEFAULT_MAX_STREAM_LENGTH);
			}
			case HyperUniqueAggregatorSpec hyperUnique -> {
				common(node, "hyperUnique", name);
				node.put("isInputHyperUnique", false);
				node.put("round", hyperUnique.round());
			}
			case FirstLastAggregatorSpec _, CardinalityAggregatorSpec _, FilteredAggregatorSpec _ ->
				throw StrataException.defensive("Aggregator[%s] of type[%s] is query-only and never stored in a segment",
						name, stored.typeName());
		}
		return node;
	}

	/** Type, name and a fieldName that is the metric column itself. */
	private static void common(ObjectNode node, String type, String name) {
		node.put("type", type);
		node.put("name", name);
		node.put("fieldName", name);
	}

}
