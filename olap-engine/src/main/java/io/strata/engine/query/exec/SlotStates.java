package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;

import java.util.Arrays;

/**
 * The running values of one aggregator for every group of a segment, indexed by dense group
 * slot: primitive arrays for count and numeric aggregators (no object per group while rows are
 * folded), an {@link AggregateState} per slot for the others. Single-threaded.
 */
final class SlotStates {

	/** How values are kept: chosen by {@link SegmentAggregator} from the aggregator and its column. */
	enum Layout {
		COUNTS, LONGS, DOUBLES, STATES
	}

	final AggregatorSpec spec;

	final Layout layout;

	final NumericAggregation.Kind kind;

	long[] longs = new long[0];

	double[] doubles = new double[0];

	boolean[] hasValue = new boolean[0];

	AggregateState[] states = new AggregateState[0];

	SlotStates(AggregatorSpec spec, Layout layout) {
		this.spec = spec;
		this.layout = layout;
		this.kind = layout == Layout.LONGS || layout == Layout.DOUBLES ? new AggregateState(spec).kind()
				: NumericAggregation.Kind.SUM;
	}

	/** Makes room for slots {@code [0, slots)}. */
	void ensure(int slots) {
		switch (this.layout) {
			case COUNTS -> this.longs = grow(this.longs, slots);
			case LONGS -> {
				this.longs = grow(this.longs, slots);
				this.hasValue = grow(this.hasValue, slots);
			}
			case DOUBLES -> {
				this.doubles = grow(this.doubles, slots);
				this.hasValue = grow(this.hasValue, slots);
			}
			case STATES -> {
				if (this.states.length < slots) {
					this.states = Arrays.copyOf(this.states, Math.max(slots, this.states.length * 2));
				}
			}
		}
	}

	/** Forgets every slot, keeping the arrays. */
	void reset(int slots) {
		switch (this.layout) {
			case COUNTS -> Arrays.fill(this.longs, 0, slots, 0);
			case LONGS -> {
				Arrays.fill(this.longs, 0, slots, 0);
				Arrays.fill(this.hasValue, 0, slots, false);
			}
			case DOUBLES -> {
				Arrays.fill(this.doubles, 0, slots, 0);
				Arrays.fill(this.hasValue, 0, slots, false);
			}
			case STATES -> Arrays.fill(this.states, 0, slots, null);
		}
	}

	AggregateState stateOf(int slot) {
		AggregateState state = this.states[slot];
		if (state == null) {
			state = new AggregateState(this.spec);
			this.states[slot] = state;
		}
		return state;
	}

	/** The slot's value as a mergeable state. */
	AggregateState toState(int slot) {
		AggregateState state = new AggregateState(this.spec);
		switch (this.layout) {
			case COUNTS -> state.addLong(this.longs[slot]);
			case LONGS -> {
				if (this.hasValue[slot]) {
					state.addLong(this.longs[slot]);
				}
			}
			case DOUBLES -> {
				if (this.hasValue[slot]) {
					state.addDouble(this.doubles[slot]);
				}
			}
			case STATES -> {
				AggregateState kept = this.states[slot];
				if (kept != null) {
					return kept;
				}
			}
		}
		return state;
	}

	/** The slot's value as a number, for ranking groups inside a segment; null when it has none. */
	double rankValue(int slot) {
		return switch (this.layout) {
			case COUNTS -> this.longs[slot];
			case LONGS -> this.hasValue[slot] ? this.longs[slot] : Double.NaN;
			case DOUBLES -> this.hasValue[slot] ? this.doubles[slot] : Double.NaN;
			case STATES -> this.states[slot] == null ? Double.NaN : numeric(this.states[slot].finalValue());
		};
	}

	private static double numeric(Object value) {
		return value instanceof Number number ? number.doubleValue() : Double.NaN;
	}

	private static long[] grow(long[] array, int size) {
		return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
	}

	private static double[] grow(double[] array, int size) {
		return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
	}

	private static boolean[] grow(boolean[] array, int size) {
		return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
	}

}
