package io.strata.engine.ingest;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.expr.RowExpression;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.query.exec.RowMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a data schema's {@link TransformSpec} to input rows, as Druid does between parsing and
 * rollup. Every ingestion path ({@link IndexingPipeline}, the batch segment builder and its row
 * estimate, the real-time appender) calls it first, before it picks the row's interval, since a
 * transform may move the row's time:
 * <ol>
 * <li>{@link #transform}: each transform is evaluated on the row as parsed, so transforms read input
 * fields and never each other's outputs; then each output adds its field or replaces the field of
 * that name, and a transform named {@code __time} replaces the row's time;</li>
 * <li>{@link #keeps}: the filter is asked about the transformed row; the caller counts a row it
 * refuses as thrown away.</li>
 * </ol>
 * In expressions and in the filter, {@code __time} is the row's time. A row an expression cannot be
 * evaluated on, or whose new {@code __time} is null or no number, is unparseable.
 * <p>
 * Not thread-safe: one per ingesting thread (expressions keep their evaluators).
 */
public final class RowTransformer {

	private final String[] names;

	private final RowExpression[] expressions;

	/** Index of the {@code __time} transform, or -1. */
	private final int timeTransform;

	private final Object[] outputs;

	/** Null without a filter. */
	private final RowMatcher filter;

	private final CurrentRow current = new CurrentRow();

	public RowTransformer(TransformSpec spec) {
		List<ExpressionTransform> transforms = spec.transforms();
		this.names = new String[transforms.size()];
		this.expressions = new RowExpression[transforms.size()];
		int time = -1;
		for (int i = 0; i < this.names.length; i++) {
			this.names[i] = transforms.get(i).name();
			this.expressions[i] = new RowExpression(transforms.get(i).parsed());
			if (this.names[i].equals(DataSchema.TIME_COLUMN)) {
				time = i;
			}
		}
		this.timeTransform = time;
		this.outputs = new Object[this.names.length];
		this.filter = spec.filter() == null ? null
				: new RowMatcher(spec.filter().dimFilter(), RowMatcher.NumberEquality.TEXT);
	}

	/**
	 * @return the row with the transforms' outputs: the same row when there is no transform
	 * @throws StrataException UNPARSEABLE_ROW naming the transform that cannot be evaluated on the
	 * row, or whose {@code __time} is null or no number
	 */
	public InputRow transform(InputRow row) {
		if (this.names.length == 0) {
			return row;
		}
		this.current.row = row;
		long time = row.timestampMillis();
		for (int i = 0; i < this.names.length; i++) {
			if (i == this.timeTransform) {
				time = evaluateTime(i);
			}
			else {
				this.outputs[i] = evaluate(i);
			}
		}
		// a copy, not the parser's map changed in place: a caller may hand the same row twice
		Map<String, Object> fields = new FieldMap(row.fields().size() + this.names.length);
		fields.putAll(row.fields());
		for (int i = 0; i < this.names.length; i++) {
			if (i != this.timeTransform) {
				fields.put(this.names[i], this.outputs[i]);
				this.outputs[i] = null;
			}
		}
		return new InputRow(time, fields);
	}

	/**
	 * Whether the filter keeps a transformed row; always without a filter.
	 * @throws StrataException UNPARSEABLE_ROW when the filter's expression cannot be evaluated on the row
	 */
	public boolean keeps(InputRow row) {
		if (this.filter == null) {
			return true;
		}
		this.current.row = row;
		try {
			return this.filter.matches(this.current);
		}
		catch (StrataException ex) {
			throw unparseable(ex, "The transformSpec filter cannot be evaluated on the row: ");
		}
	}

	/** The output of a transform: a value, or a list of one value per combination of list inputs. */
	private Object evaluate(int transform) {
		RowExpression expression = this.expressions[transform];
		try {
			int combinations = expression.bind(this.current);
			if (combinations == 1) {
				return expression.evaluate(0).toObject();
			}
			List<Object> values = new ArrayList<>(combinations);
			for (int c = 0; c < combinations; c++) {
				values.add(expression.evaluate(c).toObject());
			}
			return values;
		}
		catch (StrataException ex) {
			throw unparseable(ex, "Transform[" + this.names[transform] + "] cannot be evaluated on the row: ");
		}
	}

	private long evaluateTime(int transform) {
		RowExpression expression = this.expressions[transform];
		int combinations;
		ExprValue value;
		try {
			combinations = expression.bind(this.current);
			value = expression.evaluate(0);
		}
		catch (StrataException ex) {
			throw unparseable(ex, "Transform[__time] cannot be evaluated on the row: ");
		}
		if (combinations != 1) {
			throw new StrataException(ErrorCode.UNPARSEABLE_ROW,
					"Transform[__time] gave several values from multi-value inputs: a row has one time");
		}
		if (value.isNumericNull()) {
			throw new StrataException(ErrorCode.UNPARSEABLE_ROW,
					"Transform[__time] gave " + (value.isNull() ? "null" : "a string that is no number")
							+ " for the row's time");
		}
		return value.asLong();
	}

	/** Evaluation errors of one row make that row unparseable; other errors stay what they are. */
	private static StrataException unparseable(StrataException ex, String context) {
		if (ex.errorCode() != ErrorCode.INVALID_ARGUMENT) {
			return ex;
		}
		return new StrataException(ErrorCode.UNPARSEABLE_ROW, context + ex.getMessage(), ex);
	}

	/** The row being transformed or filtered, by field name; {@code __time} is its time. */
	private static final class CurrentRow implements Function<String, Object> {

		private InputRow row;

		@Override
		public Object apply(String name) {
			return name.equals(DataSchema.TIME_COLUMN) ? this.row.timestampMillis() : this.row.get(name);
		}

	}

}
