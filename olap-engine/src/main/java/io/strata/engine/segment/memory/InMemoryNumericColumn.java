package io.strata.engine.segment.memory;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A long, float or double column in one primitive array of its type, built by {@link
 * NumericColumnBuilder}. Reads convert as the persisted column's do (a float read as a double is
 * widened, a double read as a long truncated). Immutable and thread-safe; cursors are not.
 */
public final class InMemoryNumericColumn implements NumericColumn, InMemoryColumn {

	private final ColumnType type;

	private final long[] longs;

	private final double[] doubles;

	private final float[] floats;

	private final MutableRoaringBitmap nulls;

	private final int rows;

	private final Object minValue;

	private final Object maxValue;

	private InMemoryNumericColumn(ColumnType type, long[] longs, double[] doubles, float[] floats, int rows,
			MutableRoaringBitmap nulls, Object minValue, Object maxValue) {
		this.type = type;
		this.longs = longs;
		this.doubles = doubles;
		this.floats = floats;
		this.rows = rows;
		this.nulls = nulls;
		this.minValue = minValue;
		this.maxValue = maxValue;
	}

	static InMemoryNumericColumn ofLongs(long[] values, MutableRoaringBitmap nulls, Object min, Object max) {
		return new InMemoryNumericColumn(ColumnType.LONG, values, null, null, values.length, nulls, min, max);
	}

	static InMemoryNumericColumn ofDoubles(double[] values, MutableRoaringBitmap nulls, Object min, Object max) {
		return new InMemoryNumericColumn(ColumnType.DOUBLE, null, values, null, values.length, nulls, min, max);
	}

	static InMemoryNumericColumn ofFloats(float[] values, MutableRoaringBitmap nulls, Object min, Object max) {
		return new InMemoryNumericColumn(ColumnType.FLOAT, null, null, values, values.length, nulls, min, max);
	}

	@Override
	public ColumnType type() {
		return this.type;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	/** Rows whose value is null; callers must not modify it. */
	@Override
	public ImmutableRoaringBitmap nullRows() {
		return this.nulls;
	}

	@Override
	public NumericValues open() {
		return new Cursor();
	}

	@Override
	public ColumnSummary summary(String name) {
		long bytes = (this.type == ColumnType.FLOAT ? 4L : 8L) * this.rows + this.nulls.getSizeInBytes();
		return new ColumnSummary(name, this.type, false, !this.nulls.isEmpty(), -1, bytes, this.minValue,
				this.maxValue);
	}

	private final class Cursor implements NumericValues {

		private final InMemoryNumericColumn column = InMemoryNumericColumn.this;

		private void checkRows(int startRow, int count) {
			if (startRow < 0 || count < 0 || startRow + count > this.column.rows) {
				throw new IndexOutOfBoundsException(
						"rows [" + startRow + ", " + (startRow + count) + ") of " + this.column.rows);
			}
		}

		@Override
		public void readLongs(int startRow, int count, long[] out) {
			checkRows(startRow, count);
			switch (this.column.type) {
				case LONG -> System.arraycopy(this.column.longs, startRow, out, 0, count);
				case DOUBLE -> {
					double[] source = this.column.doubles;
					for (int i = 0; i < count; i++) {
						out[i] = (long) source[startRow + i];
					}
				}
				default -> {
					float[] source = this.column.floats;
					for (int i = 0; i < count; i++) {
						out[i] = (long) source[startRow + i];
					}
				}
			}
		}

		@Override
		public void readDoubles(int startRow, int count, double[] out) {
			checkRows(startRow, count);
			switch (this.column.type) {
				case LONG -> {
					long[] source = this.column.longs;
					for (int i = 0; i < count; i++) {
						out[i] = source[startRow + i];
					}
				}
				case DOUBLE -> System.arraycopy(this.column.doubles, startRow, out, 0, count);
				default -> {
					float[] source = this.column.floats;
					for (int i = 0; i < count; i++) {
						out[i] = source[startRow + i];
					}
				}
			}
		}

		@Override
		public void readLongs(int[] rows, int count, long[] out) {
			checkSelected(rows, count);
			switch (this.column.type) {
				case LONG -> {
					long[] source = this.column.longs;
					for (int i = 0; i < count; i++) {
						out[i] = source[rows[i]];
					}
				}
				case DOUBLE -> {
					double[] source = this.column.doubles;
					for (int i = 0; i < count; i++) {
						out[i] = (long) source[rows[i]];
					}
				}
				default -> {
					float[] source = this.column.floats;
					for (int i = 0; i < count; i++) {
						out[i] = (long) source[rows[i]];
					}
				}
			}
		}

		@Override
		public void readDoubles(int[] rows, int count, double[] out) {
			checkSelected(rows, count);
			switch (this.column.type) {
				case LONG -> {
					long[] source = this.column.longs;
					for (int i = 0; i < count; i++) {
						out[i] = source[rows[i]];
					}
				}
				case DOUBLE -> {
					double[] source = this.column.doubles;
					for (int i = 0; i < count; i++) {
						out[i] = source[rows[i]];
					}
				}
				default -> {
					float[] source = this.column.floats;
					for (int i = 0; i < count; i++) {
						out[i] = source[rows[i]];
					}
				}
			}
		}

		/** Selected rows ascend, so checking the first and last checks them all. */
		private void checkSelected(int[] rows, int count) {
			if (count > 0) {
				checkRows(rows[0], 1);
				checkRows(rows[count - 1], 1);
			}
		}

		@Override
		public long getLong(int row) {
			checkRows(row, 1);
			return switch (this.column.type) {
				case LONG -> this.column.longs[row];
				case DOUBLE -> (long) this.column.doubles[row];
				default -> (long) this.column.floats[row];
			};
		}

		@Override
		public double getDouble(int row) {
			checkRows(row, 1);
			return switch (this.column.type) {
				case LONG -> this.column.longs[row];
				case DOUBLE -> this.column.doubles[row];
				default -> this.column.floats[row];
			};
		}

		@Override
		public float getFloat(int row) {
			checkRows(row, 1);
			return switch (this.column.type) {
				case LONG -> this.column.longs[row];
				case DOUBLE -> (float) this.column.doubles[row];
				default -> this.column.floats[row];
			};
		}

	}

}
