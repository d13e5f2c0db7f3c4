package io.strata.engine.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in functions Strata evaluates, with Druid's names and argument counts. Functions Druid
 * has and Strata does not are refused when an expression is parsed.
 */
public enum ExprFunction {

	IF("if", 3, 3), CASE_SEARCHED("case_searched", 2, Integer.MAX_VALUE),
	CASE_SIMPLE("case_simple", 3, Integer.MAX_VALUE), NVL("nvl", 2, 2), ISNULL("isnull", 1, 1),
	NOTNULL("notnull", 1, 1), CONCAT("concat", 0, Integer.MAX_VALUE), SUBSTRING("substring", 3, 3),
	STRLEN("strlen", 1, 1), LOWER("lower", 1, 1), UPPER("upper", 1, 1), LIKE("like", 2, 3),
	TIMESTAMP_FLOOR("timestamp_floor", 2, 4), TIMESTAMP_EXTRACT("timestamp_extract", 2, 3), CAST("cast", 2, 2),
	ABS("abs", 1, 1), GREATEST("greatest", 0, Integer.MAX_VALUE), LEAST("least", 0, Integer.MAX_VALUE);

	private final String functionName;

	private final int minArguments;

	private final int maxArguments;

	ExprFunction(String functionName, int minArguments, int maxArguments) {
		this.functionName = functionName;
		this.minArguments = minArguments;
		this.maxArguments = maxArguments;
	}

	public String functionName() {
		return this.functionName;
	}

	public int minArguments() {
		return this.minArguments;
	}

	public int maxArguments() {
		return this.maxArguments;
	}

	/** The function of a name (names are case-sensitive, as in Druid), or null when there is none. */
	public static ExprFunction byName(String name) {
		for (ExprFunction function : values()) {
			if (function.functionName.equals(name)) {
				return function;
			}
		}
		return null;
	}

	public static List<String> names() {
		List<String> names = new ArrayList<>();
		for (ExprFunction function : values()) {
			names.add(function.functionName);
		}
		return names;
	}

}
