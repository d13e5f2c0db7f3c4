package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code in}: rows whose dimension holds one of the values (null may be one of them), or,
 * with an extraction function, whose extracted value is one of them.
 * @param extractionFn null for none
 */
public record InFilter(String dimension, List<String> values, ExtractionFn extractionFn) implements DimFilter {

	public InFilter {
		Objects.requireNonNull(dimension, "dimension");
		// List.copyOf refuses nulls, and null is a legal value here
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	public InFilter(String dimension, List<String> values) {
		this(dimension, values, null);
	}

}
