package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.FilteredAggregatorSpec;
import io.strata.engine.aggregation.FirstLastAggregatorSpec;
import io.strata.engine.aggregation.HyperUniqueAggregatorSpec;
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

/**
 * One aggregator bound to one segment's column: folds batches of selected rows into an {@link
 * AggregateState}, row by row through column cursors that decode a block once for all its rows.
 * Single-threaded.
 */
final class SegmentAggregator {

	private enum Source {
		COUNT, LONGS, DOUBLES, SKETCHES, STRINGS, MISSING, ROW_INPUT
	}

	private final AggregatorSpec spec;

	private final Source source;

	private final NumericValues numbers;

	private final ImmutableRoaringBitmap nulls;

	private final boolean hasNulls;

	private final SketchValues sketches;

	private final StringColumn strings;

	private final StringValues ids;

	/** The input of a query-time-only aggregator, which reads rows its own way; else null. */
	private final RowInput rowInput;

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
			this.source = longs ? Source.LONGS : Source.DOUBLES;
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
		this.nulls = nulls;
		this.hasNulls = nulls != null && !nulls.isEmpty();
		this.sketches = sketches;
		this.strings = strings;
		this.ids = strings == null ? null : strings.open();
		this.rowInput = rowInput;
	}

	/** Folds rows {@code rows[from, to)} (ascending row numbers) into {@code state}. */
	void aggregate(int[] rows, int from, int to, AggregateState state) {
		if (this.source == Source.COUNT) {
			if (to > from) {
				state.addLong(to - from);
			}
			return;
		}
		// the cursors decode each block once and serve the following rows from it
		for (int i = from; i < to; i++) {
			aggregateRow(rows[i], state);
		}
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
				byte[] bytes = this.sketches.getBytes(row);
				if (bytes != null) {
					state.addSketch(state.codec().deserialize(bytes));
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
