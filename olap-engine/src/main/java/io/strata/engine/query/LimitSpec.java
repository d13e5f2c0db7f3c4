package io.strata.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code default} limitSpec: ordering columns, then offset, then limit.
 * @param limit null for none
 */
public record LimitSpec(List<OrderByColumn> columns, Integer limit, int offset) {

	public LimitSpec {
		columns = List.copyOf(columns);
		if (offset < 0 || (limit != null && limit < 0)) {
			throw new IllegalArgumentException("limit and offset must not be negative");
		}
	}

	/**
	 * One ordering column.
	 * @param dimensionOrder how string values compare; numbers always compare as numbers
	 */
	public record OrderByColumn(String dimension, boolean descending, StringOrdering dimensionOrder) {

		public OrderByColumn {
			Objects.requireNonNull(dimension, "dimension");
			Objects.requireNonNull(dimensionOrder, "dimensionOrder");
		}

	}

}
