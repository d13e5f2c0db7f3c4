package io.strata.engine.segment.column;

import io.strata.engine.type.ColumnType;

/**
 * A column of serialized sketches (HLL, theta, quantiles). Thread-safe; cursors are per thread.
 */
public interface SketchColumn {

	ColumnType type();

	int rowCount();

	SketchValues open();

}
