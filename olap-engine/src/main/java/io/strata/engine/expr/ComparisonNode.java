package io.strata.engine.expr;

/**
 * {@code < <= > >= == !=}: LONG 1 or 0, or null when either side is null (SQL-compatible). Two
 * strings compare as strings (Java order, as Druid); two longs as longs; anything else as doubles,
 * where a string that is not a number makes the result null.
 */
final class ComparisonNode extends EvalNode {

	private final Expr.BinaryOperator operator;

	private final EvalNode left;

	private final EvalNode right;

	private final ExprValue out = new ExprValue();

	ComparisonNode(Expr source, Expr.BinaryOperator operator, EvalNode left, EvalNode right) {
		super(source);
		this.operator = operator;
		this.left = left;
		this.right = right;
	}

	@Override
	ExprValue eval() {
		compare(this.operator, this.left.eval(), this.right.eval(), this.out);
		return this.out;
	}

	/** Writes {@code a operator b} to {@code out}: 1, 0 or null. */
	static void compare(Expr.BinaryOperator operator, ExprValue a, ExprValue b, ExprValue out) {
		if (a.isNull() || b.isNull()) {
			out.setNull(ExprType.LONG);
			return;
		}
		int comparison;
		if (a.type() == ExprType.STRING && b.type() == ExprType.STRING) {
			comparison = a.asString().compareTo(b.asString());
		}
		else if (a.type() == ExprType.LONG && b.type() == ExprType.LONG) {
			comparison = Long.compare(a.asLong(), b.asLong());
		}
		else if (a.isNumericNull() || b.isNumericNull()) {
			out.setNull(ExprType.LONG);
			return;
		}
		else {
			double x = a.asDouble();
			double y = b.asDouble();
			if (operator == Expr.BinaryOperator.EQUAL || operator == Expr.BinaryOperator.NOT_EQUAL) {
				out.setLong((x == y) == (operator == Expr.BinaryOperator.EQUAL) ? 1 : 0);
				return;
			}
			comparison = Double.compare(x, y);
		}
		boolean result = switch (operator) {
			case LESS -> comparison < 0;
			case LESS_OR_EQUAL -> comparison <= 0;
			case GREATER -> comparison > 0;
			case GREATER_OR_EQUAL -> comparison >= 0;
			case EQUAL -> comparison == 0;
			case NOT_EQUAL -> comparison != 0;
			default -> throw new IllegalStateException("not a comparison: " + operator);
		};
		out.setLong(result ? 1 : 0);
	}

}
