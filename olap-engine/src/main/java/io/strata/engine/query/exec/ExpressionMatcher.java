package io.strata.engine.query.exec;

import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.query.filter.ExpressionFilter;
import io.strata.engine.segment.Segment;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * Resolves an expression filter on one segment by evaluating the expression on every row: rows where
 * it is true match, rows where it is null are unknown (so {@code not} leaves them out too). A row
 * with multi-value inputs matches when any combination of its values is true. Stateless.
 */
final class ExpressionMatcher {

	private ExpressionMatcher() {
	}

	static Selection resolve(Segment segment, ExpressionFilter filter) {
		ExprEvaluator evaluator = new ExprEvaluator(filter.parsed());
		ExpressionInputs inputs = new ExpressionInputs(segment, evaluator, "Expression filter[" + filter.expression() + "]");
		MutableRoaringBitmap match = new MutableRoaringBitmap();
		MutableRoaringBitmap unknown = new MutableRoaringBitmap();
		int rows = segment.numRows();
		for (int start = 0; start < rows; start += ExpressionInputs.BATCH) {
			int count = Math.min(ExpressionInputs.BATCH, rows - start);
			inputs.load(start, count);
			for (int i = 0; i < count; i++) {
				int combinations = inputs.bind(i);
				boolean anyTrue = false;
				boolean anyNull = false;
				for (int c = 0; c < combinations && !anyTrue; c++) {
					if (combinations > 1) {
						inputs.bindCombination(c);
					}
					ExprValue value = evaluator.evaluate();
					anyNull |= value.isNull();
					anyTrue |= value.asBoolean();
				}
				if (anyTrue) {
					match.add(start + i);
				}
				else if (anyNull) {
					unknown.add(start + i);
				}
			}
		}
		return Selection.withUnknown(match, unknown);
	}

}
