package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.input.InputRow;

import java.util.Arrays;

/**
 * HLL, theta and quantiles sketches, one per row, updated in place. Every row has a sketch (an
 * empty one when its inputs were null), as Druid stores an empty sketch rather than null.
 */
final class SketchMetricAccumulator implements MetricAccumulator {

	/** Rough bytes of a small sketch; sketches grow, so the estimate grows with updates too. */
	private static final int BASE_BYTES = 96;

	private final AggregatorSpec spec;

	private final SketchCodec codec;

	private final String field;

	private Object[] sketches = new Object[1024];

	private Object pending;

	private long updates;

	SketchMetricAccumulator(AggregatorSpec spec) {
		this.spec = spec;
		this.codec = new SketchCodec(spec);
		this.field = spec.inputFields().getFirst();
	}

	@Override
	public AggregatorSpec spec() {
		return this.spec;
	}

	SketchCodec codec() {
		return this.codec;
	}

	@Override
	public void prepare(InputRow row) {
		try {
			this.pending = this.codec.prepareInput(row.get(this.field));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("field[" + this.field + "] " + ex.getMessage());
		}
	}

	@Override
	public void apply(int row, boolean newRow) {
		if (row >= this.sketches.length) {
			this.sketches = Arrays.copyOf(this.sketches, Math.max(row + 1, this.sketches.length * 2));
		}
		if (newRow) {
			this.sketches[row] = this.codec.newSketch();
		}
		if (this.pending != null) {
			this.sketches[row] = this.codec.update(this.sketches[row], this.pending);
			this.updates++;
		}
	}

	@Override
	public boolean isNull(int row) {
		return false;
	}

	@Override
	public long getLong(int row) {
		throw new IllegalStateException("a sketch aggregator has no long value: " + this.spec.name());
	}

	@Override
	public double getDouble(int row) {
		return this.codec.estimate(this.sketches[row]);
	}

	@Override
	public Object getSketch(int row) {
		return this.sketches[row];
	}

	@Override
	public long estimatedBytes(int rows) {
		return 8L * this.sketches.length + (long) BASE_BYTES * rows + 8 * this.updates;
	}

}
