package io.strata.engine.query.filter;

import java.util.List;

/** Rows every field matches. */
public record AndFilter(List<DimFilter> fields) implements DimFilter {

	public AndFilter {
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("and needs at least one field");
		}
	}

}
