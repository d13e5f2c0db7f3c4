package io.strata.engine.query.filter;

import java.util.Objects;

/** Druid's {@code null} filter: rows where the column is null. */
public record NullFilter(String column) implements DimFilter {

	public NullFilter {
		Objects.requireNonNull(column, "column");
	}

}
