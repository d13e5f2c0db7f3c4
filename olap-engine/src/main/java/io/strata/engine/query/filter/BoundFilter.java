package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;

/**
 * Druid's {@code bound}: rows whose value (or extracted value) lies between {@code lower} and
 * {@code upper} (either may be null for unbounded), compared lexicographically (UTF-8 bytes) or
 * numerically.
 * @param extractionFn null for none
 */
public record BoundFilter(String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
		boolean numeric, ExtractionFn extractionFn) implements DimFilter {

	public BoundFilter {
		Objects.requireNonNull(dimension, "dimension");
		if (lower == null && upper == null) {
			throw new IllegalArgumentException("a bound needs lower or upper");
		}
	}

	public BoundFilter(String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
			boolean numeric) {
		this(dimension, lower, upper, lowerStrict, upperStrict, numeric, null);
	}

}
