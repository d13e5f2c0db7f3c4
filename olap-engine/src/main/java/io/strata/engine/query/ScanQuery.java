package io.strata.engine.query;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code scan}: raw rows.
 * @param columns empty for all columns
 * @param order {@code none}, {@code ascending} or {@code descending} (by time)
 * @param limit null for none
 */
public record ScanQuery(String dataSource, List<Interval> intervals, DimFilter filter, List<String> columns,
		boolean compactedList, String order, Long limit, long offset, QueryContext context,
		List<VirtualColumn> virtualColumns) implements Query {

	public ScanQuery(String dataSource, List<Interval> intervals, DimFilter filter, List<String> columns,
			boolean compactedList, String order, Long limit, long offset, QueryContext context) {
		this(dataSource, intervals, filter, columns, compactedList, order, limit, offset, context, List.of());
	}

	public ScanQuery {
		virtualColumns = VirtualColumn.checked(virtualColumns);
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(order, "order");
		Objects.requireNonNull(context, "context");
		intervals = List.copyOf(intervals);
		columns = List.copyOf(columns);
		if (!List.of("none", "ascending", "descending").contains(order)) {
			throw new IllegalArgumentException("order must be none, ascending or descending");
		}
		if ((limit != null && limit < 0) || offset < 0) {
			throw new IllegalArgumentException("limit and offset must not be negative");
		}
	}

}
