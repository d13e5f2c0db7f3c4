package io.strata.engine.expr;

/**
 * {@code + - * / % ^} as Druid evaluates them: null if either side is null; two strings concatenate
 * with {@code +} (other operators refuse strings); two longs give a long (integer division, a
 * division or modulo by zero is an error as in Druid); anything else is computed in doubles, where
 * a string that is not a number makes the result null.
 */
final class ArithmeticNode extends EvalNode {

	private final Expr.BinaryOperator operator;

	private final EvalNode left;

	private final EvalNode right;

	private final ExprValue out = new ExprValue();

	ArithmeticNode(Expr source, Expr.BinaryOperator operator, EvalNode left, EvalNode right) {
		super(source);
		this.operator = operator;
		this.left = left;
		this.right = right;
	}

	@Override
	ExprValue eval() {
		ExprValue a = this.left.eval();
		ExprValue b = this.right.eval();
		if (a.isNull() || b.isNull()) {
			this.out.setNull(ExprType.DOUBLE);
			return this.out;
		}
		ExprType ta = a.type();
		ExprType tb = b.type();
		if (ta == ExprType.STRING && tb == ExprType.STRING) {
			if (this.operator != Expr.BinaryOperator.PLUS) {
				throw failure("operator '" + this.operator.symbol() + "' is not supported on type STRING");
			}
			this.out.setString(a.asString().concat(b.asString()));
			return this.out;
		}
		if (ta == ExprType.LONG && tb == ExprType.LONG) {
			this.out.setLong(longs(a.asLong(), b.asLong()));
			return this.out;
		}
		if (a.isNumericNull() || b.isNumericNull()) {
			this.out.setNull(ExprType.DOUBLE);
			return this.out;
		}
		this.out.setDouble(doubles(a.asDouble(), b.asDouble()));
		return this.out;
	}

	private long longs(long x, long y) {
		return switch (this.operator) {
			case PLUS -> x + y;
			case MINUS -> x - y;
			case MULTIPLY -> x * y;
			case DIVIDE -> {
				if (y == 0) {
					throw failure("division by zero (of LONG values)");
				}
				yield x / y;
			}
			case MODULO -> {
				if (y == 0) {
					throw failure("modulo by zero (of LONG values)");
				}
				yield x % y;
			}
			case POWER -> power(x, y);
			default -> throw failure("operator '" + this.operator.symbol() + "' is not arithmetic");
		};
	}

	private double doubles(double x, double y) {
		return switch (this.operator) {
			case PLUS -> x + y;
			case MINUS -> x - y;
			case MULTIPLY -> x * y;
			case DIVIDE -> x / y;
			case MODULO -> x % y;
			case POWER -> Math.pow(x, y);
			default -> throw failure("operator '" + this.operator.symbol() + "' is not arithmetic");
		};
	}

	/** A long raised to a long by squaring; overflow wraps, as Druid's (Guava's) power does. */
	private long power(long base, long exponent) {
		if (exponent < 0) {
			throw failure("a LONG cannot be raised to a negative LONG power; use a DOUBLE");
		}
		if (exponent > Integer.MAX_VALUE) {
			throw failure("exponent out of range");
		}
		long result = 1;
		long factor = base;
		long remaining = exponent;
		while (remaining > 0) {
			if ((remaining & 1) != 0) {
				result *= factor;
			}
			factor *= factor;
			remaining >>= 1;
		}
		return result;
	}

}
