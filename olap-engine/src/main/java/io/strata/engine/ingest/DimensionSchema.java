package io.strata.engine.ingest;

import io.strata.engine.type.ColumnType;

import java.util.Objects;

/**
 * One entry of {@code dimensionsSpec.dimensions}: a string (possibly multi-value), long, float or
 * double dimension.
 */
public record DimensionSchema(String name, ColumnType type, MultiValueHandling multiValueHandling,
		boolean createBitmapIndex) {

	public DimensionSchema {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(multiValueHandling, "multiValueHandling");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("name must not be empty");
		}
		// interned: input rows' field names are interned, so lookups match by identity
		name = name.intern();
		if (!type.isNumeric() && type != ColumnType.STRING) {
			throw new IllegalArgumentException("a dimension is string, long, float or double");
		}
	}

	public static DimensionSchema string(String name) {
		return new DimensionSchema(name, ColumnType.STRING, MultiValueHandling.SORTED_ARRAY, true);
	}

	public static DimensionSchema of(String name, ColumnType type) {
		return new DimensionSchema(name, type, MultiValueHandling.SORTED_ARRAY, type == ColumnType.STRING);
	}

}
