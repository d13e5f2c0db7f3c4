package io.strata.engine.query;

import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.type.ColumnType;

import java.util.Objects;

/**
 * Druid's {@code default} and {@code extraction} dimension specs (a {@code lookup} spec with an
 * inline map is an extraction spec with a lookup function): a column, the name it has in results,
 * the type its values are converted to, and an optional function applied to each value.
 * @param outputType STRING, LONG, FLOAT or DOUBLE
 * @param extractionFn null for none
 */
public record DimensionSpec(String dimension, String outputName, ColumnType outputType, ExtractionFn extractionFn) {

	public DimensionSpec {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(outputType, "outputType");
		outputName = outputName == null ? dimension : outputName;
		if (outputType != ColumnType.STRING && !outputType.isNumeric()) {
			throw new IllegalArgumentException("outputType must be STRING, LONG, FLOAT or DOUBLE");
		}
	}

	/** A {@code default} spec with string output. */
	public DimensionSpec(String dimension, String outputName) {
		this(dimension, outputName, ColumnType.STRING, null);
	}

}
