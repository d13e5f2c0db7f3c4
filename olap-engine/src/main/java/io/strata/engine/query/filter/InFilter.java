package io.strata.engine.query.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Druid's {@code in}: rows whose dimension holds one of the values (null may be one of them). */
public record InFilter(String dimension, List<String> values) implements DimFilter {

	public InFilter {
		Objects.requireNonNull(dimension, "dimension");
		// List.copyOf refuses nulls, and null is a legal value here
		values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
	}

}
