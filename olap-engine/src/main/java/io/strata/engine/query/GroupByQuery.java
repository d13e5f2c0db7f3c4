package io.strata.engine.query;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code groupBy}: aggregates per time bucket and combination of dimension values.
 * @param having null for none
 * @param limitSpec null for none
 */
public record GroupByQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
		List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations,
		HavingSpec having, LimitSpec limitSpec, QueryContext context, List<VirtualColumn> virtualColumns)
		implements Query {

	public GroupByQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations,
			HavingSpec having, LimitSpec limitSpec, QueryContext context) {
		this(dataSource, intervals, granularity, filter, dimensions, aggregations, postAggregations, having, limitSpec,
				context, List.of());
	}

	public GroupByQuery {
		virtualColumns = VirtualColumn.checked(virtualColumns);
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		dimensions = List.copyOf(dimensions);
		aggregations = List.copyOf(aggregations);
		postAggregations = List.copyOf(postAggregations);
	}

}
