package io.strata.engine.segment.memory;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.type.ColumnType;

/**
 * A column of serialized sketches, one array per row (null for none), built by {@link
 * SketchColumnBuilder}. Immutable and thread-safe; cursors are not.
 */
public final class InMemorySketchColumn implements SketchColumn, InMemoryColumn {

	private final ColumnType type;

	private final SketchCodec codec;

	private final byte[][] values;

	InMemorySketchColumn(AggregatorSpec aggregator, byte[][] values) {
		this.type = aggregator.storedType();
		this.codec = new SketchCodec(aggregator);
		this.values = values;
	}

	@Override
	public ColumnType type() {
		return this.type;
	}

	@Override
	public int rowCount() {
		return this.values.length;
	}

	@Override
	public SketchValues open() {
		return new Cursor();
	}

	@Override
	public ColumnSummary summary(String name) {
		boolean hasNulls = false;
		long bytes = 16L + 8L * this.values.length;
		for (byte[] value : this.values) {
			hasNulls |= value == null;
			bytes += value == null ? 0 : 16 + value.length;
		}
		return new ColumnSummary(name, this.type, false, hasNulls, -1, bytes, null, null);
	}

	private final class Cursor implements SketchValues {

		@Override
		public byte[] getBytes(int row) {
			byte[][] values = InMemorySketchColumn.this.values;
			if (row < 0 || row >= values.length) {
				throw new IndexOutOfBoundsException("row " + row + " of " + values.length);
			}
			// a copy, as the persisted column hands out: callers may keep or change it
			return values[row] == null ? null : values[row].clone();
		}

		@Override
		public Object getSketch(int row) {
			byte[][] values = InMemorySketchColumn.this.values;
			if (row < 0 || row >= values.length) {
				throw new IndexOutOfBoundsException("row " + row + " of " + values.length);
			}
			return values[row] == null ? null : InMemorySketchColumn.this.codec.deserialize(values[row]);
		}

	}

}
