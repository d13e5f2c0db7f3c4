package io.strata.engine.segment.column;

/** A cursor over a sketch column. Not thread-safe. */
public interface SketchValues {

	/** The serialized sketch of a row (DataSketches' compact form), or null when the row has none. */
	byte[] getBytes(int row);

	/** The sketch of a row, deserialized: an {@code HllSketch}, {@code CompactThetaSketch} or quantiles sketch. */
	Object getSketch(int row);

}
