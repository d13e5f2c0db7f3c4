package io.strata.engine.query.exec;

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

	/** The aggregator as the query names it (its output name). */
	final AggregatorSpec spec;

	/** What computes the value: {@link #spec}, or the aggregator inside a {@code filtered} one. */
	private final AggregatorSpec logic;

	long longValue;

	double doubleValue;

	boolean hasValue;

	/** first/last: the time of the row whose value is kept, and whether that value is null. */
	private long time;

	private boolean valueIsNull;

	/** Stored sketches folded in so far (a DataSketches union), or null. */
	private Object union;

	/** A sketch built from raw values (a string column), or null. */
	private Object built;

	private final SketchCodec codec;

	AggregateState(AggregatorSpec spec) {
		this.spec = spec;
		this.logic = spec instanceof FilteredAggregatorSpec filtered ? filtered.unwrapped() : spec;
		this.codec = spec.storedType().isSketch() ? new SketchCodec(spec) : null;
	}

	NumericAggregation.Kind kind() {
		return switch (this.logic) {
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

	/**
	 * first/last: offers the value of a row at {@code rowTime}. The earlier (first) or later (last)
	 * row wins; on equal times first keeps what it has and last takes the newcomer, as Druid does.
	 */
	void offerTimed(long rowTime, boolean isNull, long longInput, double doubleInput) {
		boolean last = ((FirstLastAggregatorSpec) this.logic).last();
		if (this.hasValue && (last ? rowTime < this.time : rowTime >= this.time)) {
			return;
		}
		this.hasValue = true;
		this.time = rowTime;
		this.valueIsNull = isNull;
		this.longValue = longInput;
		this.doubleValue = this.spec.storedType() == ColumnType.FLOAT ? (float) doubleInput : doubleInput;
	}

	/** first/last: the time of the row whose value is kept; meaningful once {@link #hasValue}. */
	long time() {
		return this.time;
	}

	/** first/last: whether the kept row's value is null. */
	boolean valueIsNull() {
		return this.valueIsNull;
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
		if (this.logic instanceof FirstLastAggregatorSpec) {
			offerTimed(other.time, other.valueIsNull, other.longValue, other.doubleValue);
		}
		else if (this.logic instanceof CountAggregatorSpec || this.spec.storedType() == ColumnType.LONG) {
			addLong(other.longValue);
		}
		else {
			addDouble(other.doubleValue);
		}
	}

	/** What Druid returns for the aggregator. */
	Object finalValue() {
		return switch (this.logic) {
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
			case FirstLastAggregatorSpec firstLast -> {
				if (!this.hasValue || this.valueIsNull) {
					yield null;
				}
				yield switch (firstLast.type()) {
					case LONG -> this.longValue;
					case FLOAT -> (float) this.doubleValue;
					default -> this.doubleValue;
				};
			}
			case CardinalityAggregatorSpec cardinality -> estimate(cardinality.round());
			case HyperUniqueAggregatorSpec hyperUnique -> estimate(hyperUnique.round());
			case FilteredAggregatorSpec filtered -> throw new IllegalStateException("logic is never filtered");
		};
	}

	/** An HLL estimate as Druid's cardinality and hyperUnique give it: a double, or a long when rounded. */
	private Object estimate(boolean round) {
		Object sketch = sketch();
		double estimate = sketch == null ? 0.0 : this.codec.estimate(sketch);
		return round ? (Object) Math.round(estimate) : (Object) estimate;
	}

	/**
	 * What a result shows for the aggregator: its final value, or with Druid's context {@code
	 * finalize: false} its intermediate one (a sketch as Base64, first/last as a time-value pair).
	 */
	Object outputValue(boolean finalize) {
		return finalize ? finalValue() : IntermediateValue.of(this);
	}

	/** The value before finalization: the sketch itself for sketches, else the final value. */
	Object rawValue() {
		return this.codec != null ? sketch() : finalValue();
	}

}
