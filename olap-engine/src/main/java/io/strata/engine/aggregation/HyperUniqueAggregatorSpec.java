package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code hyperUnique}: an approximate distinct count. At ingestion it builds a sketch of
 * the input values per row; at query time it unions the stored sketches of a column ingested with
 * {@code hyperUnique} or {@code HLLSketchBuild}/{@code HLLSketchMerge}. Druid stores its own
 * HyperLogLog collector; Strata stores a DataSketches HLL sketch (see {@link #sketchSpec()}), so
 * estimates are approximate, differ from Druid's, and Druid-built collectors cannot be read.
 * @param isInputHyperUnique Druid's flag for ingesting pre-built collectors; kept for the spec's
 * round trip, refused at ingestion
 * @param round whether the estimate is rounded to a whole number
 */
public record HyperUniqueAggregatorSpec(String name, String fieldName, boolean isInputHyperUnique, boolean round)
		implements AggregatorSpec {

	public HyperUniqueAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		fieldName = fieldName.intern();
	}

	/** The HLL sketch stored and unioned: Druid's DataSketches defaults (lgK 12, HLL_4). */
	public HllSketchAggregatorSpec sketchSpec() {
		return new HllSketchAggregatorSpec(this.name, this.fieldName, HllSketchAggregatorSpec.DEFAULT_LG_K,
				HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE, this.round, false);
	}

	@Override
	public String typeName() {
		return "hyperUnique";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.HLL_SKETCH;
	}

	@Override
	public List<String> inputFields() {
		return List.of(this.fieldName);
	}

}
