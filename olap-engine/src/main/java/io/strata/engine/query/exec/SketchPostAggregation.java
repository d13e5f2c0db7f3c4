package io.strata.engine.query.exec;

import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.SketchPostAggregatorSpec;
import io.strata.engine.type.ColumnType;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaSketch;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the sketch post-aggregators as Druid's DataSketches extension does. The sketch comes
 * from the {@code field} post-aggregator: a sketch object from a {@code fieldAccess}, null when
 * nothing was aggregated (read as an empty sketch), or Base64 text when it names an earlier
 * post-aggregator's output. Quantiles of an empty sketch are NaN, as in Druid. Stateless.
 */
final class SketchPostAggregation {

	private SketchPostAggregation() {
	}

	/**
	 * @param field the value of the spec's {@code field} (unused by hyperUniqueCardinality)
	 * @param states the row's aggregator states by name
	 */
	static Object evaluate(SketchPostAggregatorSpec post, Object field, Map<String, AggregateState> states) {
		return switch (post) {
			case SketchPostAggregatorSpec.HllEstimate estimate -> {
				HllSketch sketch = sketch(post, field, HllSketch.class, ColumnType.HLL_SKETCH);
				double value = sketch == null ? 0.0 : sketch.getEstimate();
				yield estimate.round() ? (Object) Math.round(value) : (Object) value;
			}
			case SketchPostAggregatorSpec.HllEstimateWithBounds bounds -> {
				HllSketch sketch = sketch(post, field, HllSketch.class, ColumnType.HLL_SKETCH);
				yield sketch == null ? new double[3] : new double[] { sketch.getEstimate(),
						sketch.getLowerBound(bounds.numStdDev()), sketch.getUpperBound(bounds.numStdDev()) };
			}
			case SketchPostAggregatorSpec.ThetaEstimate estimate -> {
				ThetaSketch sketch = sketch(post, field, ThetaSketch.class, ColumnType.THETA_SKETCH);
				double value = sketch == null ? 0.0 : sketch.getEstimate();
				if (estimate.errorBoundsStdDev() == null) {
					yield value;
				}
				int deviations = estimate.errorBoundsStdDev();
				Map<String, Object> withBounds = new LinkedHashMap<>();
				withBounds.put("estimate", value);
				withBounds.put("highBound", sketch == null ? 0.0 : sketch.getUpperBound(deviations));
				withBounds.put("lowBound", sketch == null ? 0.0 : sketch.getLowerBound(deviations));
				withBounds.put("numStdDev", deviations);
				yield withBounds;
			}
			case SketchPostAggregatorSpec.HyperUniqueCardinality cardinality -> {
				AggregateState state = states.get(cardinality.fieldName());
				if (state == null || state.codec() == null || state.codec().type() != ColumnType.HLL_SKETCH) {
					throw StrataException.invalidInput("Post-aggregator[%s] of type[hyperUniqueCardinality] needs a "
							+ "hyperUnique, cardinality or HLL sketch aggregator; field[%s] is not one",
							cardinality.name(), cardinality.fieldName());
				}
				yield state.finalValue();
			}
			case SketchPostAggregatorSpec.QuantilesToQuantile quantile -> {
				QuantilesDoublesSketch sketch = quantiles(post, field);
				yield sketch == null ? Double.NaN
						: sketch.getQuantile(quantile.fraction(), QuantileSearchCriteria.INCLUSIVE);
			}
			case SketchPostAggregatorSpec.QuantilesToQuantiles quantiles -> {
				QuantilesDoublesSketch sketch = quantiles(post, field);
				double[] fractions = toArray(quantiles.fractions());
				if (sketch == null) {
					double[] nans = new double[fractions.length];
					Arrays.fill(nans, Double.NaN);
					yield nans;
				}
				yield sketch.getQuantiles(fractions, QuantileSearchCriteria.INCLUSIVE);
			}
			case SketchPostAggregatorSpec.QuantilesToHistogram histogram -> histogram(histogram, quantiles(post, field));
		};
	}

	/**
	 * Counts per bin: the sketch's probability mass per bin times its item count. Without split
	 * points, {@code numBins} equal bins span the minimum to the maximum item.
	 */
	private static double[] histogram(SketchPostAggregatorSpec.QuantilesToHistogram spec, QuantilesDoublesSketch sketch) {
		int bins = spec.splitPoints() != null ? spec.splitPoints().size() + 1 : spec.numBins();
		if (sketch == null) {
			double[] nans = new double[bins];
			Arrays.fill(nans, Double.NaN);
			return nans;
		}
		double[] splitPoints;
		if (spec.splitPoints() != null) {
			splitPoints = toArray(spec.splitPoints());
		}
		else {
			splitPoints = new double[bins - 1];
			double min = sketch.getMinItem();
			double width = (sketch.getMaxItem() - min) / bins;
			for (int i = 0; i < splitPoints.length; i++) {
				splitPoints[i] = min + width * (i + 1);
			}
		}
		if (!isIncreasing(splitPoints)) {
			// all items equal, so the equal bins collapse onto one point, which DataSketches (and so
			// Druid) refuses: every item is at or below the first point, in the first bin
			double[] counts = new double[bins];
			counts[0] = sketch.getN();
			return counts;
		}
		double[] counts = sketch.getPMF(splitPoints, QuantileSearchCriteria.INCLUSIVE);
		for (int i = 0; i < counts.length; i++) {
			counts[i] *= sketch.getN();
		}
		return counts;
	}

	private static boolean isIncreasing(double[] points) {
		for (int i = 1; i < points.length; i++) {
			if (!(points[i] > points[i - 1])) {
				return false;
			}
		}
		return true;
	}

	private static QuantilesDoublesSketch quantiles(SketchPostAggregatorSpec post, Object field) {
		QuantilesDoublesSketch sketch = sketch(post, field, QuantilesDoublesSketch.class,
				ColumnType.QUANTILES_DOUBLES_SKETCH);
		return sketch == null || sketch.isEmpty() ? null : sketch;
	}

	/** The field's sketch, or null for an empty one. */
	private static <T> T sketch(SketchPostAggregatorSpec post, Object field, Class<T> type, ColumnType columnType) {
		if (field == null) {
			return null;
		}
		if (type.isInstance(field)) {
			return type.cast(field);
		}
		if (!(field instanceof String base64)) {
			throw StrataException.invalidInput("Post-aggregator[%s] needs a %s; its field gives none (use fieldAccess, "
					+ "not finalizingFieldAccess, on a %s aggregator)", post.name(), columnType.druidName(),
					columnType.druidName());
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(base64);
			MemorySegment memory = MemorySegment.ofArray(bytes);
			Object sketch = switch (columnType) {
				case HLL_SKETCH -> HllSketch.heapify(bytes);
				case THETA_SKETCH -> CompactThetaSketch.heapify(memory);
				case QUANTILES_DOUBLES_SKETCH -> QuantilesDoublesSketch.heapify(memory);
				case LONG, FLOAT, DOUBLE, STRING -> throw new IllegalStateException("not a sketch type");
			};
			return type.cast(sketch);
		}
		catch (RuntimeException ex) {
			// DataSketches throws its own exception types (and index errors) for bytes that are no sketch
			throw StrataException.invalidInput("Post-aggregator[%s] needs a %s; its field gives text that is not one",
					post.name(), columnType.druidName());
		}
	}

	/** A post-aggregator's value as results carry it: sketches as Base64 of their stored form, as Druid writes them. */
	static Object forOutput(Object value) {
		if (value instanceof HllSketch || value instanceof ThetaSketch || value instanceof QuantilesDoublesSketch) {
			return Base64.getEncoder().encodeToString(SketchCodec.toBytes(value));
		}
		return value;
	}

	private static double[] toArray(List<Double> values) {
		double[] array = new double[values.size()];
		for (int i = 0; i < array.length; i++) {
			array[i] = values.get(i);
		}
		return array;
	}

}
