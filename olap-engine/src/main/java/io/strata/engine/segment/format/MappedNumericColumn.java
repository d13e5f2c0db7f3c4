package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.encoding.BitmapPartReader;
import io.strata.engine.segment.encoding.BlockPartReader;
import io.strata.engine.segment.encoding.NumericBlockCodec;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.nio.ByteBuffer;
import java.util.Map;

/** Reads a column written by {@link NumericColumnWriter}. Thread-safe; cursors are not. */
final class MappedNumericColumn implements NumericColumn {

	private static final int BLOCK = SegmentFormat.ROWS_PER_BLOCK;

	private final MappedSegment segment;

	private final ColumnSummary summary;

	private final BlockPartReader blocks;

	private final ImmutableRoaringBitmap nulls;

	private final int rows;

	private final int formatVersion;

	MappedNumericColumn(MappedSegment segment, ColumnSummary summary, Map<String, PartLocation> parts) {
		this.segment = segment;
		this.summary = summary;
		this.rows = (int) segment.metadata().numRows();
		this.formatVersion = segment.metadata().formatVersion();
		this.blocks = new BlockPartReader(segment.part(summary.name(), "values"));
		if (this.blocks.blockCount() != (this.rows + BLOCK - 1) / BLOCK) {
			throw segment.corrupt(summary.name(), "has " + this.blocks.blockCount() + " blocks for " + this.rows + " rows");
		}
		this.nulls = parts.containsKey("nulls")
				? new BitmapPartReader(segment.part(summary.name(), "nulls")).get(0) : new MutableRoaringBitmap();
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
	public ImmutableRoaringBitmap nullRows() {
		return this.nulls;
	}

	@Override
	public NumericValues open() {
		return new Cursor();
	}

	private final class Cursor implements NumericValues {

		private final byte[] decodeBuffer = new byte[BLOCK * 8 + 64];

		// only the arrays the column's type decodes through: a query opens a cursor per column and
		// segment, so unused block arrays would be most of what it allocates

		/** Packed words (long columns, and double blocks of whole numbers); null for floats. */
		private final long[] words;

		/** Decoded longs (long columns, and double blocks of whole numbers); null for floats. */
		private final long[] longs;

		/** Decoded doubles; null unless the column holds doubles. */
		private final double[] doubles;

		/** Decoded floats; null unless the column holds floats. */
		private final float[] floats;

		Cursor() {
			ColumnType type = MappedNumericColumn.this.summary.type();
			boolean floatColumn = type == ColumnType.FLOAT;
			this.words = floatColumn ? null : new long[NumericBlockCodec.maxWords(BLOCK)];
			this.longs = floatColumn ? null : new long[BLOCK];
			this.doubles = type == ColumnType.DOUBLE ? new double[BLOCK] : null;
			this.floats = floatColumn ? new float[BLOCK] : null;
		}

		private int currentBlock = -1;

		/** The block whose packed words sit in {@link #words} undecoded, or -1. */
		private int packedBlock = -1;

		/** min, gcd, bits of {@link #packedBlock}. */
		private final long[] packedHeader = new long[3];

		private void load(int block) {
			if (block == this.currentBlock) {
				return;
			}
			this.packedBlock = -1;
			MappedSegment owner = MappedNumericColumn.this.segment;
			String name = MappedNumericColumn.this.summary.name();
			owner.guarded(name, () -> {
				int count = Math.min(BLOCK, MappedNumericColumn.this.rows - block * BLOCK);
				ByteBuffer decoded = MappedNumericColumn.this.blocks.decode(block, this.decodeBuffer);
				switch (MappedNumericColumn.this.summary.type()) {
					case LONG -> NumericBlockCodec.decodeLongs(decoded, count, this.longs, this.words);
					case DOUBLE -> NumericBlockCodec.decodeDoubles(decoded, count, this.doubles,
							MappedNumericColumn.this.formatVersion, this.longs, this.words);
					default -> NumericBlockCodec.decodeFloats(decoded, count, this.floats);
				}
				return null;
			});
			this.currentBlock = block;
		}

		/**
		 * Makes {@code block}'s packed words readable value by value without unpacking the block;
		 * false when its encoding does not allow random access (deltas) or it is not a long column.
		 */
		private boolean loadPacked(int block) {
			if (block == this.packedBlock) {
				return true;
			}
			if (MappedNumericColumn.this.summary.type() != ColumnType.LONG) {
				return false;
			}
			MappedSegment owner = MappedNumericColumn.this.segment;
			Boolean packed = owner.guarded(MappedNumericColumn.this.summary.name(), () -> {
				int count = Math.min(BLOCK, MappedNumericColumn.this.rows - block * BLOCK);
				ByteBuffer decoded = MappedNumericColumn.this.blocks.decode(block, this.decodeBuffer);
				return NumericBlockCodec.readPacked(decoded, count, this.packedHeader, this.words);
			});
			// the words scratch now holds this block, not the decoded one's source
			this.currentBlock = -1;
			this.packedBlock = packed ? block : -1;
			return packed;
		}

		/**
		 * Rows {@code rows[from, to)} all in {@code block}: when they are few, read them from the
		 * packed words (a quarter of the block or less: unpacking the rest would dominate).
		 * Returns false when the block must be decoded whole instead.
		 */
		private boolean gatherPacked(int block, int[] rows, int from, int to, long[] longs, double[] doubles) {
			if (block == this.currentBlock || (to - from) * 4 > BLOCK || !loadPacked(block)) {
				return false;
			}
			for (int i = from; i < to; i++) {
				long value = NumericBlockCodec.packedValue(this.packedHeader, this.words, rows[i] & (BLOCK - 1));
				if (longs != null) {
					longs[i] = value;
				}
				else {
					doubles[i] = value;
				}
			}
			return true;
		}

		private static int blockRunEnd(int[] rows, int from, int count, int blockEnd) {
			int end = from;
			while (end < count && rows[end] < blockEnd) {
				end++;
			}
			return end;
		}

		private void checkRows(int startRow, int count) {
			if (startRow < 0 || count < 0 || startRow + count > MappedNumericColumn.this.rows) {
				throw new IndexOutOfBoundsException("rows [" + startRow + ", " + (startRow + count) + ") of "
						+ MappedNumericColumn.this.rows);
			}
		}

		@Override
		public void readLongs(int startRow, int count, long[] out) {
			checkRows(startRow, count);
			int done = 0;
			while (done < count) {
				int row = startRow + done;
				load(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
				int inBlock = row & (BLOCK - 1);
				int take = Math.min(count - done, BLOCK - inBlock);
				switch (MappedNumericColumn.this.summary.type()) {
					case LONG -> System.arraycopy(this.longs, inBlock, out, done, take);
					case DOUBLE -> {
						for (int i = 0; i < take; i++) {
							out[done + i] = (long) this.doubles[inBlock + i];
						}
					}
					default -> {
						for (int i = 0; i < take; i++) {
							out[done + i] = (long) this.floats[inBlock + i];
						}
					}
				}
				done += take;
			}
		}

		@Override
		public void readDoubles(int startRow, int count, double[] out) {
			checkRows(startRow, count);
			int done = 0;
			while (done < count) {
				int row = startRow + done;
				load(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
				int inBlock = row & (BLOCK - 1);
				int take = Math.min(count - done, BLOCK - inBlock);
				switch (MappedNumericColumn.this.summary.type()) {
					case LONG -> {
						for (int i = 0; i < take; i++) {
							out[done + i] = this.longs[inBlock + i];
						}
					}
					case DOUBLE -> System.arraycopy(this.doubles, inBlock, out, done, take);
					default -> {
						for (int i = 0; i < take; i++) {
							out[done + i] = this.floats[inBlock + i];
						}
					}
				}
				done += take;
			}
		}

		@Override
		public void readLongs(int[] rows, int count, long[] out) {
			checkSelection(rows, count);
			int i = 0;
			while (i < count) {
				int block = rows[i] >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				int blockEnd = (block + 1) << SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				int runEnd = blockRunEnd(rows, i, count, blockEnd);
				if (gatherPacked(block, rows, i, runEnd, out, null)) {
					i = runEnd;
					continue;
				}
				load(block);
				// the rows of one block in a tight loop: one decode, no per-row checks
				switch (MappedNumericColumn.this.summary.type()) {
					case LONG -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = this.longs[rows[i] & (BLOCK - 1)];
						}
					}
					case DOUBLE -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = (long) this.doubles[rows[i] & (BLOCK - 1)];
						}
					}
					default -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = (long) this.floats[rows[i] & (BLOCK - 1)];
						}
					}
				}
			}
		}

		@Override
		public void readDoubles(int[] rows, int count, double[] out) {
			checkSelection(rows, count);
			int i = 0;
			while (i < count) {
				int block = rows[i] >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				int blockEnd = (block + 1) << SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				int runEnd = blockRunEnd(rows, i, count, blockEnd);
				if (gatherPacked(block, rows, i, runEnd, null, out)) {
					i = runEnd;
					continue;
				}
				load(block);
				switch (MappedNumericColumn.this.summary.type()) {
					case LONG -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = this.longs[rows[i] & (BLOCK - 1)];
						}
					}
					case DOUBLE -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = this.doubles[rows[i] & (BLOCK - 1)];
						}
					}
					default -> {
						for (; i < count && rows[i] < blockEnd; i++) {
							out[i] = this.floats[rows[i] & (BLOCK - 1)];
						}
					}
				}
			}
		}

		/** Ascending selections need only their ends checked. */
		private void checkSelection(int[] rows, int count) {
			if (count > 0) {
				checkRows(rows[0], 1);
				checkRows(rows[count - 1], 1);
				if (rows[count - 1] < rows[0]) {
					throw new IllegalArgumentException("selected rows must ascend");
				}
			}
		}

		@Override
		public long getLong(int row) {
			checkRows(row, 1);
			load(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
			int inBlock = row & (BLOCK - 1);
			return switch (MappedNumericColumn.this.summary.type()) {
				case LONG -> this.longs[inBlock];
				case DOUBLE -> (long) this.doubles[inBlock];
				default -> (long) this.floats[inBlock];
			};
		}

		@Override
		public double getDouble(int row) {
			checkRows(row, 1);
			load(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
			int inBlock = row & (BLOCK - 1);
			return switch (MappedNumericColumn.this.summary.type()) {
				case LONG -> this.longs[inBlock];
				case DOUBLE -> this.doubles[inBlock];
				default -> this.floats[inBlock];
			};
		}

		@Override
		public float getFloat(int row) {
			checkRows(row, 1);
			load(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
			int inBlock = row & (BLOCK - 1);
			return switch (MappedNumericColumn.this.summary.type()) {
				case LONG -> this.longs[inBlock];
				case DOUBLE -> (float) this.doubles[inBlock];
				default -> this.floats[inBlock];
			};
		}

	}

}
