package io.strata.engine.segment.memory;

import io.strata.engine.segment.ColumnSummary;

/** A column built in memory, able to summarize itself as the segment writer would. */
public sealed interface InMemoryColumn permits InMemoryStringColumn, InMemoryNumericColumn, InMemorySketchColumn {

	int rowCount();

	/**
	 * The summary the persisted writer computes for the same rows, with {@code sizeBytes} an
	 * estimate of the heap the column holds.
	 */
	ColumnSummary summary(String name);

}
