package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

/** The sum/min/max aggregators over one numeric field, one constant per Druid type string. */
public enum NumericAggregation {

	LONG_SUM("longSum", ColumnType.LONG, Kind.SUM),
	LONG_MIN("longMin", ColumnType.LONG, Kind.MIN),
	LONG_MAX("longMax", ColumnType.LONG, Kind.MAX),
	DOUBLE_SUM("doubleSum", ColumnType.DOUBLE, Kind.SUM),
	DOUBLE_MIN("doubleMin", ColumnType.DOUBLE, Kind.MIN),
	DOUBLE_MAX("doubleMax", ColumnType.DOUBLE, Kind.MAX),
	FLOAT_SUM("floatSum", ColumnType.FLOAT, Kind.SUM),
	FLOAT_MIN("floatMin", ColumnType.FLOAT, Kind.MIN),
	FLOAT_MAX("floatMax", ColumnType.FLOAT, Kind.MAX);

	/** How two values combine. */
	public enum Kind {

		SUM, MIN, MAX

	}

	private final String typeName;

	private final ColumnType type;

	private final Kind kind;

	NumericAggregation(String typeName, ColumnType type, Kind kind) {
		this.typeName = typeName;
		this.type = type;
		this.kind = kind;
	}

	public String typeName() {
		return this.typeName;
	}

	public ColumnType type() {
		return this.type;
	}

	public Kind kind() {
		return this.kind;
	}

	/** @return the aggregation for a Druid type string, or null when it is not one of these */
	public static NumericAggregation fromTypeName(String typeName) {
		for (NumericAggregation aggregation : values()) {
			if (aggregation.typeName.equals(typeName)) {
				return aggregation;
			}
		}
		return null;
	}

}
