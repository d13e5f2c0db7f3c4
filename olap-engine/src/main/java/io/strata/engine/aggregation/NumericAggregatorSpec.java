package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * {@code longSum}, {@code doubleMax}, ... over one input field. With SQL-compatible nulls (Druid
 * 32+) a row whose inputs were all null stores null, not zero.
 */
public record NumericAggregatorSpec(NumericAggregation aggregation, String name, String fieldName)
		implements AggregatorSpec {

	public NumericAggregatorSpec {
		Objects.requireNonNull(aggregation, "aggregation");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		fieldName = fieldName.intern();
	}

	@Override
	public String typeName() {
		return this.aggregation.typeName();
	}

	@Override
	public ColumnType storedType() {
		return this.aggregation.type();
	}

	@Override
	public List<String> inputFields() {
		return List.of(this.fieldName);
	}

}
