package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.encoding.BitmapPartReader;
import io.strata.engine.segment.encoding.BlockPartReader;
import io.strata.engine.segment.encoding.DictionaryPartReader;
import io.strata.engine.segment.encoding.NumericBlockCodec;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/** Reads a column written by {@link StringColumnWriter}. Thread-safe; cursors are not. */
final class MappedStringColumn implements StringColumn {

	private static final int BLOCK = SegmentFormat.ROWS_PER_BLOCK;

	private final MappedSegment segment;

	private final ColumnSummary summary;

	private final int rows;

	private final Dictionary dictionary;

	private final BitmapPartReader bitmaps;

	private final BlockPartReader rowBlocks;

	private final BlockPartReader valueBlocks;

	private final MemorySegment valueStarts;

	private final long totalValues;

	MappedStringColumn(MappedSegment segment, ColumnSummary summary, Map<String, PartLocation> parts) {
		this.segment = segment;
		this.summary = summary;
		this.rows = (int) segment.metadata().numRows();
		String name = summary.name();
		DictionaryPartReader values = new DictionaryPartReader(segment.part(name, "dictionary"));
		boolean hasNull = summary.cardinality() == values.size() + 1;
		if (!hasNull && summary.cardinality() != values.size()) {
			throw segment.corrupt(name, "dictionary size does not match its cardinality");
		}
		this.dictionary = new Dictionary(values, hasNull);
		this.bitmaps = new BitmapPartReader(segment.part(name, "bitmaps"));
		if (this.bitmaps.size() != summary.cardinality()) {
			throw segment.corrupt(name, "has " + this.bitmaps.size() + " bitmaps for " + summary.cardinality() + " values");
		}
		int expectedBlocks = (this.rows + BLOCK - 1) / BLOCK;
		if (summary.hasMultipleValues()) {
			this.rowBlocks = new BlockPartReader(segment.part(name, "counts"));
			this.valueBlocks = new BlockPartReader(segment.part(name, "values"));
			this.valueStarts = segment.part(name, "valueStarts");
			if (this.valueStarts.byteSize() != 8L * expectedBlocks) {
				throw segment.corrupt(name, "value starts do not match the row blocks");
			}
		}
		else {
			this.rowBlocks = new BlockPartReader(segment.part(name, "ids"));
			this.valueBlocks = null;
			this.valueStarts = null;
		}
		if (this.rowBlocks.blockCount() != expectedBlocks) {
			throw segment.corrupt(name, "has " + this.rowBlocks.blockCount() + " blocks for " + this.rows + " rows");
		}
		this.totalValues = this.valueStarts == null || this.rows == 0 ? 0 : countValues(expectedBlocks - 1);
		if (this.valueBlocks != null
				&& this.valueBlocks.blockCount() != (int) ((this.totalValues + BLOCK - 1) / BLOCK)) {
			throw segment.corrupt(name, "has " + this.valueBlocks.blockCount() + " value blocks for "
					+ this.totalValues + " values");
		}
	}

	private long countValues(int lastBlock) {
		int count = this.rows - lastBlock * BLOCK;
		long[] counts = new long[BLOCK];
		NumericBlockCodec.decodeLongs(this.rowBlocks.decode(lastBlock, new byte[BLOCK * 8 + 64]), count, counts,
				new long[NumericBlockCodec.maxWords(BLOCK)]);
		long total = this.valueStarts.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
				8L * lastBlock);
		for (int i = 0; i < count; i++) {
			total += counts[i];
		}
		return total;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	@Override
	public boolean hasMultipleValues() {
		return this.summary.hasMultipleValues();
	}

	@Override
	public StringDictionary dictionary() {
		return this.dictionary;
	}

	@Override
	public ImmutableRoaringBitmap bitmap(int id) {
		// an id outside the dictionary is the caller's mistake, not a corrupt segment
		java.util.Objects.checkIndex(id, this.bitmaps.size());
		return this.segment.guarded(this.summary.name(), () -> this.bitmaps.get(id));
	}

	@Override
	public StringValues open() {
		return new Cursor();
	}

	private final class Dictionary implements StringDictionary {

		private final DictionaryPartReader values;

		private final boolean hasNull;

		Dictionary(DictionaryPartReader values, boolean hasNull) {
			this.values = values;
			this.hasNull = hasNull;
		}

		@Override
		public int size() {
			return this.values.size() + (this.hasNull ? 1 : 0);
		}

		@Override
		public boolean hasNull() {
			return this.hasNull;
		}

		@Override
		public String get(int id) {
			java.util.Objects.checkIndex(id, size());
			if (this.hasNull) {
				return id == 0 ? null
						: MappedStringColumn.this.segment.guarded(MappedStringColumn.this.summary.name(),
								() -> this.values.get(id - 1));
			}
			return MappedStringColumn.this.segment.guarded(MappedStringColumn.this.summary.name(),
					() -> this.values.get(id));
		}

		@Override
		public int indexOf(String value) {
			if (value == null) {
				return this.hasNull ? 0 : -1;
			}
			int index = this.values.indexOf(value);
			int shift = this.hasNull ? 1 : 0;
			return index >= 0 ? index + shift : index - shift;
		}

	}

	private final class Cursor implements StringValues {

		private final byte[] decodeBuffer = new byte[BLOCK * 8 + 64];

		private final long[] words = new long[NumericBlockCodec.maxWords(BLOCK)];

		private final long[] rowValues = new long[BLOCK];

		private final long[] rowStarts = new long[BLOCK + 1];

		private final long[] values = new long[BLOCK];

		private int currentRowBlock = -1;

		private int currentValueBlock = -1;

		private int[] ids = new int[8];

		private void loadRows(int block) {
			if (block == this.currentRowBlock) {
				return;
			}
			MappedStringColumn column = MappedStringColumn.this;
			column.segment.guarded(column.summary.name(), () -> {
				int count = Math.min(BLOCK, column.rows - block * BLOCK);
				ByteBuffer decoded = column.rowBlocks.decode(block, this.decodeBuffer);
				NumericBlockCodec.decodeLongs(decoded, count, this.rowValues, this.words);
				if (column.valueStarts != null) {
					long start = column.valueStarts.get(
							ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8L * block);
					this.rowStarts[0] = start;
					for (int i = 0; i < count; i++) {
						this.rowStarts[i + 1] = this.rowStarts[i] + this.rowValues[i];
					}
				}
				return null;
			});
			this.currentRowBlock = block;
		}

		private long loadValue(long index) {
			int block = (int) (index >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
			if (block != this.currentValueBlock) {
				MappedStringColumn column = MappedStringColumn.this;
				column.segment.guarded(column.summary.name(), () -> {
					int count = (int) Math.min(BLOCK, column.totalValues - (long) block * BLOCK);
					ByteBuffer decoded = column.valueBlocks.decode(block, this.decodeBuffer);
					NumericBlockCodec.decodeLongs(decoded, count, this.values, this.words);
					return null;
				});
				this.currentValueBlock = block;
			}
			return this.values[(int) (index & (BLOCK - 1))];
		}

		@Override
		public void readIds(int startRow, int count, int[] out) {
			requireSingleValue();
			if (startRow < 0 || count < 0 || startRow + count > MappedStringColumn.this.rows) {
				throw new IndexOutOfBoundsException("rows [" + startRow + ", " + (startRow + count) + ")");
			}
			int done = 0;
			while (done < count) {
				int row = startRow + done;
				loadRows(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
				int inBlock = row & (BLOCK - 1);
				int take = Math.min(count - done, BLOCK - inBlock);
				for (int i = 0; i < take; i++) {
					out[done + i] = (int) this.rowValues[inBlock + i];
				}
				done += take;
			}
		}

		@Override
		public void readIds(int[] rows, int count, int[] out) {
			requireSingleValue();
			if (count == 0) {
				return;
			}
			checkRow(rows[0]);
			checkRow(rows[count - 1]);
			int i = 0;
			while (i < count) {
				int block = rows[i] >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				loadRows(block);
				int blockEnd = (block + 1) << SegmentFormat.ROWS_PER_BLOCK_SHIFT;
				// ascending rows: those of one block in a tight loop, one decode
				for (; i < count && rows[i] < blockEnd; i++) {
					out[i] = (int) this.rowValues[rows[i] & (BLOCK - 1)];
				}
			}
		}

		@Override
		public int getId(int row) {
			requireSingleValue();
			checkRow(row);
			loadRows(row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT);
			return (int) this.rowValues[row & (BLOCK - 1)];
		}

		@Override
		public int getIds(int row) {
			checkRow(row);
			if (!hasMultipleValues()) {
				this.ids[0] = getId(row);
				return 1;
			}
			int block = row >>> SegmentFormat.ROWS_PER_BLOCK_SHIFT;
			loadRows(block);
			int inBlock = row & (BLOCK - 1);
			long start = this.rowStarts[inBlock];
			int count = (int) this.rowValues[inBlock];
			if (count > this.ids.length) {
				this.ids = Arrays.copyOf(this.ids, Math.max(count, this.ids.length * 2));
			}
			for (int i = 0; i < count; i++) {
				this.ids[i] = (int) loadValue(start + i);
			}
			return count;
		}

		@Override
		public int[] lastIds() {
			return this.ids;
		}

		private void checkRow(int row) {
			if (row < 0 || row >= MappedStringColumn.this.rows) {
				throw new IndexOutOfBoundsException("row " + row + " of " + MappedStringColumn.this.rows);
			}
		}

		private void requireSingleValue() {
			if (hasMultipleValues()) {
				throw new IllegalStateException("column " + MappedStringColumn.this.summary.name() + " is multi-value");
			}
		}

	}

}
