package io.strata.engine.expr;

import java.util.Locale;

/**
 * {@code concat} (null if any argument is null, as in SQL), {@code substring(expr, index, length)}
 * (0-based; a negative length takes the rest; an index past the end gives null), {@code strlen}
 * (UTF-16 units), {@code lower} and {@code upper}. Non-string arguments are read as strings.
 */
final class StringNode extends EvalNode {

	private final ExprFunction function;

	private final EvalNode[] arguments;

	private final ExprValue out = new ExprValue();

	private final StringBuilder builder = new StringBuilder();

	StringNode(Expr source, ExprFunction function, EvalNode[] arguments) {
		super(source);
		this.function = function;
		this.arguments = arguments;
	}

	@Override
	ExprValue eval() {
		switch (this.function) {
			case CONCAT -> concat();
			case SUBSTRING -> substring();
			case STRLEN -> {
				String text = this.arguments[0].eval().asString();
				if (text == null) {
					this.out.setNull(ExprType.LONG);
				}
				else {
					this.out.setLong(text.length());
				}
			}
			case LOWER, UPPER -> {
				String text = this.arguments[0].eval().asString();
				this.out.setString(text == null ? null
						: this.function == ExprFunction.LOWER ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT));
			}
			default -> throw new IllegalStateException("not a string function: " + this.function);
		}
		return this.out;
	}

	private void concat() {
		if (this.arguments.length == 0) {
			this.out.setNull(ExprType.STRING);
			return;
		}
		this.builder.setLength(0);
		for (EvalNode argument : this.arguments) {
			String text = argument.eval().asString();
			if (text == null) {
				this.out.setNull(ExprType.STRING);
				return;
			}
			this.builder.append(text);
		}
		this.out.setString(this.builder.toString());
	}

	private void substring() {
		String text = this.arguments[0].eval().asString();
		if (text == null) {
			this.out.setNull(ExprType.STRING);
			return;
		}
		long index = this.arguments[1].eval().asLong();
		long length = this.arguments[2].eval().asLong();
		if (index < 0) {
			throw failure("substring index must not be negative, was " + index);
		}
		if (index >= text.length()) {
			this.out.setNull(ExprType.STRING);
			return;
		}
		int start = (int) index;
		int end = length < 0 ? text.length() : (int) Math.min(text.length(), index + length);
		this.out.setString(text.substring(start, end));
	}

}
