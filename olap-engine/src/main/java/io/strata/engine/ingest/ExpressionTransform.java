package io.strata.engine.ingest;

import io.strata.engine.expr.Expr;

import java.util.Objects;

/**
 * Druid's {@code expression} transform, the one transform type Druid has: the field {@code name}
 * of each input row becomes the value of the expression on the row as parsed ({@code __time}: the
 * row's time).
 * @param expression as written, kept for messages and for writing the spec back
 */
public record ExpressionTransform(String name, String expression, Expr parsed) {

	public ExpressionTransform {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(expression, "expression");
		Objects.requireNonNull(parsed, "parsed");
		if (name.isBlank()) {
			throw new IllegalArgumentException("a transform name must not be blank");
		}
	}

}
