package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code timeseries}: aggregates per time bucket.
 * @param filter null for none
 * @param limit null for none
 */
public record TimeseriesQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
		List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations, boolean descending,
		Integer limit, QueryContext context, List<VirtualColumn> virtualColumns) implements Query {

	public TimeseriesQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations, boolean descending,
			Integer limit, QueryContext context) {
		this(dataSource, intervals, granularity, filter, aggregations, postAggregations, descending, limit, context,
				List.of());
	}

	public TimeseriesQuery {
		virtualColumns = VirtualColumn.checked(virtualColumns);
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		aggregations = List.copyOf(aggregations);
		postAggregations = List.copyOf(postAggregations);
		if (intervals.isEmpty()) {
			throw new IllegalArgumentException("intervals must not be empty");
		}
		if (limit != null && limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
	}

}
