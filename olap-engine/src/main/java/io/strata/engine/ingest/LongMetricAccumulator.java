package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.input.InputRow;

import java.util.Arrays;
import java.util.BitSet;

/** {@code count}, {@code longSum}, {@code longMin}, {@code longMax}; null until a non-null input. */
final class LongMetricAccumulator implements MetricAccumulator {

	private final AggregatorSpec spec;

	private final String field;

	private final NumericAggregation.Kind kind;

	private long[] values = new long[1024];

	private final BitSet hasValue = new BitSet();

	private long pending;

	private boolean pendingNull;

	LongMetricAccumulator(AggregatorSpec spec) {
		this.spec = spec;
		if (spec instanceof NumericAggregatorSpec numeric) {
			this.field = numeric.fieldName();
			this.kind = numeric.aggregation().kind();
		}
		else if (spec instanceof CountAggregatorSpec) {
			this.field = null;
			this.kind = NumericAggregation.Kind.SUM;
		}
		else {
			throw new IllegalArgumentException("not a long aggregator: " + spec.name());
		}
	}

	@Override
	public AggregatorSpec spec() {
		return this.spec;
	}

	@Override
	public void prepare(InputRow row) {
		if (this.field == null) {
			this.pending = 1;
			this.pendingNull = false;
			return;
		}
		Number number = MetricAccumulator.readNumber(row.get(this.field), this.field, true);
		this.pendingNull = number == null;
		this.pending = number == null ? 0 : number.longValue();
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
		long current = this.values[row];
		this.values[row] = switch (this.kind) {
			case SUM -> current + this.pending;
			case MIN -> Math.min(current, this.pending);
			case MAX -> Math.max(current, this.pending);
		};
	}

	@Override
	public boolean isNull(int row) {
		return !this.hasValue.get(row);
	}

	@Override
	public long getLong(int row) {
		return this.values[row];
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
