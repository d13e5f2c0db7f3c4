package io.strata.engine.expr;

/**
 * {@code &&} and {@code ||} with SQL three-valued logic and short-circuit, as Druid documents:
 * {@code false && null} is 0, {@code true && null} null; {@code true || null} is 1,
 * {@code false || null} null. Results are LONG 1, 0 or null.
 */
final class LogicalNode extends EvalNode {

	private final boolean isAnd;

	private final EvalNode left;

	private final EvalNode right;

	private final ExprValue out = new ExprValue();

	LogicalNode(Expr source, boolean isAnd, EvalNode left, EvalNode right) {
		super(source);
		this.isAnd = isAnd;
		this.left = left;
		this.right = right;
	}

	@Override
	ExprValue eval() {
		ExprValue a = this.left.eval();
		boolean leftNull = a.isNull();
		boolean leftTrue = !leftNull && a.asBoolean();
		// the side that decides alone: false for and, true for or
		if (!leftNull && leftTrue != this.isAnd) {
			this.out.setLong(leftTrue ? 1 : 0);
			return this.out;
		}
		ExprValue b = this.right.eval();
		if (b.isNull()) {
			this.out.setNull(ExprType.LONG);
			return this.out;
		}
		boolean rightTrue = b.asBoolean();
		if (leftNull) {
			if (rightTrue != this.isAnd) {
				this.out.setLong(rightTrue ? 1 : 0);
			}
			else {
				this.out.setNull(ExprType.LONG);
			}
			return this.out;
		}
		this.out.setLong(rightTrue ? 1 : 0);
		return this.out;
	}

}
