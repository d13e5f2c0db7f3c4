package io.strata.engine.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Druid expression: an immutable tree. {@link #toString()} gives it back in Druid's syntax
 * (fully parenthesised), which is how error messages name a part of an expression.
 */
public sealed interface Expr permits Expr.LongLiteral, Expr.DoubleLiteral, Expr.StringLiteral, Expr.NullLiteral,
		Expr.Identifier, Expr.Unary, Expr.Binary, Expr.Call {

	/** The columns the expression reads, in order of first appearance. */
	default List<String> columns() {
		Set<String> names = new LinkedHashSet<>();
		collectColumns(this, names);
		return List.copyOf(names);
	}

	private static void collectColumns(Expr expr, Set<String> names) {
		switch (expr) {
			case Identifier identifier -> names.add(identifier.name());
			case Unary unary -> collectColumns(unary.operand(), names);
			case Binary binary -> {
				collectColumns(binary.left(), names);
				collectColumns(binary.right(), names);
			}
			case Call call -> call.arguments().forEach(argument -> collectColumns(argument, names));
			case LongLiteral literal -> {
			}
			case DoubleLiteral literal -> {
			}
			case StringLiteral literal -> {
			}
			case NullLiteral literal -> {
			}
		}
	}

	/** True for literals, whose value is known without any row. */
	default boolean isLiteral() {
		return this instanceof LongLiteral || this instanceof DoubleLiteral || this instanceof StringLiteral
				|| this instanceof NullLiteral;
	}

	record LongLiteral(long value) implements Expr {

		@Override
		public String toString() {
			return Long.toString(this.value);
		}

	}

	record DoubleLiteral(double value) implements Expr {

		@Override
		public String toString() {
			return Double.toString(this.value);
		}

	}

	record StringLiteral(String value) implements Expr {

		public StringLiteral {
			Objects.requireNonNull(value, "value");
		}

		@Override
		public String toString() {
			return "'" + this.value.replace("\\", "\\\\").replace("'", "\\'") + "'";
		}

	}

	record NullLiteral() implements Expr {

		@Override
		public String toString() {
			return "null";
		}

	}

	/** A column name (double-quoted in the text when it is not a plain identifier). */
	record Identifier(String name) implements Expr {

		public Identifier {
			Objects.requireNonNull(name, "name");
		}

		@Override
		public String toString() {
			return "\"" + this.name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

	}

	enum UnaryOperator {

		MINUS("-"), NOT("!");

		private final String symbol;

		UnaryOperator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

	}

	record Unary(UnaryOperator operator, Expr operand) implements Expr {

		public Unary {
			Objects.requireNonNull(operator, "operator");
			Objects.requireNonNull(operand, "operand");
		}

		@Override
		public String toString() {
			return this.operator.symbol() + this.operand;
		}

	}

	enum BinaryOperator {

		POWER("^"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), PLUS("+"), MINUS("-"), LESS("<"), LESS_OR_EQUAL("<="),
		GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="), AND("&&"), OR("||");

		private final String symbol;

		BinaryOperator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

		public boolean isComparison() {
			return this.ordinal() >= LESS.ordinal() && this.ordinal() <= NOT_EQUAL.ordinal();
		}

		public boolean isLogical() {
			return this == AND || this == OR;
		}

	}

	record Binary(BinaryOperator operator, Expr left, Expr right) implements Expr {

		public Binary {
			Objects.requireNonNull(operator, "operator");
			Objects.requireNonNull(left, "left");
			Objects.requireNonNull(right, "right");
		}

		@Override
		public String toString() {
			return "(" + this.left + " " + this.operator.symbol() + " " + this.right + ")";
		}

	}

	/** A call of a built-in function; the parser has checked the argument count. */
	record Call(ExprFunction function, List<Expr> arguments) implements Expr {

		public Call {
			Objects.requireNonNull(function, "function");
			arguments = List.copyOf(arguments);
		}

		@Override
		public String toString() {
			List<String> parts = new ArrayList<>();
			for (Expr argument : this.arguments) {
				parts.add(argument.toString());
			}
			return this.function.functionName() + "(" + String.join(", ", parts) + ")";
		}

	}

}
