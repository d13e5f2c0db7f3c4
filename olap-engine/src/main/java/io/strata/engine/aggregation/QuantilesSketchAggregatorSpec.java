package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code quantilesDoublesSketch} from Apache DataSketches.
 * @param k accuracy parameter, a power of 2 from 2 to 32768 (Druid's default 128)
 */
public record QuantilesSketchAggregatorSpec(String name, String fieldName, int k) implements SketchAggregatorSpec {

	public static final int DEFAULT_K = 128;

	public QuantilesSketchAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		fieldName = fieldName.intern();
		if (k < 2 || k > 32768 || Integer.bitCount(k) != 1) {
			throw new IllegalArgumentException("k must be a power of 2 from 2 to 32768");
		}
	}

	@Override
	public String typeName() {
		return "quantilesDoublesSketch";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.QUANTILES_DOUBLES_SKETCH;
	}

	@Override
	public List<String> inputFields() {
		return List.of(this.fieldName);
	}

}
