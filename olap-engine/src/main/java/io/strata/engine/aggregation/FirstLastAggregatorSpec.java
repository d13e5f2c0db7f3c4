package io.strata.engine.aggregation;

import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * Druid's {@code longFirst}, {@code doubleLast}, ...: the value of the row with the smallest (or
 * largest) time. The state is a (time, value) pair, so it merges across segments; the result is
 * the value, null when no row was aggregated or when the chosen row's value is null (Druid 32+
 * keeps nulls). On equal times {@code first} keeps the row seen first and {@code last} the one
 * seen last, as Druid's aggregators and combiners do. Query-time only in Strata.
 * @param type the value type: {@link ColumnType#LONG}, {@link ColumnType#DOUBLE} or
 * {@link ColumnType#FLOAT}
 * @param timeColumn the LONG column ordering the rows, {@code __time} by default
 */
public record FirstLastAggregatorSpec(String name, String fieldName, String timeColumn, ColumnType type,
		boolean last) implements AggregatorSpec {

	public static final String DEFAULT_TIME_COLUMN = "__time";

	public FirstLastAggregatorSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(fieldName, "fieldName");
		Objects.requireNonNull(timeColumn, "timeColumn");
		Objects.requireNonNull(type, "type");
		if (!type.isNumeric()) {
			throw new IllegalArgumentException("type must be LONG, DOUBLE or FLOAT");
		}
	}

	/** @return the spec for a Druid type string such as {@code doubleLast}, or null when it is not one */
	public static FirstLastAggregatorSpec fromTypeName(String typeName, String name, String fieldName,
			String timeColumn) {
		for (ColumnType type : List.of(ColumnType.LONG, ColumnType.DOUBLE, ColumnType.FLOAT)) {
			for (boolean last : new boolean[] { false, true }) {
				if (typeName(type, last).equals(typeName)) {
					return new FirstLastAggregatorSpec(name, fieldName, timeColumn, type, last);
				}
			}
		}
		return null;
	}

	/** True for the six Druid type strings of this aggregator. */
	public static boolean isTypeName(String typeName) {
		return typeName.matches("(long|double|float)(First|Last)");
	}

	private static String typeName(ColumnType type, boolean last) {
		String prefix = switch (type) {
			case LONG -> "long";
			case DOUBLE -> "double";
			case FLOAT -> "float";
			default -> throw new IllegalStateException("not a first/last value type: " + type);
		};
		return prefix + (last ? "Last" : "First");
	}

	@Override
	public String typeName() {
		return typeName(this.type, this.last);
	}

	@Override
	public ColumnType storedType() {
		return this.type;
	}

	@Override
	public List<String> inputFields() {
		return this.timeColumn.equals(this.fieldName) ? List.of(this.fieldName)
				: List.of(this.fieldName, this.timeColumn);
	}

}
