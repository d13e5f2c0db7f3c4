package io.strata.engine.segment.column;

/**
 * A column of serialized sketches (HLL, theta, quantiles). Thread-safe; cursors are per thread.
 */
public interface SketchColumn {

	ColumnType type();

	int rowCount();

	SketchValues open();

}
