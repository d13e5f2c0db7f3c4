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
 * @param subtotalsSpec null for none; else the groupings to return one after the other, each a
 * list of dimension output names (a subset of {@code dimensions})
 */
public record GroupByQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
		List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations,
		HavingSpec having, LimitSpec limitSpec, List<List<String>> subtotalsSpec, QueryContext context,
		List<VirtualColumn> virtualColumns) implements Query {

	public GroupByQuery {
		virtualColumns = VirtualColumn.checked(virtualColumns);
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		dimensions = List.copyOf(dimensions);
		aggregations = List.copyOf(aggregations);
		postAggregations = List.copyOf(postAggregations);
		if (subtotalsSpec != null) {
			List<String> names = dimensions.stream().map(DimensionSpec::outputName).toList();
			subtotalsSpec = subtotalsSpec.stream().map(List::copyOf).toList();
			for (List<String> subtotal : subtotalsSpec) {
				if (!names.containsAll(subtotal)) {
					throw new IllegalArgumentException(
							"subtotal " + subtotal + " is not a subset of the dimensions " + names);
				}
			}
		}
	}

	/** Without subtotals or virtual columns. */
	public GroupByQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations,
			HavingSpec having, LimitSpec limitSpec, QueryContext context) {
		this(dataSource, intervals, granularity, filter, dimensions, aggregations, postAggregations, having, limitSpec,
				null, context, List.of());
	}

	/** Without subtotals. */
	public GroupByQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, List<PostAggregatorSpec> postAggregations,
			HavingSpec having, LimitSpec limitSpec, QueryContext context, List<VirtualColumn> virtualColumns) {
		this(dataSource, intervals, granularity, filter, dimensions, aggregations, postAggregations, having, limitSpec,
				null, context, virtualColumns);
	}

}
