package io.strata.engine.segment;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.time.Granularity;

import java.util.List;
import java.util.Objects;

/**
 * Everything about a segment that is known without scanning its rows: identity, columns,
 * aggregators, row count and size. Read from the segment file's trailer alone.
 * @param dimensions summaries of the dimension columns, in dimension order
 * @param metrics summaries of the metric columns, in {@code metricsSpec} order
 * @param sizeBytes size of the segment file
 */
public record SegmentMetadata(SegmentId id, int formatVersion, long numRows, long sizeBytes, boolean rollup,
		Granularity queryGranularity, ColumnSummary time, List<ColumnSummary> dimensions,
		List<ColumnSummary> metrics, List<AggregatorSpec> aggregators) {

	public SegmentMetadata {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(queryGranularity, "queryGranularity");
		Objects.requireNonNull(time, "time");
		dimensions = List.copyOf(dimensions);
		metrics = List.copyOf(metrics);
		aggregators = List.copyOf(aggregators);
		if (metrics.size() != aggregators.size()) {
			throw new IllegalArgumentException("every metric needs its aggregator");
		}
	}

	public List<String> dimensionNames() {
		return this.dimensions.stream().map(ColumnSummary::name).toList();
	}

	public List<String> metricNames() {
		return this.metrics.stream().map(ColumnSummary::name).toList();
	}

	/** The summary of a column by name, time included, or null when the segment has no such column. */
	public ColumnSummary column(String name) {
		if (this.time.name().equals(name)) {
			return this.time;
		}
		for (ColumnSummary column : this.dimensions) {
			if (column.name().equals(name)) {
				return column;
			}
		}
		for (ColumnSummary column : this.metrics) {
			if (column.name().equals(name)) {
				return column;
			}
		}
		return null;
	}

}
