package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Druid's {@code regex}: rows with a value (after extraction) in which the Java pattern is found
 * anywhere (find, not a whole-value match). A null value is unknown.
 * @param extractionFn null for none
 */
public record RegexFilter(String dimension, Pattern pattern, ExtractionFn extractionFn) implements DimFilter {

	public RegexFilter {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(pattern, "pattern");
	}

}
