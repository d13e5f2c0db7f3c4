package io.strata.engine.query.filter;

import java.util.Objects;

/** Rows the field is known not to match (unknown stays unknown). */
public record NotFilter(DimFilter field) implements DimFilter {

	public NotFilter {
		Objects.requireNonNull(field, "field");
	}

}
