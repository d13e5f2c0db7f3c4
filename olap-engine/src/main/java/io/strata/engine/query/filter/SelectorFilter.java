package io.strata.engine.query.filter;

import java.util.Objects;

/**
 * Druid's {@code selector} (and {@code equals} on strings): rows whose dimension holds the value
 * (any of the values of a multi-value row). A null value matches null rows.
 */
public record SelectorFilter(String dimension, String value) implements DimFilter {

	public SelectorFilter {
		Objects.requireNonNull(dimension, "dimension");
	}

}
