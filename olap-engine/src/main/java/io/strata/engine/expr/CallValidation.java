package io.strata.engine.expr;

import java.util.List;
import java.util.Locale;

/**
 * The checks a function call gets when it is parsed: arguments Druid requires to be literals (the
 * {@code like} pattern, the {@code cast} type, the {@code timestamp_extract} unit and zone), and
 * literal periods, origins and zones that cannot be valid. Stateless.
 */
final class CallValidation {

	private CallValidation() {
	}

	/** @throws IllegalArgumentException saying what is wrong with the call */
	static void check(ExprFunction function, List<Expr> arguments) {
		switch (function) {
			case LIKE -> {
				requireString(arguments.get(1), "pattern");
				if (arguments.size() > 2 && !(arguments.get(2) instanceof Expr.NullLiteral)) {
					String escape = requireString(arguments.get(2), "escape");
					if (escape.length() != 1) {
						throw new IllegalArgumentException("escape must be a single character");
					}
				}
			}
			case CAST -> castType(requireString(arguments.get(1), "type"));
			case TIMESTAMP_EXTRACT -> {
				TimestampUnit.parse(requireString(arguments.get(1), "unit"));
				if (arguments.size() > 2) {
					TimeArguments.zone(requireString(arguments.get(2), "time zone"));
				}
			}
			case TIMESTAMP_FLOOR -> {
				if (arguments.get(1) instanceof Expr.StringLiteral period) {
					TimeArguments.period(period.value());
				}
				else if (arguments.get(1).isLiteral()) {
					throw new IllegalArgumentException("period must be a string such as 'PT1H'");
				}
				if (arguments.size() > 3 && arguments.get(3) instanceof Expr.StringLiteral zone) {
					TimeArguments.zone(zone.value());
				}
			}
			default -> {
			}
		}
	}

	static ExprType castType(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		return switch (upper) {
			case "LONG" -> ExprType.LONG;
			case "DOUBLE", "FLOAT" -> ExprType.DOUBLE;
			case "STRING" -> ExprType.STRING;
			default -> throw new IllegalArgumentException(upper.startsWith("ARRAY")
					? "cannot cast to [" + name + "]: array types are not supported yet"
					: "type[" + name + "] is unknown; expected LONG, DOUBLE or STRING");
		};
	}

	private static String requireString(Expr argument, String what) {
		if (argument instanceof Expr.StringLiteral literal) {
			return literal.value();
		}
		throw new IllegalArgumentException(what + " must be a string literal");
	}

}
