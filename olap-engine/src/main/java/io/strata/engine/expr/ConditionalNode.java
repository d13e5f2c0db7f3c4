package io.strata.engine.expr;

/**
 * The functions that choose a value: {@code if}, {@code case_searched}, {@code case_simple} and
 * {@code nvl} return the chosen argument's value as it is (its type included, as in Druid); a
 * condition is true when it is a number above zero or the string {@code true}, so null is false.
 * {@code isnull} and {@code notnull} give LONG 1 or 0.
 */
final class ConditionalNode extends EvalNode {

	private final ExprFunction function;

	private final EvalNode[] arguments;

	private final ExprValue out = new ExprValue();

	ConditionalNode(Expr source, ExprFunction function, EvalNode[] arguments) {
		super(source);
		this.function = function;
		this.arguments = arguments;
	}

	@Override
	ExprValue eval() {
		EvalNode[] args = this.arguments;
		switch (this.function) {
			case IF -> {
				return args[0].eval().asBoolean() ? args[1].eval() : args[2].eval();
			}
			case NVL -> {
				ExprValue value = args[0].eval();
				return value.isNull() ? args[1].eval() : value;
			}
			case ISNULL, NOTNULL -> {
				boolean isNull = args[0].eval().isNull();
				this.out.setLong(isNull == (this.function == ExprFunction.ISNULL) ? 1 : 0);
				return this.out;
			}
			case CASE_SEARCHED -> {
				for (int i = 0; i < args.length; i += 2) {
					if (i == args.length - 1) {
						return args[i].eval();
					}
					if (args[i].eval().asBoolean()) {
						return args[i + 1].eval();
					}
				}
				this.out.setNull(ExprType.STRING);
				return this.out;
			}
			case CASE_SIMPLE -> {
				for (int i = 1; i < args.length; i += 2) {
					if (i == args.length - 1) {
						return args[i].eval();
					}
					// the subject is evaluated again per candidate, so its value is always fresh
					ComparisonNode.compare(Expr.BinaryOperator.EQUAL, args[0].eval(), args[i].eval(), this.out);
					if (this.out.asBoolean()) {
						return args[i + 1].eval();
					}
				}
				this.out.setNull(ExprType.STRING);
				return this.out;
			}
			default -> throw new IllegalStateException("not a conditional function: " + this.function);
		}
	}

}
