package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;

/**
 * Druid's {@code selector} (and {@code equals} on strings): rows whose dimension holds the value
 * (any of the values of a multi-value row). A null value matches null rows. With an extraction
 * function the value is compared with each extracted value instead.
 * @param extractionFn null for none
 */
public record SelectorFilter(String dimension, String value, ExtractionFn extractionFn) implements DimFilter {

	public SelectorFilter {
		Objects.requireNonNull(dimension, "dimension");
	}

	public SelectorFilter(String dimension, String value) {
		this(dimension, value, null);
	}

}
