package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code thetaSketch} from Apache DataSketches.
 * @param size nominal entries, a power of 2 (Druid's default 16384)
 */
public record ThetaSketchAggregatorSpec(String name, String fieldName, int size, boolean isInputThetaSketch)
		implements SketchAggregatorSpec {

	public static final int DEFAULT_SIZE = 16384;

	public ThetaSketchAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		fieldName = fieldName.intern();
		if (size < 16 || Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("size must be a power of 2, at least 16");
		}
	}

	@Override
	public String typeName() {
		return "thetaSketch";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.THETA_SKETCH;
	}

	@Override
	public List<String> inputFields() {
		return List.of(this.fieldName);
	}

}
