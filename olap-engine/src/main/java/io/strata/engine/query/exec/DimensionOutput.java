package io.strata.engine.query.exec;

import io.strata.engine.type.ColumnType;

/**
 * A dimension spec's {@code outputType}: values are converted before groups merge (so {@code "1"}
 * and {@code "1.0"} are one LONG group, as in Druid), kept as canonical text while grouped, and
 * written as numbers. Text that is no number becomes null. Stateless.
 */
final class DimensionOutput {

	private DimensionOutput() {
	}

	/** The canonical text of a value under an output type; null when it does not convert. */
	static String canonical(String value, ColumnType outputType) {
		if (value == null || outputType == ColumnType.STRING) {
			return value;
		}
		String text = value.trim();
		try {
			return switch (outputType) {
				case LONG -> {
					try {
						yield Long.toString(Long.parseLong(text));
					}
					catch (NumberFormatException ex) {
						yield Long.toString((long) Double.parseDouble(text));
					}
				}
				case FLOAT -> Float.toString(Float.parseFloat(text));
				default -> Double.toString(Double.parseDouble(text));
			};
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A canonical value as it goes to JSON: a string, or a Long, Float or Double. */
	static Object typed(String canonical, ColumnType outputType) {
		if (canonical == null) {
			return null;
		}
		return switch (outputType) {
			case LONG -> Long.valueOf(canonical);
			case FLOAT -> Float.valueOf(canonical);
			case DOUBLE -> Double.valueOf(canonical);
			default -> canonical;
		};
	}

}
