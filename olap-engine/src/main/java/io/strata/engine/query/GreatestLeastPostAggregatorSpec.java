package io.strata.engine.query;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code doubleGreatest}, {@code doubleLeast}, {@code longGreatest} and {@code longLeast}:
 * the largest or smallest of the fields' values, nulls ignored, null when all are null; a double
 * or a long as the type says.
 */
public record GreatestLeastPostAggregatorSpec(String name, List<PostAggregatorSpec> fields, boolean greatest,
		boolean longs) implements PostAggregatorSpec {

	public GreatestLeastPostAggregatorSpec {
		Objects.requireNonNull(name, "name");
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("fields must not be empty");
		}
	}

	public String typeName() {
		return (this.longs ? "long" : "double") + (this.greatest ? "Greatest" : "Least");
	}

}
