package io.strata.engine.segment.column;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A dictionary-encoded string column, single- or multi-value, with one roaring bitmap per
 * dictionary id (the rows that hold that value). Thread-safe; cursors are per thread.
 */
public interface StringColumn {

	int rowCount();

	boolean hasMultipleValues();

	StringDictionary dictionary();

	/** The rows holding dictionary id {@code id}; mapped, not copied. */
	ImmutableRoaringBitmap bitmap(int id);

	StringValues open();

}
