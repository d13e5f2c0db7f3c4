package io.strata.engine.query;

import java.util.Objects;

/** Druid's {@code default} dimension spec: a column and the name it has in results. */
public record DimensionSpec(String dimension, String outputName) {

	public DimensionSpec {
		Objects.requireNonNull(dimension, "dimension");
		outputName = outputName == null ? dimension : outputName;
	}

}
