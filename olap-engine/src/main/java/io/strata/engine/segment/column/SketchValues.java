package io.strata.engine.segment.column;

import java.lang.foreign.MemorySegment;

/** A cursor over a sketch column. Not thread-safe. */
public interface SketchValues {

	/** The serialized sketch of a row (DataSketches' compact form), or null when the row has none. */
	byte[] getBytes(int row);

	/**
	 * The serialized sketch of a row as a read-only view, or null when the row has none. Unlike
	 * {@link #getBytes} it need not copy: the view may cover the cursor's own decoded buffer, so
	 * it is valid only until the next call on this cursor. For readers that fold many rows and
	 * keep none of them.
	 */
	default MemorySegment viewBytes(int row) {
		byte[] bytes = getBytes(row);
		return bytes == null ? null : MemorySegment.ofArray(bytes).asReadOnly();
	}

	/** The sketch of a row, deserialized: an {@code HllSketch}, {@code CompactThetaSketch} or quantiles sketch. */
	Object getSketch(int row);

}
