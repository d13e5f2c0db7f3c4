package io.strata.engine.ingest;

import java.util.List;

/**
 * The rows of an incremental index as {@link IndexRowOrder} reads them: times and dimension
 * slots in arrival order, and what the slots stand for. Implemented over a live {@link
 * IndexReader} (valid while it is open) and over an {@link IndexSnapshot} copy.
 */
interface IndexRows {

	int rowCount();

	List<DimensionSchema> dimensions();

	long time(int row);

	/** The slot of a dimension in a row; see {@link DimensionIndexer}. */
	int slot(int row, int dimension);

	/** Whether a dimension is a string one, with single-value ids and combinations. */
	boolean isString(int dimension);

	/** String dimensions: single values handed out, null (id 0) included. */
	int valueCount(int dimension);

	/** String dimensions: the value of a single-value id; id 0 is null. */
	String value(int dimension, int id);

	/** String dimensions: the ids of a multi-value slot (negative). */
	int[] combination(int dimension, int slot);

	/** Numeric dimensions: the number a slot stands for (Long, Float, Double) or null. */
	Object number(int dimension, int slot);

}
