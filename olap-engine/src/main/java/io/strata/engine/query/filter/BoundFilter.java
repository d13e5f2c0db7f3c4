package io.strata.engine.query.filter;

import io.strata.engine.query.StringOrdering;
import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;

/**
 * Druid's {@code bound}: rows whose value (or extracted value) lies between {@code lower} and
 * {@code upper} (either may be null for unbounded), compared by one of Druid's string orderings
 * ({@code numeric} compares the numbers values parse to).
 * @param extractionFn null for none
 */
public record BoundFilter(String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
		StringOrdering ordering, ExtractionFn extractionFn) implements DimFilter {

	public BoundFilter {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(ordering, "ordering");
		if (lower == null && upper == null) {
			throw new IllegalArgumentException("a bound needs lower or upper");
		}
	}

	/** A bound without extraction, ordered numerically or lexicographically (UTF-8 bytes). */
	public BoundFilter(String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
			boolean numeric) {
		this(dimension, lower, upper, lowerStrict, upperStrict,
				numeric ? StringOrdering.NUMERIC : StringOrdering.LEXICOGRAPHIC, null);
	}

	/** Whether values compare as numbers. */
	public boolean numeric() {
		return this.ordering == StringOrdering.NUMERIC;
	}

}
