package io.strata.engine.query.filter;

import java.util.Objects;

/**
 * Druid's {@code bound}: rows whose value lies between {@code lower} and {@code upper} (either
 * may be null for unbounded), compared lexicographically (UTF-8 bytes) or numerically.
 */
public record BoundFilter(String dimension, String lower, String upper, boolean lowerStrict, boolean upperStrict,
		boolean numeric) implements DimFilter {

	public BoundFilter {
		Objects.requireNonNull(dimension, "dimension");
		if (lower == null && upper == null) {
			throw new IllegalArgumentException("a bound needs lower or upper");
		}
	}

}
