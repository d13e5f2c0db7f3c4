package io.strata.engine.segment.format;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.column.ColumnType;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.encoding.BlockPartReader;

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

		private int currentBlock = -1;

		@Override
		public byte[] getBytes(int row) {
			MappedSketchColumn column = MappedSketchColumn.this;
			if (row < 0 || row >= column.rows) {
				throw new IndexOutOfBoundsException("row " + row + " of " + column.rows);
			}
			return column.segment.guarded(column.summary.name(), () -> {
				int blockIndex = row >>> SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT;
				if (blockIndex != this.currentBlock) {
					int length = column.blocks.decodedLength(blockIndex);
					if (length > this.buffer.length) {
						this.buffer = new byte[length];
					}
					this.block = column.blocks.decode(blockIndex, this.buffer);
					this.currentBlock = blockIndex;
				}
				int count = this.block.getInt(0);
				int inBlock = row & ((1 << SegmentFormat.SKETCH_ROWS_PER_BLOCK_SHIFT) - 1);
				if (inBlock >= count) {
					throw new IllegalStateException("sketch block " + blockIndex + " is short");
				}
				int dataStart = 4 + 4 * (count + 1);
				int start = this.block.getInt(4 + 4 * inBlock);
				int end = this.block.getInt(4 + 4 * (inBlock + 1));
				if (start < 0 || end < start || dataStart + end > this.block.limit()) {
					throw new IllegalStateException("sketch offsets out of range in block " + blockIndex);
				}
				if (end == start) {
					return null;
				}
				byte[] bytes = new byte[end - start];
				this.block.get(dataStart + start, bytes);
				return bytes;
			});
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
