package io.strata.engine.ingest;

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
import io.strata.engine.input.InputRow;

/**
 * The rolled-up state of one aggregator for every row of an incremental index, in growable
 * primitive arrays (sketch objects for sketch aggregators). Adding an input row is two steps:
 * {@link #prepare} reads and checks the input value (it may reject the row, before anything has
 * changed), then {@link #apply} folds it into a row. Writer-thread only.
 */
sealed interface MetricAccumulator permits LongMetricAccumulator, DoubleMetricAccumulator, SketchMetricAccumulator {

	AggregatorSpec spec();

	/**
	 * Reads this aggregator's input from {@code row} and keeps it for {@link #apply}.
	 * @throws IllegalArgumentException when the input cannot be aggregated (names the field)
	 */
	void prepare(InputRow row);

	/** Folds the prepared input into {@code row}; {@code newRow} when the row was just created. */
	void apply(int row, boolean newRow);

	boolean isNull(int row);

	long getLong(int row);

	double getDouble(int row);

	/** The live sketch of a row; callers must not keep it beyond their read lock. */
	Object getSketch(int row);

	long estimatedBytes(int rows);

	static MetricAccumulator of(AggregatorSpec spec) {
		return switch (spec) {
			case CountAggregatorSpec count -> new LongMetricAccumulator(spec);
			case NumericAggregatorSpec numeric -> switch (numeric.aggregation().type()) {
				case LONG -> new LongMetricAccumulator(spec);
				default -> new DoubleMetricAccumulator(numeric);
			};
			case HllSketchAggregatorSpec hll -> new SketchMetricAccumulator(spec);
			case ThetaSketchAggregatorSpec theta -> new SketchMetricAccumulator(spec);
			case QuantilesSketchAggregatorSpec quantiles -> new SketchMetricAccumulator(spec);
			case HyperUniqueAggregatorSpec hyperUnique -> new SketchMetricAccumulator(spec);
			// refused when the metricsSpec is read (AggregatorSpecJson.readForIngestion)
			case FirstLastAggregatorSpec _, FilteredAggregatorSpec _, CardinalityAggregatorSpec _ ->
				throw new IllegalArgumentException("aggregator " + spec.name() + " of type " + spec.typeName()
						+ " is not supported at ingestion");
		};
	}

	/** Reads a number from an input value: null, a number or a numeric string. */
	static Number readNumber(Object value, String field, boolean integral) {
		return switch (value) {
			case null -> null;
			case Number number -> number;
			case String text -> {
				String trimmed = text.trim();
				if (trimmed.isEmpty()) {
					yield null;
				}
				try {
					if (integral) {
						try {
							yield Long.parseLong(trimmed);
						}
						catch (NumberFormatException ex) {
							yield (long) Double.parseDouble(trimmed);
						}
					}
					yield Double.parseDouble(trimmed);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("field[" + field + "] is not a number");
				}
			}
			case Boolean bool -> throw new IllegalArgumentException("field[" + field + "] is a boolean, not a number");
			default -> throw new IllegalArgumentException("field[" + field + "] is not a number");
		};
	}

}
