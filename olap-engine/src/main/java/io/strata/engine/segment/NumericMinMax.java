package io.strata.engine.segment;

import io.strata.engine.type.ColumnType;

/**
 * Tracks the min and max a numeric column's {@link ColumnSummary} reports, so that a column built in
 * memory and one written to a file report the same: a long column's as longs, a float or double
 * column's as doubles with NaN ignored; null while no value counts. Single-threaded.
 */
public final class NumericMinMax {

	private final ColumnType type;

	private long longMin = Long.MAX_VALUE;

	private long longMax = Long.MIN_VALUE;

	private double min = Double.POSITIVE_INFINITY;

	private double max = Double.NEGATIVE_INFINITY;

	public NumericMinMax(ColumnType type) {
		this.type = type;
	}

	/** A value stored in a long column. */
	public void addLong(long value) {
		this.longMin = Math.min(this.longMin, value);
		this.longMax = Math.max(this.longMax, value);
	}

	/** A value stored in a float or double column (a float one passes the value it stored, widened). */
	public void addDouble(double value) {
		if (!Double.isNaN(value)) {
			this.min = Math.min(this.min, value);
			this.max = Math.max(this.max, value);
		}
	}

	public Object min() {
		if (this.type == ColumnType.LONG) {
			return this.longMin <= this.longMax ? this.longMin : null;
		}
		return this.min <= this.max ? this.min : null;
	}

	public Object max() {
		if (this.type == ColumnType.LONG) {
			return this.longMin <= this.longMax ? this.longMax : null;
		}
		return this.min <= this.max ? this.max : null;
	}

}
