package io.strata.engine.segment.format;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.encoding.BlockPartReader;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Map;

/** Reads a column written by {@link SketchColumnWriter}. Thread-safe; cursors are not. */
final class MappedSketchColumn implements SketchColumn {

	private final MappedSegment segment;

	private final ColumnSummary summary;

	private final BlockPartReader blocks;

	private final SketchCodec codec;

	private final int rows;

	MappedSketchColumn(MappedSegment segment, ColumnSummary summary, Map<String, PartLocation> parts,
			AggregatorSpec aggregator) {
		this.segment = segment;
		this.summary = summary;
		this.rows = (int) segment.metadata().numRows();
		this.blocks = new BlockPartReader(segment.part(summary.name(), "values"));
		int perBlock = 1 << SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT;
		if (this.blocks.blockCount() != (this.rows + perBlock - 1) / perBlock) {
			throw segment.corrupt(summary.name(), "has " + this.blocks.blockCount() + " blocks for " + this.rows + " rows");
		}
		this.codec = new SketchCodec(aggregator);
	}

	@Override
	public ColumnType type() {
		return this.summary.type();
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	@Override
	public SketchValues open() {
		return new Cursor();
	}

	private final class Cursor implements SketchValues {

		private byte[] buffer = new byte[1 << 16];

		private ByteBuffer block;

		/** The decoded block as a read-only segment, for {@link #viewBytes}. */
		private MemorySegment blockView;

		private int currentBlock = -1;

		/** Start of each row's bytes in the current block, from the stored lengths. */
		private final int[] starts = new int[(1 << SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT) + 1];

		private int count;

		/** Start and end of the positioned row's bytes in {@link #block}. */
		private int rowStart;

		private int rowEnd;

		private void position(int row) {
			MappedSketchColumn column = MappedSketchColumn.this;
			if (row < 0 || row >= column.rows) {
				throw new IndexOutOfBoundsException("row " + row + " of " + column.rows);
			}
			int blockIndex = row >>> SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT;
			if (blockIndex != this.currentBlock) {
				column.segment.guarded(column.summary.name(), () -> {
					load(blockIndex);
					return null;
				});
			}
			int inBlock = row & ((1 << SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT) - 1);
			if (inBlock >= this.count) {
				throw column.segment.corrupt(column.summary.name(), "sketch block " + blockIndex + " is short");
			}
			this.rowStart = this.starts[inBlock];
			this.rowEnd = this.starts[inBlock + 1];
		}

		private void load(int blockIndex) {
			MappedSketchColumn column = MappedSketchColumn.this;
			int length = column.blocks.decodedLength(blockIndex);
			if (length > this.buffer.length) {
				this.buffer = new byte[length];
			}
			this.currentBlock = -1;
			this.block = column.blocks.decode(blockIndex, this.buffer);
			this.blockView = MemorySegment.ofArray(this.buffer).asSlice(0, this.block.limit()).asReadOnly();
			this.count = this.block.getInt(0);
			if (this.count < 0 || this.count >= this.starts.length || 4 + 4L * this.count > this.block.limit()) {
				throw new IllegalStateException("sketch block " + blockIndex + " has a bad row count");
			}
			int dataStart = 4 + 4 * this.count;
			this.starts[0] = dataStart;
			for (int i = 0; i < this.count; i++) {
				int rowLength = this.block.getInt(4 + 4 * i);
				if (rowLength < 0 || this.starts[i] + (long) rowLength > this.block.limit()) {
					throw new IllegalStateException("sketch lengths out of range in block " + blockIndex);
				}
				this.starts[i + 1] = this.starts[i] + rowLength;
			}
			this.currentBlock = blockIndex;
		}

		@Override
		public byte[] getBytes(int row) {
			position(row);
			if (this.rowEnd == this.rowStart) {
				return null;
			}
			byte[] bytes = new byte[this.rowEnd - this.rowStart];
			this.block.get(this.rowStart, bytes);
			return bytes;
		}

		@Override
		public MemorySegment viewBytes(int row) {
			position(row);
			if (this.rowEnd == this.rowStart) {
				return null;
			}
			return this.blockView.asSlice(this.rowStart, this.rowEnd - this.rowStart);
		}

		@Override
		public Object getSketch(int row) {
			byte[] bytes = getBytes(row);
			if (bytes == null) {
				return null;
			}
			MappedSketchColumn column = MappedSketchColumn.this;
			return column.segment.guarded(column.summary.name(), () -> column.codec.deserialize(bytes));
		}

	}

}
