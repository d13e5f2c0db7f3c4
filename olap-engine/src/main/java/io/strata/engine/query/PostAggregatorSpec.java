package io.strata.engine.query;

import io.strata.engine.expr.Expr;
import io.strata.engine.type.ColumnType;

import java.util.List;
import java.util.Objects;

/** Druid's post-aggregators: computed per result row from aggregated values. */
public sealed interface PostAggregatorSpec
		permits PostAggregatorSpec.Arithmetic, PostAggregatorSpec.FieldAccess, PostAggregatorSpec.Constant,
		PostAggregatorSpec.Expression, GreatestLeastPostAggregatorSpec, SketchPostAggregatorSpec {

	String name();

	/** {@code arithmetic}: fn over fields, always floating point; {@code /} by zero gives 0. */
	record Arithmetic(String name, String fn, List<PostAggregatorSpec> fields) implements PostAggregatorSpec {

		public Arithmetic {
			fields = List.copyOf(fields);
			if (!List.of("+", "-", "*", "/", "quotient", "pow").contains(fn)) {
				throw new IllegalArgumentException("fn must be one of [+, -, *, /, quotient, pow]");
			}
			if (fields.size() < 2) {
				throw new IllegalArgumentException("arithmetic needs at least two fields");
			}
		}

	}

	/** {@code fieldAccess} / {@code finalizingFieldAccess}: the value of an aggregator. */
	record FieldAccess(String name, String fieldName, boolean finalizing) implements PostAggregatorSpec {

	}

	/** {@code constant}: the number as the query wrote it, a {@code Long} or a {@code Double}. */
	record Constant(String name, Number value) implements PostAggregatorSpec {

		public Constant {
			Objects.requireNonNull(value, "value");
		}

	}

	/**
	 * {@code expression}: an expression over the row's finalized aggregator values and the values of
	 * the post-aggregators before it.
	 * @param outputType the type the value is converted to, or null to keep the expression's own
	 */
	record Expression(String name, String expression, Expr parsed, ColumnType outputType)
			implements PostAggregatorSpec {

		public Expression {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(expression, "expression");
			Objects.requireNonNull(parsed, "parsed");
		}

	}

}
