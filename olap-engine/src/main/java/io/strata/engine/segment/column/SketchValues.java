package io.strata.engine.segment.column;

/** A cursor over a sketch column. Not thread-safe. */
public interface SketchValues {

	/** The serialized sketch of a row (DataSketches' compact form), or null when the row has none. */
	byte[] getBytes(int row);

	/**
	 * A 64-bit hash of the row's serialized bytes, never 0 for a row with a sketch, 0 for a row
	 * without one. Equal bytes give equal fingerprints; different bytes collide with probability
	 * about 2^-64 per pair. Lets a query skip sketches it has already folded into an idempotent
	 * union without copying the bytes.
	 */
	default long fingerprint(int row) {
		byte[] bytes = getBytes(row);
		if (bytes == null) {
			return 0;
		}
		return SketchFingerprint.of(java.nio.ByteBuffer.wrap(bytes), 0, bytes.length);
	}

	/** The sketch of a row, deserialized: an {@code HllSketch}, {@code CompactThetaSketch} or quantiles sketch. */
	Object getSketch(int row);

}
