package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/** Druid's {@code topN}: the top {@code threshold} values of one dimension per time bucket. */
public record TopNQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
		DimensionSpec dimension, int threshold, TopNMetric metric, List<AggregatorSpec> aggregations,
		List<PostAggregatorSpec> postAggregations, QueryContext context, List<VirtualColumn> virtualColumns)
		implements Query {

	public TopNQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			DimensionSpec dimension, int threshold, TopNMetric metric, List<AggregatorSpec> aggregations,
			List<PostAggregatorSpec> postAggregations, QueryContext context) {
		this(dataSource, intervals, granularity, filter, dimension, threshold, metric, aggregations, postAggregations,
				context, List.of());
	}

	public TopNQuery {
		virtualColumns = VirtualColumn.checked(virtualColumns);
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(metric, "metric");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		aggregations = List.copyOf(aggregations);
		postAggregations = List.copyOf(postAggregations);
		if (threshold <= 0) {
			throw new IllegalArgumentException("threshold must be positive");
		}
	}

}
