package io.strata.engine.query.filter;

import java.util.List;

/** Rows some field matches. */
public record OrFilter(List<DimFilter> fields) implements DimFilter {

	public OrFilter {
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("or needs at least one field");
		}
	}

}
