package io.strata.engine.expr;

import java.util.regex.Pattern;

/**
 * {@code like(expr, pattern[, escape])}: SQL LIKE on the whole string, {@code %} any run of
 * characters, {@code _} one character, the escape character making the next one literal. LONG 1 or
 * 0; null for a null input (unknown, as in Druid 28+).
 */
final class LikeNode extends EvalNode {

	private final EvalNode input;

	private final Pattern pattern;

	private final ExprValue out = new ExprValue();

	LikeNode(Expr source, EvalNode input, String pattern, Character escape) {
		super(source);
		this.input = input;
		this.pattern = Pattern.compile(toRegex(pattern, escape), Pattern.DOTALL);
	}

	static String toRegex(String like, Character escape) {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < like.length(); i++) {
			char c = like.charAt(i);
			if (escape != null && c == escape && i + 1 < like.length()) {
				literal.append(like.charAt(++i));
				continue;
			}
			if (c == '%' || c == '_') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				regex.append(c == '%' ? ".*" : ".");
				continue;
			}
			literal.append(c);
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
		}
		return regex.toString();
	}

	@Override
	ExprValue eval() {
		String text = this.input.eval().asString();
		if (text == null) {
			this.out.setNull(ExprType.LONG);
		}
		else {
			this.out.setLong(this.pattern.matcher(text).matches() ? 1 : 0);
		}
		return this.out;
	}

}
