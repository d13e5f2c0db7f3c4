package io.strata.engine.expr;

import io.strata.engine.error.StrataException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * An expression compiled for evaluation on one thread. The caller binds the current row by setting
 * the values of {@link #input(int)} (one per column of {@link #inputs()}, in that order), then calls
 * {@link #evaluate()}; nothing is allocated per row for numeric work. Not thread-safe: build one
 * per thread (building is cheap).
 */
public final class ExprEvaluator {

	private final Expr expr;

	private final List<String> inputs;

	private final ExprValue[] slots;

	private final EvalNode root;

	public ExprEvaluator(Expr expr) {
		this.expr = expr;
		this.inputs = expr.columns();
		this.slots = new ExprValue[this.inputs.size()];
		for (int i = 0; i < this.slots.length; i++) {
			this.slots[i] = new ExprValue();
		}
		this.root = compile(expr);
	}

	public Expr expr() {
		return this.expr;
	}

	/** The columns the expression reads, the order of {@link #input(int)}. */
	public List<String> inputs() {
		return this.inputs;
	}

	/** The value of input {@code index} for the current row, to be set by the caller. */
	public ExprValue input(int index) {
		return this.slots[index];
	}

	/**
	 * Evaluates the current row. The returned value belongs to the evaluator and is overwritten by the
	 * next call.
	 * @throws StrataException INVALID_ARGUMENT when the row makes the expression fail (a division of
	 * longs by zero, arithmetic on strings)
	 */
	public ExprValue evaluate() {
		return this.root.eval();
	}

	/** Binds inputs by name (a missing name is null) and evaluates: for per-result-row work. */
	public Object evaluate(Map<String, ?> bindings) {
		for (int i = 0; i < this.slots.length; i++) {
			this.slots[i].setObject(bindings.get(this.inputs.get(i)));
		}
		return evaluate().toObject();
	}

	private EvalNode compile(Expr node) {
		return switch (node) {
			case Expr.LongLiteral literal -> constant(node, value -> value.setLong(literal.value()));
			case Expr.DoubleLiteral literal -> constant(node, value -> value.setDouble(literal.value()));
			case Expr.StringLiteral literal -> constant(node, value -> value.setString(literal.value()));
			case Expr.NullLiteral literal -> constant(node, value -> value.setNull(ExprType.STRING));
			case Expr.Identifier identifier -> new EvalNode.Input(node, this.slots[this.inputs.indexOf(identifier.name())]);
			case Expr.Unary unary -> new UnaryNode(node, unary.operator(), compile(unary.operand()));
			case Expr.Binary binary -> {
				EvalNode left = compile(binary.left());
				EvalNode right = compile(binary.right());
				if (binary.operator().isLogical()) {
					yield new LogicalNode(node, binary.operator() == Expr.BinaryOperator.AND, left, right);
				}
				if (binary.operator().isComparison()) {
					yield new ComparisonNode(node, binary.operator(), left, right);
				}
				yield new ArithmeticNode(node, binary.operator(), left, right);
			}
			case Expr.Call call -> call(call);
		};
	}

	private interface ValueSetter {

		void set(ExprValue value);

	}

	private static EvalNode constant(Expr source, ValueSetter setter) {
		ExprValue value = new ExprValue();
		setter.set(value);
		return new EvalNode.Constant(source, value);
	}

	private EvalNode call(Expr.Call call) {
		List<Expr> arguments = call.arguments();
		EvalNode[] nodes = new EvalNode[arguments.size()];
		for (int i = 0; i < nodes.length; i++) {
			nodes[i] = compile(arguments.get(i));
		}
		return switch (call.function()) {
			case IF, CASE_SEARCHED, CASE_SIMPLE, NVL, ISNULL, NOTNULL -> new ConditionalNode(call, call.function(), nodes);
			case CONCAT, SUBSTRING, STRLEN, LOWER, UPPER -> new StringNode(call, call.function(), nodes);
			case ABS, GREATEST, LEAST -> new MathNode(call, call.function(), nodes);
			case LIKE -> {
				String pattern = ((Expr.StringLiteral) arguments.get(1)).value();
				Character escape = arguments.size() > 2 && arguments.get(2) instanceof Expr.StringLiteral literal
						? literal.value().charAt(0) : null;
				yield new LikeNode(call, nodes[0], pattern, escape);
			}
			case CAST -> new CastNode(call, nodes[0],
					CallValidation.castType(((Expr.StringLiteral) arguments.get(1)).value()));
			case TIMESTAMP_EXTRACT -> {
				TimestampUnit unit = TimestampUnit.parse(((Expr.StringLiteral) arguments.get(1)).value());
				ZoneId zone = arguments.size() > 2
						? TimeArguments.zone(((Expr.StringLiteral) arguments.get(2)).value()) : ZoneOffset.UTC;
				yield new TimestampExtractNode(call, nodes[0], unit, zone);
			}
			case TIMESTAMP_FLOOR -> {
				boolean literals = true;
				for (int i = 1; i < arguments.size(); i++) {
					literals &= arguments.get(i).isLiteral();
				}
				yield new TimestampFloorNode(call, nodes[0], nodes[1], nodes.length > 2 ? nodes[2] : null,
						nodes.length > 3 ? nodes[3] : null, literals);
			}
		};
	}

}
