package io.strata.engine.query;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code timeBoundary}: the earliest and latest row times.
 * @param bound {@code minTime}, {@code maxTime} or null for both
 */
public record TimeBoundaryQuery(String dataSource, List<Interval> intervals, String bound, DimFilter filter,
		QueryContext context) implements Query {

	public TimeBoundaryQuery {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		if (bound != null && !bound.equals("minTime") && !bound.equals("maxTime")) {
			throw new IllegalArgumentException("bound must be minTime or maxTime");
		}
	}

}
