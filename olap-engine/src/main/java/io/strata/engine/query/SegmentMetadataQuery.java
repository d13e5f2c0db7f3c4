package io.strata.engine.query;

import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code segmentMetadata}: what each segment (or, merged, the datasource) holds.
 * @param analysisTypes which optional parts to fill: cardinality, interval, minmax, size,
 * aggregators, queryGranularity, rollup
 */
public record SegmentMetadataQuery(String dataSource, List<Interval> intervals, boolean merge,
		List<String> analysisTypes, QueryContext context) implements Query {

	public static final List<String> DEFAULT_ANALYSIS = List.of("cardinality", "interval", "minmax");

	public SegmentMetadataQuery {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		analysisTypes = List.copyOf(analysisTypes);
	}

}
