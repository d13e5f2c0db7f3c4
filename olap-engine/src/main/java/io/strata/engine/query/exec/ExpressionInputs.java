package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.expr.ExprEvaluator;
import io.strata.engine.expr.ExprValue;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.List;

/**
 * Binds the inputs of an expression to the columns of one segment and feeds it rows: batches of
 * rows are decoded at once ({@link #load}), then each row is bound ({@link #bind}). A multi-value
 * string input makes a row several bindings, one per combination of its values (Druid applies a
 * scalar expression to each value); an empty one binds null once. Columns the segment lacks are
 * null. Single-threaded.
 */
final class ExpressionInputs {

	static final int BATCH = 1024;

	private enum Kind {
		LONGS, DOUBLES, STRINGS, MULTI_STRINGS, MISSING
	}

	private final ExprEvaluator evaluator;

	private final Kind[] kinds;

	private final NumericValues[] numbers;

	private final ImmutableRoaringBitmap[] nulls;

	private final StringValues[] strings;

	private final StringDictionary[] dictionaries;

	/** Dictionary values decoded so far, per input; see {@link #value(int, int)}. */
	private final String[][] decoded;

	private final long[][] longBatch;

	private final double[][] doubleBatch;

	private final int[][] idBatch;

	private final boolean hasMultiValueInput;

	private int batchStart;

	/** Per multi-value input: its value count in the current row (0 for null). */
	private final int[] valueCounts;

	private final int[][] valueIds;

	ExpressionInputs(Segment segment, ExprEvaluator evaluator, String user) {
		this.evaluator = evaluator;
		List<String> inputs = evaluator.inputs();
		int n = inputs.size();
		this.kinds = new Kind[n];
		this.numbers = new NumericValues[n];
		this.nulls = new ImmutableRoaringBitmap[n];
		this.strings = new StringValues[n];
		this.dictionaries = new StringDictionary[n];
		this.decoded = new String[n][];
		this.longBatch = new long[n][];
		this.doubleBatch = new double[n][];
		this.idBatch = new int[n][];
		this.valueCounts = new int[n];
		this.valueIds = new int[n][];
		boolean multi = false;
		for (int i = 0; i < n; i++) {
			String name = inputs.get(i);
			ColumnSummary summary = segment.metadata().column(name);
			if (summary == null) {
				this.kinds[i] = Kind.MISSING;
				evaluator.input(i).setNull(io.strata.engine.expr.ExprType.STRING);
				continue;
			}
			ColumnType type = summary.type();
			if (type.isNumeric()) {
				NumericColumn column = name.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(name);
				this.numbers[i] = column.open();
				this.nulls[i] = column.nullRows().isEmpty() ? null : column.nullRows();
				if (type == ColumnType.LONG) {
					this.kinds[i] = Kind.LONGS;
					this.longBatch[i] = new long[BATCH];
				}
				else {
					this.kinds[i] = Kind.DOUBLES;
					this.doubleBatch[i] = new double[BATCH];
				}
			}
			else if (type == ColumnType.STRING) {
				StringColumn column = segment.stringColumn(name);
				this.strings[i] = column.open();
				this.dictionaries[i] = column.dictionary();
				this.decoded[i] = new String[column.dictionary().size()];
				if (column.hasMultipleValues()) {
					this.kinds[i] = Kind.MULTI_STRINGS;
					multi = true;
				}
				else {
					this.kinds[i] = Kind.STRINGS;
					this.idBatch[i] = new int[BATCH];
				}
			}
			else {
				throw StrataException.invalidInput("%s reads column[%s] of type[%s]; expressions read numbers and strings",
						user, name, type.druidName());
			}
		}
		this.hasMultiValueInput = multi;
	}

	boolean hasMultiValueInput() {
		return this.hasMultiValueInput;
	}

	/** The first input that is a multi-value column in this segment, or null. */
	String firstMultiValueInput() {
		for (int i = 0; i < this.kinds.length; i++) {
			if (this.kinds[i] == Kind.MULTI_STRINGS) {
				return this.evaluator.inputs().get(i);
			}
		}
		return null;
	}

	/** Decodes rows {@code [start, start + count)}, {@code count <= BATCH}. */
	void load(int start, int count) {
		this.batchStart = start;
		for (int i = 0; i < this.kinds.length; i++) {
			switch (this.kinds[i]) {
				case LONGS -> this.numbers[i].readLongs(start, count, this.longBatch[i]);
				case DOUBLES -> this.numbers[i].readDoubles(start, count, this.doubleBatch[i]);
				case STRINGS -> this.strings[i].readIds(start, count, this.idBatch[i]);
				case MULTI_STRINGS, MISSING -> {
				}
			}
		}
	}

	/**
	 * Binds row {@code batchStart + offset} of the loaded batch.
	 * @return how many bindings the row makes: 1, or the product of its multi-value counts
	 */
	int bind(int offset) {
		int row = this.batchStart + offset;
		int combinations = 1;
		for (int i = 0; i < this.kinds.length; i++) {
			ExprValue input = this.evaluator.input(i);
			switch (this.kinds[i]) {
				case LONGS -> {
					if (this.nulls[i] != null && this.nulls[i].contains(row)) {
						input.setNull(io.strata.engine.expr.ExprType.LONG);
					}
					else {
						input.setLong(this.longBatch[i][offset]);
					}
				}
				case DOUBLES -> {
					if (this.nulls[i] != null && this.nulls[i].contains(row)) {
						input.setNull(io.strata.engine.expr.ExprType.DOUBLE);
					}
					else {
						input.setDouble(this.doubleBatch[i][offset]);
					}
				}
				case STRINGS -> input.setString(value(i, this.idBatch[i][offset]));
				case MULTI_STRINGS -> {
					int count = this.strings[i].getIds(row);
					this.valueCounts[i] = count;
					this.valueIds[i] = this.strings[i].lastIds();
					if (count == 0) {
						input.setString(null);
					}
					else {
						combinations *= count;
					}
				}
				case MISSING -> {
				}
			}
		}
		if (this.hasMultiValueInput && combinations == 1) {
			bindCombination(0);
		}
		return combinations;
	}

	/** Binds combination {@code index} of the current row's multi-values, the last input varying fastest. */
	void bindCombination(int index) {
		int rest = index;
		for (int i = this.kinds.length - 1; i >= 0; i--) {
			if (this.kinds[i] != Kind.MULTI_STRINGS || this.valueCounts[i] == 0) {
				continue;
			}
			int count = this.valueCounts[i];
			this.evaluator.input(i).setString(value(i, this.valueIds[i][rest % count]));
			rest /= count;
		}
	}

	/** The dictionary value of an id, decoded once per segment. */
	private String value(int input, int id) {
		String[] cache = this.decoded[input];
		String value = cache[id];
		if (value == null) {
			value = this.dictionaries[input].get(id);
			cache[id] = value;
		}
		return value;
	}

}
