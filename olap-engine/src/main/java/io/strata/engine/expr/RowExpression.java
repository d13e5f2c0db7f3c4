package io.strata.engine.expr;

import io.strata.engine.error.StrataException;

import java.util.List;
import java.util.function.Function;

/**
 * An expression evaluated on rows of Java values looked up by name (an input row being ingested, a
 * query result row), where segments bind columns instead. A list value (a multi-value field) makes
 * the row several bindings, one per combination of the list inputs' values, since Druid applies a
 * scalar expression to each value; an empty list binds null once. Call {@link #bind} per row, then
 * {@link #evaluate} for each of its combinations. Not thread-safe: build one per thread.
 */
public final class RowExpression {

	/** More combinations than this in one row are refused rather than evaluated one by one. */
	static final int MAX_COMBINATIONS = 10_000;

	private final ExprEvaluator evaluator;

	private final List<String> inputs;

	/** Per input: its list value in the current row when it has several values, else null. */
	private final List<?>[] lists;

	private int combinations;

	public RowExpression(Expr expr) {
		this.evaluator = new ExprEvaluator(expr);
		this.inputs = this.evaluator.inputs();
		this.lists = new List<?>[this.inputs.size()];
	}

	public Expr expr() {
		return this.evaluator.expr();
	}

	/**
	 * Binds the current row.
	 * @param row the value of each column name; null when the row lacks it
	 * @return how many bindings the row makes: 1 unless list inputs hold several values
	 * @throws StrataException INVALID_ARGUMENT when a value is of a type expressions cannot read (a
	 * nested object) or the lists make more than {@value #MAX_COMBINATIONS} combinations
	 */
	public int bind(Function<String, ?> row) {
		int total = 1;
		for (int i = 0; i < this.lists.length; i++) {
			Object value = row.apply(this.inputs.get(i));
			this.lists[i] = null;
			if (value instanceof List<?> list) {
				if (list.size() > 1) {
					this.lists[i] = list;
					total *= list.size();
					if (total > MAX_COMBINATIONS) {
						throw StrataException.invalidInput(
								"Expression[%s] would be evaluated on more than %d combinations of multi-value inputs",
								this.evaluator.expr(), MAX_COMBINATIONS);
					}
				}
				value = list.isEmpty() ? null : list.getFirst();
			}
			this.evaluator.input(i).setObject(value);
		}
		this.combinations = total;
		return total;
	}

	/**
	 * Evaluates one combination of the bound row. The value belongs to the evaluator and is overwritten
	 * by the next call.
	 * @param combination from 0 to the count {@link #bind} returned, exclusive
	 * @throws StrataException INVALID_ARGUMENT when the row makes the expression fail
	 */
	public ExprValue evaluate(int combination) {
		if (combination < 0 || combination >= this.combinations) {
			throw StrataException.defensive("Combination[%d] was asked of a row with combinations[%d]", combination, this.combinations);
		}
		if (this.combinations > 1) {
			int rest = combination;
			for (int i = 0; i < this.lists.length; i++) {
				List<?> list = this.lists[i];
				if (list != null) {
					this.evaluator.input(i).setObject(list.get(rest % list.size()));
					rest /= list.size();
				}
			}
		}
		return this.evaluator.evaluate();
	}

}
