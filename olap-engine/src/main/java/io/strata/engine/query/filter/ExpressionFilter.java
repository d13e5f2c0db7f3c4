package io.strata.engine.query.filter;

import io.strata.engine.expr.Expr;

import java.util.Objects;

/**
 * Druid's {@code expression} filter: rows where the expression is true (a number above zero, or the
 * string {@code true}); a null value is unknown, so {@code not} does not match it either.
 */
public record ExpressionFilter(String expression, Expr parsed) implements DimFilter {

	public ExpressionFilter {
		Objects.requireNonNull(expression, "expression");
		Objects.requireNonNull(parsed, "parsed");
	}

}
