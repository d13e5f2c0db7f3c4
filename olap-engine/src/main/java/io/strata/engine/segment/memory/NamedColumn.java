package io.strata.engine.segment.memory;

import java.util.Objects;

/** A column of an {@link InMemorySegment} with its name. */
public record NamedColumn(String name, InMemoryColumn column) {

	public NamedColumn {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(column, "column");
	}

}
