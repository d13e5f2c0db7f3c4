package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.type.ColumnType;

/**
 * The running value of one aggregator for one result bucket: mergeable across segments, then
 * finalized to what Druid returns (numbers, null when nothing was aggregated, sketch estimates).
 * Single-threaded.
 */
final class AggregateState {

	final AggregatorSpec spec;

	long longValue;

	double doubleValue;

	boolean hasValue;

	Object sketch;

	private final SketchCodec codec;

	AggregateState(AggregatorSpec spec) {
		this.spec = spec;
		this.codec = spec.storedType().isSketch() ? new SketchCodec(spec) : null;
	}

	NumericAggregation.Kind kind() {
		return switch (this.spec) {
			case CountAggregatorSpec count -> NumericAggregation.Kind.SUM;
			case NumericAggregatorSpec numeric -> numeric.aggregation().kind();
			default -> throw new IllegalStateException("not a numeric aggregator");
		};
	}

	void addLong(long value) {
		if (!this.hasValue) {
			this.longValue = value;
			this.hasValue = true;
			return;
		}
		this.longValue = switch (kind()) {
			case SUM -> this.longValue + value;
			case MIN -> Math.min(this.longValue, value);
			case MAX -> Math.max(this.longValue, value);
		};
	}

	void addDouble(double value) {
		double next;
		if (!this.hasValue) {
			next = value;
			this.hasValue = true;
		}
		else {
			next = switch (kind()) {
				case SUM -> this.doubleValue + value;
				case MIN -> Math.min(this.doubleValue, value);
				case MAX -> Math.max(this.doubleValue, value);
			};
		}
		this.doubleValue = this.spec.storedType() == ColumnType.FLOAT ? (float) next : next;
	}

	void addSketch(Object other) {
		this.sketch = this.codec.combine(this.sketch, other);
	}

	void updateSketch(Object value) {
		if (this.sketch == null) {
			this.sketch = this.codec.newSketch();
		}
		this.sketch = this.codec.update(this.sketch, this.codec.prepareInput(value));
	}

	SketchCodec codec() {
		return this.codec;
	}

	void merge(AggregateState other) {
		if (this.codec != null) {
			this.sketch = this.codec.combine(this.sketch, other.sketch);
			return;
		}
		if (!other.hasValue) {
			return;
		}
		if (this.spec instanceof CountAggregatorSpec || this.spec.storedType() == ColumnType.LONG) {
			addLong(other.longValue);
		}
		else {
			addDouble(other.doubleValue);
		}
	}

	/** What Druid returns for the aggregator. */
	Object finalValue() {
		return switch (this.spec) {
			case CountAggregatorSpec count -> this.hasValue ? this.longValue : 0L;
			case NumericAggregatorSpec numeric -> {
				if (!this.hasValue) {
					yield null;
				}
				yield switch (numeric.aggregation().type()) {
					case LONG -> this.longValue;
					case FLOAT -> (float) this.doubleValue;
					default -> this.doubleValue;
				};
			}
			case HllSketchAggregatorSpec hll -> {
				double estimate = this.sketch == null ? 0.0 : this.codec.estimate(this.sketch);
				yield hll.round() ? (Object) Math.round(estimate) : (Object) estimate;
			}
			case ThetaSketchAggregatorSpec theta -> this.sketch == null ? 0.0 : this.codec.estimate(this.sketch);
			case QuantilesSketchAggregatorSpec quantiles -> this.sketch == null ? 0L
					: (long) this.codec.estimate(this.sketch);
		};
	}

	/** The value before finalization: the sketch itself for sketches, else the final value. */
	Object rawValue() {
		return this.codec != null ? this.sketch : finalValue();
	}

}
