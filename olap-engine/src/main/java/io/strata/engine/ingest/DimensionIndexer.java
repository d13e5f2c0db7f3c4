package io.strata.engine.ingest;

/**
 * Encodes the values of one dimension of an incremental index as int slots, so that a row's key
 * is a fixed-width array of ints. Slot 0 is always null. Written only by the index's writer
 * thread, under its write lock; read under its read lock.
 */
sealed interface DimensionIndexer permits StringDimensionIndexer, NumericDimensionIndexer {

	DimensionSchema schema();

	/**
	 * @return the slot of {@code value}, adding it when new
	 * @throws IllegalArgumentException when the value cannot be a value of this dimension
	 */
	int encode(Object value);

	/** The value a slot stands for: String, List of String, Long, Double, Float or null. */
	Object decode(int slot);

	/** Distinct slots handed out, null included. */
	int slotCount();

	/** Rough heap bytes held by the encoding tables. */
	long estimatedBytes();

}
