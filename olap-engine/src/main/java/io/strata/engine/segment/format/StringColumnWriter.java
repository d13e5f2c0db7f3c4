package io.strata.engine.segment.format;

import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.encoding.BitmapPartWriter;
import io.strata.engine.segment.encoding.BlockPartWriter;
import io.strata.engine.segment.encoding.ByteSink;
import io.strata.engine.segment.encoding.DictionaryPartWriter;
import io.strata.engine.segment.encoding.NumericBlockCodec;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a dictionary-encoded string column. Column ids are dense: when the column has nulls id
 * 0 is null and dictionary entry {@code i} has id {@code i + 1}. Parts:
 * <ul>
 * <li>{@code dictionary}: the sorted non-null values ({@link DictionaryPartWriter});</li>
 * <li>single-value: {@code ids}, blocks of {@link SegmentFormat#ROWS_PER_BLOCK} ids, bit-packed
 * at the width of the largest id ({@link NumericBlockCodec}) and LZ4-compressed;</li>
 * <li>multi-value: {@code counts} (values per row, blocked like ids), {@code valueStarts} (a plain
 * part of one long per row block: the index of the block's first value) and {@code values} (all
 * rows' ids back to back, blocked by {@link SegmentFormat#ROWS_PER_BLOCK} values). A row with no
 * value is null;</li>
 * <li>{@code bitmaps}: one roaring bitmap per id, the rows holding it ({@link BitmapPartWriter}).</li>
 * </ul>
 */
public final class StringColumnWriter implements ColumnWriter {

	private static final int BLOCK = SegmentFormat.ROWS_PER_BLOCK;

	private final String name;

	private final List<String> dictionary;

	private final boolean hasNull;

	private final boolean multiValue;

	private final int cardinality;

	/** Every (id, row) pair in row order, turned into one bitmap per id at the end. */
	private int[] pairIds = new int[1024];

	private int[] pairRows = new int[1024];

	private int pairs;

	private final BlockPartWriter idBlocks = new BlockPartWriter();

	private final BlockPartWriter valueBlocks = new BlockPartWriter();

	private final ByteSink valueStarts = new ByteSink();

	private final long[] rowBuffer = new long[BLOCK];

	private final long[] valueBuffer = new long[BLOCK];

	private final ByteSink scratch = new ByteSink(BLOCK * 8 + 64);

	private int inBlock;

	private int valuesInBlock;

	private long valuesWritten;

	private int rows;

	private boolean sawNull;

	/**
	 * @param sortedValues the non-null values, distinct and sorted by UTF-8 bytes
	 * @param hasNull whether id 0 is null
	 */
	public StringColumnWriter(String name, List<String> sortedValues, boolean hasNull, boolean multiValue) {
		this.name = name;
		this.dictionary = List.copyOf(sortedValues);
		this.hasNull = hasNull;
		this.multiValue = multiValue;
		this.cardinality = this.dictionary.size() + (hasNull ? 1 : 0);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	/** Adds a single-value row. */
	public void addId(int id) {
		checkId(id);
		beginRow();
		if (this.multiValue) {
			this.rowBuffer[this.inBlock] = 1;
			addValue(id);
		}
		else {
			this.rowBuffer[this.inBlock] = id;
		}
		addPair(id);
		this.sawNull |= this.hasNull && id == 0;
		advanceRow();
	}

	/** Adds a row of a multi-value column; zero ids means null. */
	public void addIds(int[] ids, int count) {
		if (!this.multiValue) {
			if (count != 1) {
				throw new IllegalStateException("column " + this.name + " is single-value");
			}
			addId(ids[0]);
			return;
		}
		beginRow();
		if (count == 0) {
			if (!this.hasNull) {
				throw new IllegalStateException("column " + this.name + " has no null id for an empty row");
			}
			this.rowBuffer[this.inBlock] = 0;
			addPair(0);
			this.sawNull = true;
			advanceRow();
			return;
		}
		this.rowBuffer[this.inBlock] = count;
		for (int i = 0; i < count; i++) {
			checkId(ids[i]);
			addValue(ids[i]);
			if (i == 0 || ids[i] != ids[i - 1]) {
				addPair(ids[i]);
			}
		}
		advanceRow();
	}

	private void addPair(int id) {
		if (this.pairs == this.pairIds.length) {
			this.pairIds = java.util.Arrays.copyOf(this.pairIds, this.pairs * 2);
			this.pairRows = java.util.Arrays.copyOf(this.pairRows, this.pairs * 2);
		}
		this.pairIds[this.pairs] = id;
		this.pairRows[this.pairs] = this.rows;
		this.pairs++;
	}

	/** Builds the bitmaps with a counting sort of the pairs by id: rows stay in order within an id. */
	private List<RoaringBitmap> buildBitmaps() {
		int[] starts = new int[this.cardinality + 1];
		for (int i = 0; i < this.pairs; i++) {
			starts[this.pairIds[i] + 1]++;
		}
		for (int id = 0; id < this.cardinality; id++) {
			starts[id + 1] += starts[id];
		}
		int[] rowsById = new int[this.pairs];
		int[] next = java.util.Arrays.copyOf(starts, this.cardinality);
		for (int i = 0; i < this.pairs; i++) {
			rowsById[next[this.pairIds[i]]++] = this.pairRows[i];
		}
		List<RoaringBitmap> bitmaps = new ArrayList<>(this.cardinality);
		for (int id = 0; id < this.cardinality; id++) {
			RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().runCompress(true).get();
			for (int i = starts[id]; i < starts[id + 1]; i++) {
				writer.add(rowsById[i]);
			}
			bitmaps.add(writer.get());
		}
		return bitmaps;
	}

	private void checkId(int id) {
		if (id < 0 || id >= this.cardinality) {
			throw new IllegalStateException("id " + id + " out of the dictionary of column " + this.name);
		}
	}

	private void addValue(int id) {
		if (this.valuesInBlock == BLOCK) {
			flushValues();
		}
		this.valueBuffer[this.valuesInBlock++] = id;
		this.valuesWritten++;
	}

	private void advanceRow() {
		this.rows++;
		this.inBlock++;
		if (this.inBlock == BLOCK) {
			flushRows();
		}
	}

	private void flushRows() {
		if (this.inBlock == 0) {
			return;
		}
		this.scratch.clear();
		NumericBlockCodec.encodeLongs(this.rowBuffer, this.inBlock, false, this.scratch);
		this.idBlocks.addBlock(this.scratch);
		this.inBlock = 0;
	}

	private void flushValues() {
		if (this.valuesInBlock == 0) {
			return;
		}
		this.scratch.clear();
		NumericBlockCodec.encodeLongs(this.valueBuffer, this.valuesInBlock, false, this.scratch);
		this.valueBlocks.addBlock(this.scratch);
		this.valuesInBlock = 0;
	}

	@Override
	public ColumnParts finish() {
		flushRows();
		ColumnParts parts = new ColumnParts();
		ByteSink dictionaryPart = new ByteSink();
		DictionaryPartWriter.write(this.dictionary, dictionaryPart);
		parts.addPlain("dictionary", dictionaryPart);
		if (this.multiValue) {
			flushValues();
			parts.addBlocks("counts", this.idBlocks);
			parts.addPlain("valueStarts", this.valueStarts);
			parts.addBlocks("values", this.valueBlocks);
		}
		else {
			parts.addBlocks("ids", this.idBlocks);
		}
		ByteSink bitmapPart = new ByteSink();
		BitmapPartWriter.write(buildBitmaps(), bitmapPart);
		parts.addPlain("bitmaps", bitmapPart);
		String min = this.dictionary.isEmpty() ? null : this.dictionary.getFirst();
		String max = this.dictionary.isEmpty() ? null : this.dictionary.getLast();
		parts.summary = new ColumnSummary(this.name, ColumnType.STRING, this.multiValue, this.sawNull,
				this.cardinality, parts.sizeBytes(), min, max);
		return parts;
	}

	/** Multi-value columns record where each row block's values start, before its first row. */
	private void beginRow() {
		if (this.multiValue && this.inBlock == 0) {
			this.valueStarts.writeLong(this.valuesWritten);
		}
	}

}
