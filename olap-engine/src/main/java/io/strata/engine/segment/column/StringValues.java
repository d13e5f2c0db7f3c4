package io.strata.engine.segment.column;

/**
 * A cursor over the dictionary ids of a string column. For a single-value column each row has
 * exactly one id; for a multi-value column a row has zero (null) or more. Not thread-safe.
 */
public interface StringValues {

	/** Single-value columns: reads {@code count} ids from {@code startRow}. */
	void readIds(int startRow, int count, int[] out);

	/** Single-value columns: the ids of selected rows, {@code rows[0..count)} ascending. */
	void readIds(int[] rows, int count, int[] out);

	/** Single-value columns: the id of one row. */
	int getId(int row);

	/**
	 * Any column: copies the ids of {@code row} into {@code out} (grown if too small) and
	 * returns how many there are. Returns the array used through {@link #lastIds()}.
	 */
	int getIds(int row);

	/** The array filled by the last {@link #getIds(int)}. */
	int[] lastIds();

}
