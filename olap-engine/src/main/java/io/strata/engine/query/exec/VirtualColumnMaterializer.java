package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.query.VirtualColumn;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.memory.InMemoryColumn;
import io.strata.engine.segment.memory.NumericColumnBuilder;
import io.strata.engine.segment.memory.StringColumnBuilder;
import io.strata.engine.type.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a virtual column over every row of a segment into an in-memory column of its output
 * type. A STRING virtual column over a multi-value input is multi-value (one value per combination
 * of the row's values, as Druid maps a scalar expression over them); numeric virtual columns refuse
 * multi-value inputs. Stateless.
 */
final class VirtualColumnMaterializer {

	private VirtualColumnMaterializer() {
	}

	/** @param segment the segment to read inputs from (other virtual columns included) */
	static InMemoryColumn materialize(Segment segment, VirtualColumn column) {
		ExprEvaluator evaluator = new ExprEvaluator(column.parsed());
		String user = "Virtual column[" + column.name() + "]";
		ExpressionInputs inputs = new ExpressionInputs(segment, evaluator, user);
		int rows = segment.numRows();
		if (column.outputType() == ColumnType.STRING) {
			return strings(evaluator, inputs, rows);
		}
		if (inputs.hasMultiValueInput()) {
			throw StrataException.invalidInput("%s of type[%s] reads multi-value column[%s]; only STRING virtual columns "
					+ "may read multi-value columns", user, column.outputType().druidName(), inputs.firstMultiValueInput());
		}
		NumericColumnBuilder builder = new NumericColumnBuilder(column.outputType());
		boolean isLong = column.outputType() == ColumnType.LONG;
		for (int start = 0; start < rows; start += ExpressionInputs.BATCH) {
			int count = Math.min(ExpressionInputs.BATCH, rows - start);
			inputs.load(start, count);
			for (int i = 0; i < count; i++) {
				inputs.bind(i);
				ExprValue value = evaluator.evaluate();
				if (value.isNumericNull()) {
					builder.addNull();
				}
				else if (isLong) {
					builder.addLong(value.asLong());
				}
				else {
					builder.addDouble(value.asDouble());
				}
			}
		}
		return builder.build();
	}

	private static InMemoryColumn strings(ExprEvaluator evaluator, ExpressionInputs inputs, int rows) {
		StringColumnBuilder builder = new StringColumnBuilder();
		List<String> values = new ArrayList<>();
		for (int start = 0; start < rows; start += ExpressionInputs.BATCH) {
			int count = Math.min(ExpressionInputs.BATCH, rows - start);
			inputs.load(start, count);
			for (int i = 0; i < count; i++) {
				int combinations = inputs.bind(i);
				if (combinations == 1) {
					builder.add(evaluator.evaluate().asString());
					continue;
				}
				values.clear();
				for (int c = 0; c < combinations; c++) {
					inputs.bindCombination(c);
					values.add(evaluator.evaluate().asString());
				}
				builder.addMulti(values);
			}
		}
		return builder.build();
	}

	/** A value as a result of the given type: numbers converted, strings that are not numbers null. */
	static Object coerce(ExprValue value, ColumnType type) {
		if (value.isNull()) {
			return null;
		}
		return switch (type) {
			case LONG -> value.isNumericNull() ? null : value.asLong();
			case FLOAT -> value.isNumericNull() ? null : (float) value.asDouble();
			case DOUBLE -> value.isNumericNull() ? null : value.asDouble();
			case STRING -> value.asString();
			default -> throw StrataException.defensive("type[%s] is not an expression output type", type);
		};
	}

}
