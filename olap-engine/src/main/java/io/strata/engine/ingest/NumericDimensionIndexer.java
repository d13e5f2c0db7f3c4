package io.strata.engine.ingest;

import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes long, float or double dimension values as slots (0 is null). Strings are parsed; a
 * value that is not a number rejects the row, naming the dimension.
 */
final class NumericDimensionIndexer implements DimensionIndexer {

	private final DimensionSchema schema;

	private final Map<Object, Integer> slots = new HashMap<>();

	private final List<Object> values = new ArrayList<>();

	NumericDimensionIndexer(DimensionSchema schema) {
		if (!schema.type().isNumeric()) {
			throw new IllegalArgumentException("not a numeric dimension: " + schema.name());
		}
		this.schema = schema;
		this.values.add(null);
	}

	@Override
	public DimensionSchema schema() {
		return this.schema;
	}

	@Override
	public int encode(Object value) {
		Object number = convert(value);
		if (number == null) {
			return 0;
		}
		Integer slot = this.slots.get(number);
		if (slot != null) {
			return slot;
		}
		int next = this.values.size();
		this.values.add(number);
		this.slots.put(number, next);
		return next;
	}

	private Object convert(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				return null;
			}
			if (list.size() == 1) {
				return convert(list.getFirst());
			}
			throw new IllegalArgumentException("dimension[" + this.schema.name() + "] is numeric but got a list");
		}
		ColumnType type = this.schema.type();
		try {
			return switch (value) {
				case Long number -> type == ColumnType.LONG ? number
						: type == ColumnType.DOUBLE ? (Object) number.doubleValue() : (Object) number.floatValue();
				case Number number -> type == ColumnType.LONG ? (Object) number.longValue()
						: type == ColumnType.DOUBLE ? (Object) number.doubleValue() : (Object) number.floatValue();
				case String text -> {
					if (text.isEmpty()) {
						yield null;
					}
					yield type == ColumnType.LONG ? (Object) parseLong(text.trim())
							: type == ColumnType.DOUBLE ? (Object) Double.parseDouble(text.trim())
									: (Object) Float.parseFloat(text.trim());
				}
				default -> throw new NumberFormatException();
			};
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"dimension[" + this.schema.name() + "] is " + type.druidName() + " but the value is not a number");
		}
	}

	private static long parseLong(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			// Druid accepts "12.0" for a long dimension and truncates
			double value = Double.parseDouble(text);
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw ex;
			}
			return (long) value;
		}
	}

	@Override
	public Object decode(int slot) {
		return this.values.get(slot);
	}

	@Override
	public int slotCount() {
		return this.values.size();
	}

	@Override
	public long estimatedBytes() {
		return 72L * this.values.size();
	}

}
