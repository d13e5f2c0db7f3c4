package io.strata.engine.segment.memory;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.Arrays;
import java.util.Objects;

/**
 * A string column in heap arrays, built by {@link StringColumnBuilder}. Single-value columns hold
 * one id per row; multi-value columns hold every row's ids back to back with the start of each
 * row. Immutable and thread-safe; cursors are not.
 */
public final class InMemoryStringColumn implements StringColumn, InMemoryColumn {

	private final InMemoryStringDictionary dictionary;

	private final MutableRoaringBitmap[] bitmaps;

	/** The id of each row (single-value), else null. */
	private final int[] ids;

	/** Row {@code r} holds {@code values[starts[r] .. starts[r + 1])} (multi-value), else null. */
	private final int[] starts;

	private final int[] values;

	private final boolean hasNulls;

	private final int rows;

	InMemoryStringColumn(InMemoryStringDictionary dictionary, MutableRoaringBitmap[] bitmaps, int[] ids, int[] starts,
			int[] values, boolean hasNulls) {
		this.dictionary = dictionary;
		this.bitmaps = bitmaps;
		this.ids = ids;
		this.starts = starts;
		this.values = values;
		this.hasNulls = hasNulls;
		this.rows = ids != null ? ids.length : starts.length - 1;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	@Override
	public boolean hasMultipleValues() {
		return this.ids == null;
	}

	@Override
	public StringDictionary dictionary() {
		return this.dictionary;
	}

	/** The rows holding dictionary id {@code id}; callers must not modify it. */
	@Override
	public ImmutableRoaringBitmap bitmap(int id) {
		Objects.checkIndex(id, this.bitmaps.length);
		return this.bitmaps[id];
	}

	@Override
	public StringValues open() {
		return new Cursor();
	}

	@Override
	public ColumnSummary summary(String name) {
		long bytes = this.dictionary.estimatedBytes();
		for (MutableRoaringBitmap bitmap : this.bitmaps) {
			bytes += bitmap.getSizeInBytes();
		}
		bytes += 4L * (this.ids != null ? this.ids.length : this.starts.length + this.values.length);
		return new ColumnSummary(name, ColumnType.STRING, hasMultipleValues(), this.hasNulls, this.dictionary.size(),
				bytes, this.dictionary.min(), this.dictionary.max());
	}

	private final class Cursor implements StringValues {

		private int[] last = new int[8];

		@Override
		public void readIds(int startRow, int count, int[] out) {
			requireSingleValue();
			if (startRow < 0 || count < 0 || startRow + count > InMemoryStringColumn.this.rows) {
				throw new IndexOutOfBoundsException("rows [" + startRow + ", " + (startRow + count) + ")");
			}
			System.arraycopy(InMemoryStringColumn.this.ids, startRow, out, 0, count);
		}

		@Override
		public void readIds(int[] rows, int count, int[] out) {
			requireSingleValue();
			int[] source = InMemoryStringColumn.this.ids;
			for (int i = 0; i < count; i++) {
				int row = rows[i];
				checkRow(row);
				out[i] = source[row];
			}
		}

		@Override
		public int getId(int row) {
			requireSingleValue();
			checkRow(row);
			return InMemoryStringColumn.this.ids[row];
		}

		@Override
		public int getIds(int row) {
			checkRow(row);
			InMemoryStringColumn column = InMemoryStringColumn.this;
			if (column.ids != null) {
				this.last[0] = column.ids[row];
				return 1;
			}
			int start = column.starts[row];
			int count = column.starts[row + 1] - start;
			if (count > this.last.length) {
				this.last = Arrays.copyOf(this.last, Math.max(count, this.last.length * 2));
			}
			System.arraycopy(column.values, start, this.last, 0, count);
			return count;
		}

		@Override
		public int[] lastIds() {
			return this.last;
		}

		private void checkRow(int row) {
			if (row < 0 || row >= InMemoryStringColumn.this.rows) {
				throw new IndexOutOfBoundsException("row " + row + " of " + InMemoryStringColumn.this.rows);
			}
		}

		private void requireSingleValue() {
			if (hasMultipleValues()) {
				throw new IllegalStateException("column is multi-value");
			}
		}

	}

}
