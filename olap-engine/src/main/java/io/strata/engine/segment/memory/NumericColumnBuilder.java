package io.strata.engine.segment.memory;

import io.strata.engine.segment.NumericMinMax;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.Arrays;

/**
 * Collects the rows of a long, float or double column in row order and builds an {@link
 * InMemoryNumericColumn}. Values convert to the column type as {@code NumericColumnWriter}
 * converts them (a double added to a long column is truncated, a float column rounds to float);
 * a null row stores 0 and is set in the null bitmap. Min and max are tracked by the writer's
 * {@link NumericMinMax}: NaN is ignored. Single-threaded; {@link #build()} may be called more than once.
 */
public final class NumericColumnBuilder {

	private final ColumnType type;

	private long[] longs;

	private double[] doubles;

	private float[] floats;

	private final MutableRoaringBitmap nulls = new MutableRoaringBitmap();

	private int rows;

	private final NumericMinMax minMax;

	public NumericColumnBuilder(ColumnType type) {
		if (!type.isNumeric()) {
			throw new IllegalArgumentException("not a numeric type: " + type);
		}
		this.type = type;
		this.minMax = new NumericMinMax(type);
		switch (type) {
			case LONG -> this.longs = new long[1024];
			case DOUBLE -> this.doubles = new double[1024];
			default -> this.floats = new float[1024];
		}
	}

	public ColumnType type() {
		return this.type;
	}

	public int rowCount() {
		return this.rows;
	}

	public NumericColumnBuilder addLong(long value) {
		ensureCapacity();
		switch (this.type) {
			case LONG -> {
				this.longs[this.rows] = value;
				this.minMax.addLong(value);
			}
			case DOUBLE -> {
				this.doubles[this.rows] = value;
				this.minMax.addDouble(value);
			}
			default -> {
				this.floats[this.rows] = value;
				this.minMax.addDouble((float) value);
			}
		}
		this.rows++;
		return this;
	}

	public NumericColumnBuilder addDouble(double value) {
		switch (this.type) {
			case LONG -> {
				return addLong((long) value);
			}
			case DOUBLE -> {
				ensureCapacity();
				this.doubles[this.rows] = value;
				this.minMax.addDouble(value);
			}
			default -> {
				ensureCapacity();
				this.floats[this.rows] = (float) value;
				this.minMax.addDouble((float) value);
			}
		}
		this.rows++;
		return this;
	}

	public NumericColumnBuilder addNull() {
		ensureCapacity();
		// the arrays hold 0 already: rows are written once, in order
		this.nulls.add(this.rows);
		this.rows++;
		return this;
	}

	public InMemoryNumericColumn build() {
		MutableRoaringBitmap nullRows = this.nulls.clone();
		nullRows.runOptimize();
		Object minValue = this.minMax.min();
		Object maxValue = this.minMax.max();
		return switch (this.type) {
			case LONG -> InMemoryNumericColumn.ofLongs(Arrays.copyOf(this.longs, this.rows), nullRows, minValue, maxValue);
			case DOUBLE -> InMemoryNumericColumn.ofDoubles(Arrays.copyOf(this.doubles, this.rows), nullRows, minValue,
					maxValue);
			default -> InMemoryNumericColumn.ofFloats(Arrays.copyOf(this.floats, this.rows), nullRows, minValue,
					maxValue);
		};
	}

	private void ensureCapacity() {
		switch (this.type) {
			case LONG -> {
				if (this.rows == this.longs.length) {
					this.longs = Arrays.copyOf(this.longs, this.rows * 2);
				}
			}
			case DOUBLE -> {
				if (this.rows == this.doubles.length) {
					this.doubles = Arrays.copyOf(this.doubles, this.rows * 2);
				}
			}
			default -> {
				if (this.rows == this.floats.length) {
					this.floats = Arrays.copyOf(this.floats, this.rows * 2);
				}
			}
		}
	}

}
