package io.strata.engine.expr;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprTokenizer.Kind;
import io.strata.engine.expr.ExprTokenizer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses Druid's expression syntax by recursive descent, with Druid's precedence from loosest to
 * tightest: {@code && ||} (one level, left to right, as in Druid's grammar), comparisons, {@code + -},
 * {@code * / %}, {@code ^} (right to left), unary {@code - !} (so {@code -2^2} is 4). A minus before a
 * number literal folds into the literal. Errors are invalid input naming the expression and the
 * 0-based character position. Stateless.
 */
public final class ExprParser {

	private final String text;

	private final List<Token> tokens;

	private int index;

	private ExprParser(String text) {
		this.text = text;
		this.tokens = ExprTokenizer.tokenize(text);
	}

	/** @throws StrataException INVALID_ARGUMENT naming the expression and where it is wrong */
	public static Expr parse(String text) {
		Objects.requireNonNull(text, "text");
		ExprParser parser = new ExprParser(text);
		if (parser.peek().kind() == Kind.END) {
			throw error(text, 0, "the expression is empty");
		}
		Expr expr = parser.logical();
		Token last = parser.peek();
		if (last.kind() != Kind.END) {
			throw error(text, last.position(), "unexpected '" + last.text() + "' after a complete expression");
		}
		return expr;
	}

	static StrataException error(String text, int position, String problem) {
		return StrataException.invalidInput("Expression[%s] is invalid at position[%d]: %s", text, position, problem);
	}

	private Token peek() {
		return this.tokens.get(this.index);
	}

	private Token take() {
		return this.tokens.get(this.index++);
	}

	private boolean atOperator(String... symbols) {
		Token token = peek();
		if (token.kind() != Kind.OPERATOR) {
			return false;
		}
		for (String symbol : symbols) {
			if (token.text().equals(symbol)) {
				return true;
			}
		}
		return false;
	}

	private Expr logical() {
		Expr left = comparison();
		while (atOperator("&&", "||")) {
			Expr.BinaryOperator operator = take().text().equals("&&") ? Expr.BinaryOperator.AND : Expr.BinaryOperator.OR;
			left = new Expr.Binary(operator, left, comparison());
		}
		return left;
	}

	private Expr comparison() {
		Expr left = additive();
		while (atOperator("<", "<=", ">", ">=", "==", "!=")) {
			Expr.BinaryOperator operator = switch (take().text()) {
				case "<" -> Expr.BinaryOperator.LESS;
				case "<=" -> Expr.BinaryOperator.LESS_OR_EQUAL;
				case ">" -> Expr.BinaryOperator.GREATER;
				case ">=" -> Expr.BinaryOperator.GREATER_OR_EQUAL;
				case "==" -> Expr.BinaryOperator.EQUAL;
				default -> Expr.BinaryOperator.NOT_EQUAL;
			};
			left = new Expr.Binary(operator, left, additive());
		}
		return left;
	}

	private Expr additive() {
		Expr left = multiplicative();
		while (atOperator("+", "-")) {
			Expr.BinaryOperator operator = take().text().equals("+") ? Expr.BinaryOperator.PLUS
					: Expr.BinaryOperator.MINUS;
			left = new Expr.Binary(operator, left, multiplicative());
		}
		return left;
	}

	private Expr multiplicative() {
		Expr left = power();
		while (atOperator("*", "/", "%")) {
			Expr.BinaryOperator operator = switch (take().text()) {
				case "*" -> Expr.BinaryOperator.MULTIPLY;
				case "/" -> Expr.BinaryOperator.DIVIDE;
				default -> Expr.BinaryOperator.MODULO;
			};
			left = new Expr.Binary(operator, left, power());
		}
		return left;
	}

	private Expr power() {
		Expr base = unary();
		if (atOperator("^")) {
			take();
			return new Expr.Binary(Expr.BinaryOperator.POWER, base, power());
		}
		return base;
	}

	private Expr unary() {
		if (atOperator("-")) {
			take();
			Token next = peek();
			if (next.kind() == Kind.LONG && next.text().equals("9223372036854775808")) {
				take();
				return new Expr.LongLiteral(Long.MIN_VALUE);
			}
			Expr operand = unary();
			return switch (operand) {
				case Expr.LongLiteral literal -> new Expr.LongLiteral(-literal.value());
				case Expr.DoubleLiteral literal -> new Expr.DoubleLiteral(-literal.value());
				default -> new Expr.Unary(Expr.UnaryOperator.MINUS, operand);
			};
		}
		if (atOperator("!")) {
			take();
			return new Expr.Unary(Expr.UnaryOperator.NOT, unary());
		}
		return primary();
	}

	private Expr primary() {
		Token token = take();
		return switch (token.kind()) {
			case LONG -> {
				try {
					yield new Expr.LongLiteral(Long.parseLong(token.text()));
				}
				catch (NumberFormatException ex) {
					throw error(this.text, token.position(), "long literal " + token.text() + " is out of range");
				}
			}
			case DOUBLE -> new Expr.DoubleLiteral(Double.parseDouble(token.text()));
			case STRING -> new Expr.StringLiteral(token.text());
			case QUOTED_IDENTIFIER -> new Expr.Identifier(token.text());
			case IDENTIFIER -> {
				if (peek().kind() == Kind.OPEN) {
					yield call(token);
				}
				yield switch (token.text()) {
					case "null" -> new Expr.NullLiteral();
					case "NaN" -> new Expr.DoubleLiteral(Double.NaN);
					case "Infinity" -> new Expr.DoubleLiteral(Double.POSITIVE_INFINITY);
					default -> new Expr.Identifier(token.text());
				};
			}
			case OPEN -> {
				Expr inner = logical();
				expect(Kind.CLOSE, "')'");
				yield inner;
			}
			case END -> throw error(this.text, token.position(), "the expression ends where a value was expected");
			case CLOSE, COMMA, OPERATOR -> throw error(this.text, token.position(),
					"unexpected '" + token.text() + "' where a value was expected");
		};
	}

	private void expect(Kind kind, String what) {
		Token token = peek();
		if (token.kind() != kind) {
			throw error(this.text, token.position(), "expected " + what + " but found "
					+ (token.kind() == Kind.END ? "the end" : "'" + token.text() + "'"));
		}
		take();
	}

	private Expr call(Token name) {
		ExprFunction function = ExprFunction.byName(name.text());
		if (function == null) {
			throw error(this.text, name.position(), "function[" + name.text() + "] is not supported; supported are "
					+ ExprFunction.names());
		}
		take();
		List<Expr> arguments = new ArrayList<>();
		if (peek().kind() != Kind.CLOSE) {
			arguments.add(logical());
			while (peek().kind() == Kind.COMMA) {
				take();
				arguments.add(logical());
			}
		}
		expect(Kind.CLOSE, "',' or ')'");
		if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
			String expected = function.minArguments() == function.maxArguments() ? "" + function.minArguments()
					: function.maxArguments() == Integer.MAX_VALUE ? "at least " + function.minArguments()
							: function.minArguments() + " to " + function.maxArguments();
			throw error(this.text, name.position(), "function[" + function.functionName() + "] needs " + expected
					+ " arguments, not " + arguments.size());
		}
		try {
			CallValidation.check(function, arguments);
		}
		catch (IllegalArgumentException ex) {
			throw error(this.text, name.position(), "function[" + function.functionName() + "] " + ex.getMessage());
		}
		return new Expr.Call(function, arguments);
	}

}
