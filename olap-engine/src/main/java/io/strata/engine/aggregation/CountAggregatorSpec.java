package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/** Druid's {@code count}: the number of input rows rolled up into a row. */
public record CountAggregatorSpec(String name) implements AggregatorSpec {

	public CountAggregatorSpec {
		Objects.requireNonNull(name, "name");
	}

	@Override
	public String typeName() {
		return "count";
	}

	@Override
	public ColumnType storedType() {
		return ColumnType.LONG;
	}

	@Override
	public List<String> inputFields() {
		return List.of();
	}

}
