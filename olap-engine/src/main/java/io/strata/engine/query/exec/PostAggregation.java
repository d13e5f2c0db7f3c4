package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.query.GreatestLeastPostAggregatorSpec;
import io.strata.engine.query.PostAggregatorSpec;
import io.strata.engine.query.SketchPostAggregatorSpec;

import java.util.Map;

/** Evaluates post-aggregators on one result row, as Druid does (arithmetic in floating point). */
final class PostAggregation {

	private PostAggregation() {
	}

	/**
	 * The value of a post-aggregator for a result row: sketches (from a top-level
	 * {@code fieldAccess}) come out as Base64 text, as Druid writes them.
	 * @param row the finalized aggregator values and earlier post-aggregator values
	 */
	static Object evaluate(PostAggregatorSpec post, Map<String, AggregateState> states, Map<String, Object> row) {
		return SketchPostAggregation.forOutput(compute(post, states, row));
	}

	private static Object compute(PostAggregatorSpec post, Map<String, AggregateState> states, Map<String, Object> row) {
		return switch (post) {
			case PostAggregatorSpec.Constant constant -> constant.value();
			case PostAggregatorSpec.Expression expression -> {
				ExprEvaluator evaluator = new ExprEvaluator(expression.parsed());
				for (int i = 0; i < evaluator.inputs().size(); i++) {
					evaluator.input(i).setObject(row.get(evaluator.inputs().get(i)));
				}
				ExprValue value = evaluator.evaluate();
				yield expression.outputType() == null ? value.toObject()
						: VirtualColumnMaterializer.coerce(value, expression.outputType());
			}
			case PostAggregatorSpec.FieldAccess access -> {
				AggregateState state = states.get(access.fieldName());
				if (state == null) {
					Object computed = row.get(access.fieldName());
					if (computed == null && !row.containsKey(access.fieldName())) {
						throw StrataException.invalidInput("Post-aggregator field[%s] is not an aggregator",
								access.fieldName());
					}
					yield computed;
				}
				yield access.finalizing() ? state.finalValue() : state.rawValue();
			}
			case PostAggregatorSpec.Arithmetic arithmetic -> {
				Double result = null;
				for (PostAggregatorSpec field : arithmetic.fields()) {
					Object value = compute(field, states, row);
					if (value == null) {
						yield null;
					}
					if (!(value instanceof Number number)) {
						throw StrataException.invalidInput("Post-aggregator[%s] needs numbers, field[%s] is not one",
								arithmetic.name(), field.name());
					}
					double operand = number.doubleValue();
					if (result == null) {
						result = operand;
						continue;
					}
					result = switch (arithmetic.fn()) {
						case "+" -> result + operand;
						case "-" -> result - operand;
						case "*" -> result * operand;
						case "/" -> operand == 0 ? 0.0 : result / operand;
						case "quotient" -> result / operand;
						case "pow" -> Math.pow(result, operand);
						default -> throw StrataException.defensive("fn[%s]", arithmetic.fn());
					};
				}
				yield result;
			}
			case GreatestLeastPostAggregatorSpec greatestLeast -> {
				Number result = null;
				for (PostAggregatorSpec field : greatestLeast.fields()) {
					Object value = compute(field, states, row);
					if (value == null) {
						continue;
					}
					if (!(value instanceof Number number)) {
						throw StrataException.invalidInput("Post-aggregator[%s] needs numbers, field[%s] is not one",
								greatestLeast.name(), field.name());
					}
					Number typed = greatestLeast.longs() ? (Number) number.longValue() : (Number) number.doubleValue();
					if (result == null) {
						result = typed;
						continue;
					}
					int comparison = greatestLeast.longs() ? Long.compare(typed.longValue(), result.longValue())
							: Double.compare(typed.doubleValue(), result.doubleValue());
					if (greatestLeast.greatest() ? comparison > 0 : comparison < 0) {
						result = typed;
					}
				}
				yield result;
			}
			case SketchPostAggregatorSpec sketch -> SketchPostAggregation.evaluate(sketch,
					sketchField(sketch, states, row), states);
		};
	}

	/** The value of a sketch post-aggregator's {@code field}; hyperUniqueCardinality has none. */
	private static Object sketchField(SketchPostAggregatorSpec post, Map<String, AggregateState> states,
			Map<String, Object> row) {
		return switch (post) {
			case SketchPostAggregatorSpec.HllEstimate estimate -> compute(estimate.field(), states, row);
			case SketchPostAggregatorSpec.HllEstimateWithBounds bounds -> compute(bounds.field(), states, row);
			case SketchPostAggregatorSpec.ThetaEstimate estimate -> compute(estimate.field(), states, row);
			case SketchPostAggregatorSpec.HyperUniqueCardinality cardinality -> null;
			case SketchPostAggregatorSpec.QuantilesToQuantile quantile -> compute(quantile.field(), states, row);
			case SketchPostAggregatorSpec.QuantilesToQuantiles quantiles -> compute(quantiles.field(), states, row);
			case SketchPostAggregatorSpec.QuantilesToHistogram histogram -> compute(histogram.field(), states, row);
		};
	}

}
