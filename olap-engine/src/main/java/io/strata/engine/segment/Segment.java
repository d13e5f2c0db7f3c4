package io.strata.engine.segment;

import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.StringColumn;

/**
 * An immutable, queryable segment. Rows are sorted by time, then by dimension values. Column
 * readers are thread-safe; the cursors they open are not. Closing releases the mapped file:
 * nothing read from it may be used afterwards.
 */
public interface Segment extends AutoCloseable {

	/** The name of the time column in every segment. */
	String TIME_COLUMN = "__time";

	SegmentMetadata metadata();

	default SegmentId id() {
		return metadata().id();
	}

	default int numRows() {
		return (int) metadata().numRows();
	}

	/** The {@code __time} column: sorted epoch millis. */
	NumericColumn time();

	/** @throws io.strata.engine.error.StrataException COLUMN_NOT_FOUND, or naming the type it has */
	StringColumn stringColumn(String name);

	NumericColumn numericColumn(String name);

	SketchColumn sketchColumn(String name);

	@Override
	void close();

}
