package io.strata.engine.query;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.SearchQuerySpec;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code search}: the values of some dimensions the search spec accepts, with the number
 * of selected rows holding each.
 * @param searchDimensions empty to search every dimension of each segment
 * @param filter null for none
 * @param limit hits kept per segment, and per result when granularity is {@code all} (Druid's 1000
 * when the query gives none)
 */
public record SearchQuery(String dataSource, List<Interval> intervals, Granularity granularity, DimFilter filter,
		List<DimensionSpec> searchDimensions, SearchQuerySpec query, StringOrdering sort, int limit,
		QueryContext context) implements Query {

	public static final int DEFAULT_LIMIT = 1000;

	public SearchQuery {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(granularity, "granularity");
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(sort, "sort");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		searchDimensions = List.copyOf(searchDimensions);
		if (limit <= 0) {
			throw new IllegalArgumentException("limit must be positive");
		}
	}

}
