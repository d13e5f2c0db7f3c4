package io.strata.engine.segment;

import io.strata.engine.type.ColumnType;

import java.util.Objects;

/**
 * What a segment knows about one of its columns without reading its data.
 * @param cardinality distinct values of a string column (null counted), -1 for other types
 * @param minValue smallest value as Druid reports it (string or number), null when none
 * @param maxValue largest value, null when none
 */
public record ColumnSummary(String name, ColumnType type, boolean hasMultipleValues, boolean hasNulls,
		int cardinality, long sizeBytes, Object minValue, Object maxValue) {

	public ColumnSummary {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

}
