package io.strata.engine.expr;

/** Unary minus (of a LONG or DOUBLE; null stays null) and logical not (LONG 1 or 0, null stays null). */
final class UnaryNode extends EvalNode {

	private final Expr.UnaryOperator operator;

	private final EvalNode operand;

	private final ExprValue out = new ExprValue();

	UnaryNode(Expr source, Expr.UnaryOperator operator, EvalNode operand) {
		super(source);
		this.operator = operator;
		this.operand = operand;
	}

	@Override
	ExprValue eval() {
		ExprValue value = this.operand.eval();
		if (value.isNull()) {
			this.out.setNull(this.operator == Expr.UnaryOperator.NOT ? ExprType.LONG : value.type());
			return this.out;
		}
		switch (this.operator) {
			case NOT -> this.out.setLong(value.asBoolean() ? 0 : 1);
			case MINUS -> {
				switch (value.type()) {
					case LONG -> this.out.setLong(-value.asLong());
					case DOUBLE -> this.out.setDouble(-value.asDouble());
					case STRING -> throw failure("unary minus is not supported on type STRING");
				}
			}
		}
		return this.out;
	}

}
