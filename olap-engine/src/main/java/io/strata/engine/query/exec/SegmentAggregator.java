package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregatorSpec;
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
 * AggregateState}. Numeric columns are read in batches into primitive arrays and summed in a
 * plain loop. Single-threaded.
 */
final class SegmentAggregator {

	private enum Source {
		COUNT, LONGS, DOUBLES, SKETCHES, STRINGS, MISSING
	}

	private final AggregatorSpec spec;

	private final Source source;

	private final NumericValues numbers;

	private final ImmutableRoaringBitmap nulls;

	private final boolean hasNulls;

	private final SketchValues sketches;

	private final StringColumn strings;

	private final StringValues ids;

	private final long[] longs;

	private final double[] doubles;

	SegmentAggregator(AggregatorSpec spec, Segment segment, int batch) {
		this.spec = spec;
		String field = spec.inputFields().isEmpty() ? null : spec.inputFields().getFirst();
		ColumnSummary column = field == null ? null
				: field.equals(Segment.TIME_COLUMN) ? segment.metadata().time() : segment.metadata().column(field);
		NumericValues numbers = null;
		ImmutableRoaringBitmap nulls = null;
		SketchValues sketches = null;
		StringColumn strings = null;
		if (spec instanceof CountAggregatorSpec) {
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
		this.longs = new long[batch];
		this.doubles = new double[batch];
	}

	/** Folds rows {@code rows[from, to)} (ascending row numbers) into {@code state}. */
	void aggregate(int[] rows, int from, int to, AggregateState state) {
		int count = to - from;
		switch (this.source) {
			case COUNT -> {
				if (count > 0) {
					state.addLong(count);
				}
			}
			case MISSING -> {
			}
			case LONGS -> {
				gather(rows, from, count);
				if (state.spec.storedType() == ColumnType.LONG || state.spec instanceof CountAggregatorSpec) {
					long[] values = this.longs;
					for (int i = 0; i < count; i++) {
						if (!this.hasNulls || !this.nulls.contains(rows[from + i])) {
							state.addLong(values[i]);
						}
					}
				}
			}
			case DOUBLES -> {
				gatherDoubles(rows, from, count);
				double[] values = this.doubles;
				for (int i = 0; i < count; i++) {
					if (!this.hasNulls || !this.nulls.contains(rows[from + i])) {
						state.addDouble(values[i]);
					}
				}
			}
			case SKETCHES -> {
				for (int i = from; i < to; i++) {
					byte[] bytes = this.sketches.getBytes(rows[i]);
					if (bytes != null) {
						state.addSketch(state.codec().deserialize(bytes));
					}
				}
			}
			case STRINGS -> {
				for (int i = from; i < to; i++) {
					int values = this.ids.getIds(rows[i]);
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

	/** Folds one row into {@code state}: the row-at-a-time path of grouping queries. */
	void aggregateRow(int row, AggregateState state) {
		switch (this.source) {
			case COUNT -> state.addLong(1);
			case MISSING -> {
			}
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

	private void gather(int[] rows, int from, int count) {
		if (from == 0) {
			this.numbers.readLongs(rows, count, this.longs);
			return;
		}
		int[] slice = java.util.Arrays.copyOfRange(rows, from, from + count);
		this.numbers.readLongs(slice, count, this.longs);
	}

	private void gatherDoubles(int[] rows, int from, int count) {
		if (from == 0) {
			this.numbers.readDoubles(rows, count, this.doubles);
			return;
		}
		int[] slice = java.util.Arrays.copyOfRange(rows, from, from + count);
		this.numbers.readDoubles(slice, count, this.doubles);
	}

}
