package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.query.PostAggregatorSpec;

import java.util.Map;

/** Evaluates post-aggregators on one result row, as Druid does (arithmetic in floating point). */
final class PostAggregation {

	private PostAggregation() {
	}

	static Object evaluate(PostAggregatorSpec post, Map<String, AggregateState> states, Map<String, Object> row) {
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
					Object value = evaluate(field, states, row);
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
		};
	}

}
