package io.strata.engine.expr;

/**
 * {@code cast(expr, 'LONG'|'DOUBLE'|'STRING')}: doubles truncate to longs, strings that are not
 * numbers become null numbers, numbers print as Java prints them; null stays null.
 */
final class CastNode extends EvalNode {

	private final EvalNode input;

	private final ExprType target;

	private final ExprValue out = new ExprValue();

	CastNode(Expr source, EvalNode input, ExprType target) {
		super(source);
		this.input = input;
		this.target = target;
	}

	@Override
	ExprValue eval() {
		ExprValue value = this.input.eval();
		if (value.isNull() || (this.target != ExprType.STRING && value.isNumericNull())) {
			this.out.setNull(this.target);
			return this.out;
		}
		switch (this.target) {
			case LONG -> this.out.setLong(value.asLong());
			case DOUBLE -> this.out.setDouble(value.asDouble());
			case STRING -> this.out.setString(value.asString());
		}
		return this.out;
	}

}
