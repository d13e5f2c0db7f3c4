package io.strata.engine.segment.column;

/**
 * A cursor over a numeric column that decodes one block at a time. Batch reads are the fast
 * path; single-row reads decode the row's block when it is not the current one. Null rows read
 * as 0 (check {@link NumericColumn#nullRows()}). Not thread-safe.
 */
public interface NumericValues {

	/** Reads {@code count} values from {@code startRow} into {@code out[0..count)}. */
	void readLongs(int startRow, int count, long[] out);

	void readDoubles(int startRow, int count, double[] out);

	/**
	 * Reads the values of selected rows, {@code rows[0..count)} ascending (as a bitmap's batch
	 * iterator yields them), into {@code out[0..count)}: each block is decoded once.
	 */
	void readLongs(int[] rows, int count, long[] out);

	void readDoubles(int[] rows, int count, double[] out);

	long getLong(int row);

	double getDouble(int row);

	default float getFloat(int row) {
		return (float) getDouble(row);
	}

}
