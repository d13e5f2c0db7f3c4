package io.strata.engine.segment.memory;

import io.strata.engine.aggregation.AggregatorSpec;

import java.util.Arrays;

/**
 * Collects the serialized sketches of a sketch metric in row order and builds an {@link
 * InMemorySketchColumn}. As in the persisted column, an empty array is the same as null: a row
 * without a sketch. Single-threaded; {@link #build()} may be called more than once.
 */
public final class SketchColumnBuilder {

	private final AggregatorSpec aggregator;

	private byte[][] values = new byte[1024][];

	private int rows;

	/** @param aggregator the sketch aggregator whose sketches the column holds */
	public SketchColumnBuilder(AggregatorSpec aggregator) {
		if (!aggregator.storedType().isSketch()) {
			throw new IllegalArgumentException("not a sketch aggregator: " + aggregator.name());
		}
		this.aggregator = aggregator;
	}

	public int rowCount() {
		return this.rows;
	}

	/** @param serialized the compact bytes of the row's sketch (not copied), or null for none */
	public SketchColumnBuilder add(byte[] serialized) {
		if (this.rows == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.rows * 2);
		}
		this.values[this.rows++] = serialized == null || serialized.length == 0 ? null : serialized;
		return this;
	}

	public InMemorySketchColumn build() {
		return new InMemorySketchColumn(this.aggregator, Arrays.copyOf(this.values, this.rows));
	}

}
