package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.SketchAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.lang.foreign.MemorySegment;

/**
 * One aggregator bound to one segment's column: folds batches of selected rows into an {@link
 * AggregateState}: in vectors where the source allows, else row by row through column cursors
 * that decode a block once for all its rows. Single-threaded.
 */
final class SegmentAggregator {

	private enum Source {
		COUNT, LONGS, DOUBLES, SKETCHES, STRINGS, NUMBERS_INTO_SKETCH, MISSING, ROW_INPUT
	}

	private final AggregatorSpec spec;

	private final Source source;

	private final NumericValues numbers;

	/** The type of the numeric column read, or null. */
	private final ColumnType numberType;

	private final ImmutableRoaringBitmap nulls;

	private final boolean hasNulls;

	private final SketchValues sketches;

	private final StringColumn strings;

	private final StringValues ids;

	/** The input of a query-time-only aggregator, which reads rows its own way; else null. */
	private final RowInput rowInput;

	private int[] rowScratch = new int[0];

	private long[] longScratch = new long[0];

	private double[] doubleScratch = new double[0];

	SegmentAggregator(AggregatorSpec spec, Segment segment) {
		this.spec = spec;
		String field = spec.inputFields().isEmpty() ? null : spec.inputFields().getFirst();
		ColumnSummary column = field == null ? null
				: field.equals(Segment.TIME_COLUMN) ? segment.metadata().time() : segment.metadata().column(field);
		NumericValues numbers = null;
		ImmutableRoaringBitmap nulls = null;
		SketchValues sketches = null;
		StringColumn strings = null;
		RowInput rowInput = switch (spec) {
			case FilteredAggregatorSpec filtered -> new FilteredInput(filtered, segment);
			case FirstLastAggregatorSpec firstLast -> new FirstLastInput(firstLast, segment);
			case CardinalityAggregatorSpec cardinality -> new CardinalityInput(cardinality, segment);
			case CountAggregatorSpec _, NumericAggregatorSpec _, SketchAggregatorSpec _, HyperUniqueAggregatorSpec _ ->
				null;
		};
		if (spec instanceof HyperUniqueAggregatorSpec && column != null && column.type() != ColumnType.HLL_SKETCH) {
			// Druid's hyperUnique reads only its own stored sketches, never raw values
			throw StrataException.invalidInput("Aggregator[%s] of type[hyperUnique] needs a column ingested with "
					+ "hyperUnique or HLLSketchBuild; column[%s] is of type[%s]", spec.name(), field,
					column.type().druidName());
		}
		if (rowInput != null) {
			this.source = Source.ROW_INPUT;
		}
		else if (spec instanceof CountAggregatorSpec) {
			this.source = Source.COUNT;
		}
		else if (column == null) {
			this.source = Source.MISSING;
		}
		else if (column.type().isSketch()) {
			this.source = Source.SKETCHES;
			sketches = segment.sketchColumn(field).open();
		}
		else if (column.type().isNumeric()) {
			NumericColumn numeric = field.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(field);
			numbers = numeric.open();
			nulls = numeric.nullRows();
			boolean longs = spec instanceof NumericAggregatorSpec numericSpec
					&& numericSpec.aggregation().type() == ColumnType.LONG;
			// a sketch built at query time from numbers (quantiles of latency, distinct long ids)
			this.source = spec.storedType().isSketch() ? Source.NUMBERS_INTO_SKETCH
					: longs ? Source.LONGS : Source.DOUBLES;
		}
		else if (column.type() == ColumnType.STRING && spec.storedType().isSketch()) {
			this.source = Source.STRINGS;
			strings = segment.stringColumn(field);
		}
		else {
			throw StrataException.unsupported("Aggregator[%s] of type[%s] over column[%s] of type[%s] is not supported",
					spec.name(), spec.typeName(), field, column.type().druidName());
		}
		this.numbers = numbers;
		this.numberType = numbers == null ? null : column.type();
		this.nulls = nulls;
		this.hasNulls = nulls != null && !nulls.isEmpty();
		this.sketches = sketches;
		this.strings = strings;
		this.ids = strings == null ? null : strings.open();
		this.rowInput = rowInput;
	}

	/**
	 * Folds rows {@code rows[from, to)} (ascending row numbers) into {@code state}: numeric columns
	 * are read as one vector (a block copy when the rows are contiguous) and folded with one
	 * dispatch.
	 */
	void aggregate(int[] rows, int from, int to, AggregateState state) {
		int count = to - from;
		if (count <= 0) {
			return;
		}
		switch (this.source) {
			case COUNT -> state.addLong(count);
			case MISSING -> {
			}
			case LONGS -> {
				long[] values = longScratch(count);
				readLongs(rows, from, count, values);
				if (this.hasNulls) {
					count = dropNulls(rows, from, count, values, null);
				}
				state.foldLongs(values, count);
			}
			case DOUBLES -> {
				double[] values = doubleScratch(count);
				readDoubles(rows, from, count, values);
				if (this.hasNulls) {
					count = dropNulls(rows, from, count, null, values);
				}
				state.foldDoubles(values, count);
			}
			case SKETCHES -> {
				for (int i = from; i < to; i++) {
					aggregateRow(rows[i], state);
				}
			}
			case STRINGS, NUMBERS_INTO_SKETCH, ROW_INPUT -> {
				for (int i = from; i < to; i++) {
					aggregateRow(rows[i], state);
				}
			}
		}
	}

	AggregatorSpec spec() {
		return this.spec;
	}

	/** How grouped states of this aggregator are kept (see {@link SlotStates}). */
	SlotStates.Layout slotLayout() {
		return switch (this.source) {
			case COUNT -> SlotStates.Layout.COUNTS;
			case LONGS -> SlotStates.Layout.LONGS;
			case DOUBLES -> this.spec.storedType() == ColumnType.FLOAT ? SlotStates.Layout.STATES
					: SlotStates.Layout.DOUBLES;
			case MISSING, SKETCHES, STRINGS, NUMBERS_INTO_SKETCH, ROW_INPUT -> SlotStates.Layout.STATES;
		};
	}

	/**
	 * Folds rows {@code rows[from, from + count)} into the groups {@code slots[0, count)} of
	 * {@code target}, whose layout is {@link #slotLayout()}.
	 */
	void aggregateGrouped(int[] rows, int from, int count, int[] slots, SlotStates target) {
		switch (target.layout) {
			case COUNTS -> {
				long[] counts = target.longs;
				for (int i = 0; i < count; i++) {
					counts[slots[i]]++;
				}
			}
			case LONGS -> {
				long[] values = longScratch(count);
				readLongs(rows, from, count, values);
				long[] sums = target.longs;
				boolean[] has = target.hasValue;
				NumericAggregation.Kind kind = target.kind;
				for (int i = 0; i < count; i++) {
					if (this.hasNulls && this.nulls.contains(rows[from + i])) {
						continue;
					}
					int slot = slots[i];
					long value = values[i];
					if (!has[slot]) {
						has[slot] = true;
						sums[slot] = value;
					}
					else {
						sums[slot] = switch (kind) {
							case SUM -> sums[slot] + value;
							case MIN -> Math.min(sums[slot], value);
							case MAX -> Math.max(sums[slot], value);
						};
					}
				}
			}
			case DOUBLES -> {
				double[] values = doubleScratch(count);
				readDoubles(rows, from, count, values);
				double[] sums = target.doubles;
				boolean[] has = target.hasValue;
				NumericAggregation.Kind kind = target.kind;
				for (int i = 0; i < count; i++) {
					if (this.hasNulls && this.nulls.contains(rows[from + i])) {
						continue;
					}
					int slot = slots[i];
					double value = values[i];
					if (!has[slot]) {
						has[slot] = true;
						sums[slot] = value;
					}
					else {
						sums[slot] = switch (kind) {
							case SUM -> sums[slot] + value;
							case MIN -> Math.min(sums[slot], value);
							case MAX -> Math.max(sums[slot], value);
						};
					}
				}
			}
			case STATES -> {
				for (int i = 0; i < count; i++) {
					aggregateRow(rows[from + i], target.stateOf(slots[i]));
				}
			}
		}
	}

	private void readLongs(int[] rows, int from, int count, long[] out) {
		if (rows[from + count - 1] - rows[from] == count - 1) {
			this.numbers.readLongs(rows[from], count, out);
		}
		else {
			this.numbers.readLongs(rowScratch(rows, from, count), count, out);
		}
	}

	private void readDoubles(int[] rows, int from, int count, double[] out) {
		if (rows[from + count - 1] - rows[from] == count - 1) {
			this.numbers.readDoubles(rows[from], count, out);
		}
		else {
			this.numbers.readDoubles(rowScratch(rows, from, count), count, out);
		}
	}

	/** Compacts away the values of null rows; returns how many remain. */
	private int dropNulls(int[] rows, int from, int count, long[] longs, double[] doubles) {
		int kept = 0;
		for (int i = 0; i < count; i++) {
			if (!this.nulls.contains(rows[from + i])) {
				if (longs != null) {
					longs[kept] = longs[i];
				}
				else {
					doubles[kept] = doubles[i];
				}
				kept++;
			}
		}
		return kept;
	}

	private int[] rowScratch(int[] rows, int from, int count) {
		if (from == 0) {
			return rows;
		}
		if (this.rowScratch.length < count) {
			this.rowScratch = new int[count];
		}
		System.arraycopy(rows, from, this.rowScratch, 0, count);
		return this.rowScratch;
	}

	private long[] longScratch(int count) {
		if (this.longScratch.length < count) {
			this.longScratch = new long[count];
		}
		return this.longScratch;
	}

	private double[] doubleScratch(int count) {
		if (this.doubleScratch.length < count) {
			this.doubleScratch = new double[count];
		}
		return this.doubleScratch;
	}

	/** Folds one row into {@code state}: the row-at-a-time path of grouping queries. */
	void aggregateRow(int row, AggregateState state) {
		switch (this.source) {
			case COUNT -> state.addLong(1);
			case MISSING -> {
			}
			case ROW_INPUT -> this.rowInput.aggregate(row, state);
			case LONGS -> {
				if (!this.hasNulls || !this.nulls.contains(row)) {
					state.addLong(this.numbers.getLong(row));
				}
			}
			case DOUBLES -> {
				if (!this.hasNulls || !this.nulls.contains(row)) {
					state.addDouble(this.numbers.getDouble(row));
				}
			}
			case SKETCHES -> {
				MemorySegment bytes = this.sketches.viewBytes(row);
				if (bytes != null) {
					state.addSketchBytes(bytes);
				}
			}
			case NUMBERS_INTO_SKETCH -> {
				if (!this.hasNulls || !this.nulls.contains(row)) {
					boolean longColumn = this.numberType == ColumnType.LONG;
					state.updateSketch(longColumn ? (Object) this.numbers.getLong(row) : (Object) this.numbers.getDouble(row));
				}
			}
			case STRINGS -> {
				int values = this.ids.getIds(row);
				for (int v = 0; v < values; v++) {
					String value = this.strings.dictionary().get(this.ids.lastIds()[v]);
					if (value != null) {
						state.updateSketch(value);
					}
				}
			}
		}
	}

}
