package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.type.ColumnType;

import java.util.Arrays;
import java.util.BitSet;

/**
 * {@code doubleSum/Min/Max} and {@code floatSum/Min/Max}; null until a non-null input. Float
 * aggregators round every step to float, as Druid's float aggregators compute in float.
 */
final class DoubleMetricAccumulator implements MetricAccumulator {

	private final NumericAggregatorSpec spec;

	private final NumericAggregation.Kind kind;

	private final boolean isFloat;

	private double[] values = new double[1024];

	private final BitSet hasValue = new BitSet();

	private double pending;

	private boolean pendingNull;

	DoubleMetricAccumulator(NumericAggregatorSpec spec) {
		this.spec = spec;
		this.kind = spec.aggregation().kind();
		this.isFloat = spec.aggregation().type() == ColumnType.FLOAT;
	}

	@Override
	public AggregatorSpec spec() {
		return this.spec;
	}

	@Override
	public void prepare(InputRow row) {
		Number number = MetricAccumulator.readNumber(row.get(this.spec.fieldName()), this.spec.fieldName(), false);
		this.pendingNull = number == null;
		double value = number == null ? 0 : number.doubleValue();
		this.pending = this.isFloat ? (float) value : value;
	}

	@Override
	public void apply(int row, boolean newRow) {
		if (row >= this.values.length) {
			this.values = Arrays.copyOf(this.values, Math.max(row + 1, this.values.length * 2));
		}
		if (newRow) {
			this.values[row] = 0;
			this.hasValue.clear(row);
		}
		if (this.pendingNull) {
			return;
		}
		if (!this.hasValue.get(row)) {
			this.values[row] = this.pending;
			this.hasValue.set(row);
			return;
		}
		double current = this.values[row];
		double next = switch (this.kind) {
			case SUM -> current + this.pending;
			case MIN -> Math.min(current, this.pending);
			case MAX -> Math.max(current, this.pending);
		};
		this.values[row] = this.isFloat ? (float) next : next;
	}

	@Override
	public boolean isNull(int row) {
		return !this.hasValue.get(row);
	}

	@Override
	public long getLong(int row) {
		return (long) this.values[row];
	}

	@Override
	public double getDouble(int row) {
		return this.values[row];
	}

	@Override
	public Object getSketch(int row) {
		throw new IllegalStateException("not a sketch aggregator: " + this.spec.name());
	}

	@Override
	public long estimatedBytes(int rows) {
		return 8L * this.values.length + rows / 8;
	}

}
