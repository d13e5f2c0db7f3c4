package io.strata.engine.expr;

/**
 * {@code abs} (LONG stays LONG, DOUBLE stays DOUBLE; strings and null give null, as Druid's math
 * functions do) and {@code greatest}/{@code least}: nulls are ignored, the result is null when every
 * argument is; any string makes the comparison by strings, else any double makes it by doubles, else
 * by longs.
 */
final class MathNode extends EvalNode {

	private final ExprFunction function;

	private final EvalNode[] arguments;

	private final ExprValue[] values;

	private final ExprValue out = new ExprValue();

	MathNode(Expr source, ExprFunction function, EvalNode[] arguments) {
		super(source);
		this.function = function;
		this.arguments = arguments;
		this.values = new ExprValue[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			this.values[i] = new ExprValue();
		}
	}

	@Override
	ExprValue eval() {
		if (this.function == ExprFunction.ABS) {
			ExprValue value = this.arguments[0].eval();
			if (value.isNull() || value.type() == ExprType.STRING) {
				this.out.setNull(value.type());
			}
			else if (value.type() == ExprType.LONG) {
				this.out.setLong(Math.abs(value.asLong()));
			}
			else {
				this.out.setDouble(Math.abs(value.asDouble()));
			}
			return this.out;
		}
		boolean greatest = this.function == ExprFunction.GREATEST;
		boolean any = false;
		boolean anyString = false;
		boolean anyDouble = false;
		for (int i = 0; i < this.arguments.length; i++) {
			ExprValue value = this.arguments[i].eval();
			this.values[i].set(value);
			if (!value.isNull()) {
				any = true;
				anyString |= value.type() == ExprType.STRING;
				anyDouble |= value.type() == ExprType.DOUBLE;
			}
		}
		if (!any) {
			this.out.setNull(ExprType.LONG);
			return this.out;
		}
		if (anyString) {
			String best = null;
			for (ExprValue value : this.values) {
				String text = value.asString();
				if (text != null && (best == null || (greatest ? text.compareTo(best) > 0 : text.compareTo(best) < 0))) {
					best = text;
				}
			}
			this.out.setString(best);
		}
		else if (anyDouble) {
			double best = greatest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
			for (ExprValue value : this.values) {
				if (!value.isNull()) {
					best = greatest ? Math.max(best, value.asDouble()) : Math.min(best, value.asDouble());
				}
			}
			this.out.setDouble(best);
		}
		else {
			long best = greatest ? Long.MIN_VALUE : Long.MAX_VALUE;
			for (ExprValue value : this.values) {
				if (!value.isNull()) {
					best = greatest ? Math.max(best, value.asLong()) : Math.min(best, value.asLong());
				}
			}
			this.out.setLong(best);
		}
		return this.out;
	}

}
