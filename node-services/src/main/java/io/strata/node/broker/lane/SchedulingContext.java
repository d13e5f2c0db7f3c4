package io.strata.node.broker.lane;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;

/** Reads the scheduling keys of a query context ({@code priority}, {@code lane}). Stateless. */
final class SchedulingContext {

	static final String PRIORITY = "priority";

	static final String LANE = "lane";

	private SchedulingContext() {
	}

	/** Context {@code priority}: an integer or a string holding one; 0 when absent, as in Druid. */
	static int priority(Map<String, Object> context) {
		Object value = context.get(PRIORITY);
		return switch (value) {
			case null -> 0;
			case Integer number -> number;
			case Number number -> integral(number).orElseThrow(() -> notAnInteger(value));
			case String text -> {
				try {
					yield Integer.parseInt(text.trim());
				}
				catch (NumberFormatException ex) {
					throw notAnInteger(value);
				}
			}
			default -> throw notAnInteger(value);
		};
	}

	/** Context {@code lane}, when given. */
	static Optional<String> lane(Map<String, Object> context) {
		Object value = context.get(LANE);
		return switch (value) {
			case null -> Optional.empty();
			case String text -> Optional.of(text);
			default -> throw StrataException.invalidInput("Query context[%s] must be a string, got[%s]", LANE, value);
		};
	}

	/** A whole number within int range (JSON readers may hand over longs or doubles such as 5.0). */
	private static Optional<Integer> integral(Number number) {
		try {
			return Optional.of(new BigDecimal(number.toString()).intValueExact());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static StrataException notAnInteger(Object value) {
		return StrataException.invalidInput("Query context[%s] must be an integer, got[%s]", PRIORITY, value);
	}

}
