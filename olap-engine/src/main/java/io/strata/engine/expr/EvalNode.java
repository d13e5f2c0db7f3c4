package io.strata.engine.expr;

import io.strata.engine.error.StrataException;

/**
 * A node of a compiled expression. {@link #eval()} computes the node's value for the current row
 * (the inputs the evaluator was given) and returns a value the node or one of its children owns,
 * valid until that node is evaluated again. One compiled tree serves one thread.
 */
abstract class EvalNode {

	/** The part of the expression this node computes, for error messages. */
	final Expr source;

	EvalNode(Expr source) {
		this.source = source;
	}

	abstract ExprValue eval();

	StrataException failure(String problem) {
		return StrataException.invalidInput("Expression[%s] cannot be evaluated: %s", this.source, problem);
	}

	/** A literal: the same value for every row. */
	static final class Constant extends EvalNode {

		private final ExprValue value = new ExprValue();

		Constant(Expr source, ExprValue value) {
			super(source);
			this.value.set(value);
		}

		@Override
		ExprValue eval() {
			return this.value;
		}

	}

	/** A column: the value the evaluator's caller bound for the current row. */
	static final class Input extends EvalNode {

		private final ExprValue slot;

		Input(Expr source, ExprValue slot) {
			super(source);
			this.slot = slot;
		}

		@Override
		ExprValue eval() {
			return this.slot;
		}

	}

}
