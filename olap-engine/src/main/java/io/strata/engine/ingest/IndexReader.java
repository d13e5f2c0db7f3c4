package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A consistent view of an {@link IncrementalIndex}: the state after exactly
 * {@link #ingestedRows()} adds. Holds the index's read lock until {@link #close()}, which any
 * thread may call, once. Rows are in arrival order (use {@link
 * IndexRowOrder} for segment order).
 */
public final class IndexReader implements AutoCloseable {

	private final IncrementalIndex index;

	private final List<DimensionIndexer> dimensions;

	private final MetricAccumulator[] metrics;

	private final int rows;

	private final long stamp;

	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

	IndexReader(IncrementalIndex index, long stamp) {
		this.index = index;
		this.stamp = stamp;
		this.dimensions = index.dimensionIndexers();
		this.metrics = index.metricAccumulators();
		this.rows = index.rows();
	}

	public long ingestedRows() {
		return this.index.ingested();
	}

	public int rowCount() {
		return this.rows;
	}

	public boolean rollup() {
		return this.index.rollup();
	}

	public List<DimensionSchema> dimensions() {
		List<DimensionSchema> result = new ArrayList<>(this.dimensions.size());
		for (DimensionIndexer dimension : this.dimensions) {
			result.add(dimension.schema());
		}
		return result;
	}

	public io.strata.engine.time.Granularity queryGranularity() {
		return this.index.schema().granularitySpec().queryGranularity();
	}

	public List<AggregatorSpec> metrics() {
		return this.index.schema().metricsSpec();
	}

	public long time(int row) {
		return this.index.time(row);
	}

	/** The value of a dimension in a row: String, List of String, Long, Float, Double or null. */
	public Object dimensionValue(int row, int dimension) {
		return this.dimensions.get(dimension).decode(this.index.slot(row, dimension));
	}

	/** The slot of a dimension in a row (0 is null); see {@link DimensionIndexer}. */
	int slot(int row, int dimension) {
		return this.index.slot(row, dimension);
	}

	DimensionIndexer dimensionIndexer(int dimension) {
		return this.dimensions.get(dimension);
	}

	public boolean isMetricNull(int row, int metric) {
		return this.metrics[metric].isNull(row);
	}

	public long metricLong(int row, int metric) {
		return this.metrics[metric].getLong(row);
	}

	public double metricDouble(int row, int metric) {
		return this.metrics[metric].getDouble(row);
	}

	/** The live sketch of a row; do not keep it after {@link #close()}. */
	public Object metricSketch(int row, int metric) {
		return this.metrics[metric].getSketch(row);
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.index.releaseReader(this.stamp);
		}
	}

}
