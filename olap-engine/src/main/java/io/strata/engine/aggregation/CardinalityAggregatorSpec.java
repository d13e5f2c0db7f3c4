package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code cardinality}: an approximate distinct count over dimension values. By value
 * ({@code byRow} false) it counts the distinct non-null values of all the fields together; by row
 * it counts distinct combinations of the fields' values (a row whose fields are all null counts as
 * one combination, as in Druid). Druid estimates with its own HyperLogLog; Strata uses a
 * DataSketches HLL sketch (see {@link #sketchSpec()}), so estimates are approximate and differ
 * from Druid's in the last digits. Query-time only in Strata.
 * @param fields the dimensions read (default dimension specs only)
 * @param round whether the estimate is rounded to a whole number
 */
public record CardinalityAggregatorSpec(String name, List<String> fields, boolean byRow, boolean round)
		implements AggregatorSpec {

	public CardinalityAggregatorSpec {
		Objects.requireNonNull(name, "name");
		fields = List.copyOf(fields);
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("fields must name at least one dimension");
		}
	}

	/** The HLL sketch the estimate is kept in: Druid's DataSketches defaults (lgK 12, HLL_4). */
	public HllSketchAggregatorSpec sketchSpec() {
		return new HllSketchAggregatorSpec(this.name, this.fields.getFirst(), HllSketchAggregatorSpec.DEFAULT_LG_K,
				HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE, this.round, false);
	}

	@Override
	public String typeName() {
		return "cardinality";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.HLL_SKETCH;
	}

	@Override
	public List<String> inputFields() {
		return this.fields;
	}

}
