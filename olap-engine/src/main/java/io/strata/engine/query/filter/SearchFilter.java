package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;

/**
 * Druid's {@code search} filter: rows with a value (after extraction) the search query spec
 * accepts. A null value is unknown.
 * @param extractionFn null for none
 */
public record SearchFilter(String dimension, SearchQuerySpec query, ExtractionFn extractionFn) implements DimFilter {

	public SearchFilter {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(query, "query");
	}

}
