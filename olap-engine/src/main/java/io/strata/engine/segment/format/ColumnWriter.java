package io.strata.engine.segment.format;

/**
 * Accepts the values of one column, row by row in segment order, and encodes them. Each
 * implementation documents its parts; {@link SegmentWriter} places them in the file.
 */
public sealed interface ColumnWriter permits NumericColumnWriter, StringColumnWriter, SketchColumnWriter {

	String name();

	/** Rows written so far. */
	int rowCount();

	/** Finishes the column; no row may be added afterwards. */
	ColumnParts finish();

}
