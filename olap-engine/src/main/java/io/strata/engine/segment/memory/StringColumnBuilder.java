package io.strata.engine.segment.memory;

import io.strata.engine.segment.column.Utf8Order;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of a string column in row order and builds an {@link InMemoryStringColumn}
 * encoded as {@code StringColumnWriter} encodes it: a dictionary of the values rows hold, sorted
 * by UTF-8 bytes with null first at id 0 when some row is null, and one bitmap per id.
 * <p>
 * As in Druid, an empty list is a null row and a one-element list is that single value; the
 * column is multi-value when some row holds two or more values. A multi-value row keeps its
 * values in the order given, duplicates included; a null element of such a row holds the null id.
 * Single-threaded; {@link #build()} may be called more than once.
 */
public final class StringColumnBuilder {

	/** Local id of null; values get local ids from 1 in arrival order. */
	private static final int NULL = 0;

	private final Map<String, Integer> localIds = new HashMap<>();

	private String[] localValues = new String[16];

	private int localCount = 1;

	/** Row {@code r} holds {@code values[starts[r] .. starts[r + 1])}; a null row holds none. */
	private int[] starts = new int[1025];

	private int[] values = new int[1024];

	private int valueCount;

	private int rows;

	private boolean multiValue;

	private boolean sawNull;

	/** Adds a single-value row; null is a null row. */
	public StringColumnBuilder add(String value) {
		if (value == null) {
			this.sawNull = true;
		}
		else {
			appendValue(localId(value));
		}
		endRow();
		return this;
	}

	/** Adds a row of zero (null), one or more values; null elements are the null value. */
	public StringColumnBuilder addMulti(List<String> rowValues) {
		int size = rowValues.size();
		if (size <= 1) {
			return add(size == 0 ? null : rowValues.getFirst());
		}
		for (String value : rowValues) {
			if (value == null) {
				this.sawNull = true;
				appendValue(NULL);
			}
			else {
				appendValue(localId(value));
			}
		}
		this.multiValue = true;
		endRow();
		return this;
	}

	public int rowCount() {
		return this.rows;
	}

	public InMemoryStringColumn build() {
		int distinct = this.localCount - 1;
		Integer[] byValue = new Integer[distinct];
		for (int i = 0; i < distinct; i++) {
			byValue[i] = i + 1;
		}
		Arrays.sort(byValue, (a, b) -> Utf8Order.INSTANCE.compare(this.localValues[a], this.localValues[b]));
		int shift = this.sawNull ? 1 : 0;
		int[] rank = new int[this.localCount];
		String[] sorted = new String[distinct];
		for (int i = 0; i < distinct; i++) {
			rank[byValue[i]] = i + shift;
			sorted[i] = this.localValues[byValue[i]];
		}
		int cardinality = distinct + shift;
		MutableRoaringBitmap[] bitmaps = new MutableRoaringBitmap[cardinality];
		for (int id = 0; id < cardinality; id++) {
			bitmaps[id] = new MutableRoaringBitmap();
		}
		InMemoryStringDictionary dictionary = new InMemoryStringDictionary(sorted, this.sawNull);
		if (this.multiValue) {
			int[] ids = new int[this.valueCount];
			for (int i = 0; i < this.valueCount; i++) {
				ids[i] = rank[this.values[i]];
			}
			for (int row = 0; row < this.rows; row++) {
				int start = this.starts[row];
				int end = this.starts[row + 1];
				if (start == end) {
					bitmaps[0].add(row);
				}
				for (int i = start; i < end; i++) {
					bitmaps[ids[i]].add(row);
				}
			}
			return new InMemoryStringColumn(dictionary, optimized(bitmaps), null,
					Arrays.copyOf(this.starts, this.rows + 1), ids, this.sawNull);
		}
		int[] ids = new int[this.rows];
		for (int row = 0; row < this.rows; row++) {
			// a single-value row holds one value, or none when null (id 0)
			ids[row] = this.starts[row] == this.starts[row + 1] ? 0 : rank[this.values[this.starts[row]]];
			bitmaps[ids[row]].add(row);
		}
		return new InMemoryStringColumn(dictionary, optimized(bitmaps), ids, null, null, this.sawNull);
	}

	private static MutableRoaringBitmap[] optimized(MutableRoaringBitmap[] bitmaps) {
		for (MutableRoaringBitmap bitmap : bitmaps) {
			bitmap.runOptimize();
		}
		return bitmaps;
	}

	private int localId(String value) {
		Integer id = this.localIds.get(value);
		if (id != null) {
			return id;
		}
		if (this.localCount == this.localValues.length) {
			this.localValues = Arrays.copyOf(this.localValues, this.localCount * 2);
		}
		this.localValues[this.localCount] = value;
		this.localIds.put(value, this.localCount);
		return this.localCount++;
	}

	private void appendValue(int localId) {
		if (this.valueCount == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.valueCount * 2);
		}
		this.values[this.valueCount++] = localId;
	}

	private void endRow() {
		this.rows++;
		if (this.rows + 1 > this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, this.starts.length * 2);
		}
		this.starts[this.rows] = this.valueCount;
	}

}
