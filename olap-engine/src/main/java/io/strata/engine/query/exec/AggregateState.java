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

import java.lang.foreign.MemorySegment;

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

	/** Stored sketches folded in so far (a DataSketches union), or null. */
	private Object union;

	/** A sketch built from raw values (a string column), or null. */
	private Object built;

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

	/** Folds {@code values[0..count)}, none of them null: one dispatch for the whole batch. */
	void foldLongs(long[] values, int count) {
		if (count == 0) {
			return;
		}
		long result = this.hasValue ? this.longValue : values[0];
		int start = this.hasValue ? 0 : 1;
		switch (kind()) {
			case SUM -> {
				for (int i = start; i < count; i++) {
					result += values[i];
				}
			}
			case MIN -> {
				for (int i = start; i < count; i++) {
					result = Math.min(result, values[i]);
				}
			}
			case MAX -> {
				for (int i = start; i < count; i++) {
					result = Math.max(result, values[i]);
				}
			}
		}
		this.longValue = result;
		this.hasValue = true;
	}

	/** As {@link #foldLongs}, in the order given, so sums equal the row-by-row sum exactly. */
	void foldDoubles(double[] values, int count) {
		if (count == 0) {
			return;
		}
		if (this.spec.storedType() == ColumnType.FLOAT) {
			// floats round after every step, as the row path does
			for (int i = 0; i < count; i++) {
				addDouble(values[i]);
			}
			return;
		}
		double result = this.hasValue ? this.doubleValue : values[0];
		int start = this.hasValue ? 0 : 1;
		switch (kind()) {
			case SUM -> {
				for (int i = start; i < count; i++) {
					result += values[i];
				}
			}
			case MIN -> {
				for (int i = start; i < count; i++) {
					result = Math.min(result, values[i]);
				}
			}
			case MAX -> {
				for (int i = start; i < count; i++) {
					result = Math.max(result, values[i]);
				}
			}
		}
		this.doubleValue = result;
		this.hasValue = true;
	}

	void addSketch(Object other) {
		if (this.union == null) {
			this.union = this.codec.newUnion();
		}
		this.codec.unionInto(this.union, other);
	}

	/** Folds a stored sketch's serialized bytes, read during the call only (a view of a reused buffer). */
	void addSketchBytes(MemorySegment bytes) {
		if (this.union == null) {
			this.union = this.codec.newUnion();
		}
		this.codec.unionBytesInto(this.union, bytes);
	}

	void updateSketch(Object value) {
		if (this.built == null) {
			this.built = this.codec.newSketch();
		}
		this.built = this.codec.update(this.built, this.codec.prepareInput(value));
	}

	/** The sketch of everything aggregated: the union's result and the built sketch together. */
	Object sketch() {
		Object fromUnion = this.union == null ? null : this.codec.unionResult(this.union);
		return this.codec.combine(fromUnion, this.built);
	}

	SketchCodec codec() {
		return this.codec;
	}

	void merge(AggregateState other) {
		if (this.codec != null) {
			Object sketch = other.sketch();
			if (sketch != null) {
				addSketch(sketch);
			}
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
				Object sketch = sketch();
				double estimate = sketch == null ? 0.0 : this.codec.estimate(sketch);
				yield hll.round() ? (Object) Math.round(estimate) : (Object) estimate;
			}
			case ThetaSketchAggregatorSpec theta -> {
				Object sketch = sketch();
				yield sketch == null ? 0.0 : this.codec.estimate(sketch);
			}
			case QuantilesSketchAggregatorSpec quantiles -> {
				Object sketch = sketch();
				yield sketch == null ? 0L : (long) this.codec.estimate(sketch);
			}
		};
	}

	/** The value before finalization: the sketch itself for sketches, else the final value. */
	Object rawValue() {
		return this.codec != null ? sketch() : finalValue();
	}

}
