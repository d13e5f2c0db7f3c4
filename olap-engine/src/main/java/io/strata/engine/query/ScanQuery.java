package io.strata.engine.query;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code scan}: raw rows.
 * @param columns empty for all columns
 * @param order {@code none}, {@code ascending} or {@code descending} (by time)
 * @param limit null for none
 * @param batchSize the most events one result batch holds
 */
public record ScanQuery(String dataSource, List<Interval> intervals, DimFilter filter, List<String> columns,
		boolean compactedList, String order, Long limit, long offset, QueryContext context,
		List<VirtualColumn> virtualColumns, int batchSize) implements Query {

	/** Druid's default {@code batchSize}, in rows. */
	public static final int DEFAULT_BATCH_SIZE = 20_480;

	public ScanQuery(String dataSource, List<Interval> intervals, DimFilter filter, List<String> columns,
			boolean compactedList, String order, Long limit, long offset, QueryContext context) {
		this(dataSource, intervals, filter, columns, compactedList, order, limit, offset, context, List.of());
	}

	/** With Druid's default batch size. */
	public ScanQuery(String dataSource, List<Interval> intervals, DimFilter filter, List<String> columns,
			boolean compactedList, String order, Long limit, long offset, QueryContext context,
			List<VirtualColumn> virtualColumns) {
		this(dataSource, intervals, filter, columns, compactedList, order, limit, offset, context, virtualColumns,
				DEFAULT_BATCH_SIZE);
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
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be greater than 0");
		}
		// Druid merges time-ordered rows on __time, so it refuses a column list without it
		if (!order.equals("none") && !columns.isEmpty() && !columns.contains(Segment.TIME_COLUMN)) {
			throw new IllegalArgumentException("The __time column must be selected if the results are time-ordered.");
		}
	}

}
