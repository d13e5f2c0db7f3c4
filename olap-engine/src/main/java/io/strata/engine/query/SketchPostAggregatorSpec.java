package io.strata.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * Druid's post-aggregators over sketches (the DataSketches extension's, and the classic
 * {@code hyperUniqueCardinality}). Their {@code field} is a post-aggregator giving the sketch,
 * normally a {@code fieldAccess} (not a {@code finalizingFieldAccess}, which gives the estimate).
 */
public sealed interface SketchPostAggregatorSpec extends PostAggregatorSpec
		permits SketchPostAggregatorSpec.HllEstimate, SketchPostAggregatorSpec.HllEstimateWithBounds,
		SketchPostAggregatorSpec.ThetaEstimate, SketchPostAggregatorSpec.HyperUniqueCardinality,
		SketchPostAggregatorSpec.QuantilesToQuantile, SketchPostAggregatorSpec.QuantilesToQuantiles,
		SketchPostAggregatorSpec.QuantilesToHistogram {

	/** {@code HLLSketchEstimate}: the distinct-count estimate, a long when {@code round}. */
	record HllEstimate(String name, PostAggregatorSpec field, boolean round) implements SketchPostAggregatorSpec {

		public HllEstimate {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
		}

	}

	/** {@code HLLSketchEstimateWithBounds}: {@code [estimate, lower bound, upper bound]} at 1 to 3 deviations. */
	record HllEstimateWithBounds(String name, PostAggregatorSpec field, int numStdDev)
			implements SketchPostAggregatorSpec {

		public HllEstimateWithBounds {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
			if (numStdDev < 1 || numStdDev > 3) {
				throw new IllegalArgumentException("numStdDev must be 1, 2 or 3");
			}
		}

	}

	/**
	 * {@code thetaSketchEstimate}: the estimate; with {@code errorBoundsStdDev} an object of the
	 * estimate and its bounds.
	 * @param errorBoundsStdDev null for the plain estimate, else 1 to 3
	 */
	record ThetaEstimate(String name, PostAggregatorSpec field, Integer errorBoundsStdDev)
			implements SketchPostAggregatorSpec {

		public ThetaEstimate {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
			if (errorBoundsStdDev != null && (errorBoundsStdDev < 1 || errorBoundsStdDev > 3)) {
				throw new IllegalArgumentException("errorBoundsStdDev must be 1, 2 or 3");
			}
		}

	}

	/** {@code hyperUniqueCardinality}: the estimate of a hyperUnique (or cardinality) aggregator, named directly. */
	record HyperUniqueCardinality(String name, String fieldName) implements SketchPostAggregatorSpec {

		public HyperUniqueCardinality {
			Objects.requireNonNull(fieldName, "fieldName");
			name = name == null ? fieldName : name;
		}

	}

	/** {@code quantilesDoublesSketchToQuantile}: the value at a rank, NaN for an empty sketch. */
	record QuantilesToQuantile(String name, PostAggregatorSpec field, double fraction)
			implements SketchPostAggregatorSpec {

		public QuantilesToQuantile {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
			checkFraction(fraction);
		}

	}

	/** {@code quantilesDoublesSketchToQuantiles}: the values at several ranks. */
	record QuantilesToQuantiles(String name, PostAggregatorSpec field, List<Double> fractions)
			implements SketchPostAggregatorSpec {

		public QuantilesToQuantiles {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
			fractions = List.copyOf(fractions);
			if (fractions.isEmpty()) {
				throw new IllegalArgumentException("fractions must not be empty");
			}
			fractions.forEach(SketchPostAggregatorSpec::checkFraction);
		}

	}

	/**
	 * {@code quantilesDoublesSketchToHistogram}: item counts per bin, the bins cut at
	 * {@code splitPoints} or, without them, {@code numBins} equal bins from the minimum to the
	 * maximum (10 by default).
	 * @param splitPoints null when {@code numBins} is used
	 */
	record QuantilesToHistogram(String name, PostAggregatorSpec field, List<Double> splitPoints, int numBins)
			implements SketchPostAggregatorSpec {

		public static final int DEFAULT_NUM_BINS = 10;

		public QuantilesToHistogram {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(field, "field");
			splitPoints = splitPoints == null ? null : List.copyOf(splitPoints);
			if (splitPoints != null) {
				for (int i = 1; i < splitPoints.size(); i++) {
					if (!(splitPoints.get(i) > splitPoints.get(i - 1))) {
						throw new IllegalArgumentException("splitPoints must be increasing");
					}
				}
			}
			int bins = splitPoints == null ? numBins : splitPoints.size() + 1;
			if (bins < 2) {
				throw new IllegalArgumentException("at least 2 bins are needed");
			}
		}

	}

	private static void checkFraction(double fraction) {
		if (!(fraction >= 0 && fraction <= 1)) {
			throw new IllegalArgumentException("fractions must be between 0 and 1");
		}
	}

}
