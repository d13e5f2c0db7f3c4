package io.strata.engine.segment.column;

import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A long, float or double column (also {@code __time}). Thread-safe; each scanning thread opens
 * its own {@link NumericValues}.
 */
public interface NumericColumn {

	ColumnType type();

	int rowCount();

	/** Rows whose value is null; empty when the column has none. */
	ImmutableRoaringBitmap nullRows();

	NumericValues open();

}
