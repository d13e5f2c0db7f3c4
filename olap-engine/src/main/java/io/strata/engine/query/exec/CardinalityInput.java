package io.strata.engine.query.exec;

import io.strata.engine.aggregation.CardinalityAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.Arrays;

/**
 * A {@code cardinality} aggregator on one segment. By value, every non-null value of every field
 * goes into the sketch. By row, one key per row goes in: each field's part after a U+0000, a part
 * being the single value, nothing for null, or the sorted values of a multi-value row joined by
 * U+0001 (nulls among them as U+0000, all-null as nothing), which is how Druid builds the row it
 * hashes. Numbers count by their decimal text. Single-threaded.
 */
final class CardinalityInput implements RowInput {

	private static final char FIELD_SEPARATOR = '\u0000';

	private static final char VALUE_SEPARATOR = '\u0001';

	private static final String NULL_IN_ROW = "\u0000";

	private final Field[] fields;

	private final boolean byRow;

	private final StringBuilder key = new StringBuilder();

	CardinalityInput(CardinalityAggregatorSpec spec, Segment segment) {
		this.fields = new Field[spec.fields().size()];
		for (int i = 0; i < this.fields.length; i++) {
			this.fields[i] = new Field(spec, segment, spec.fields().get(i));
		}
		this.byRow = spec.byRow();
	}

	@Override
	public void aggregate(int row, AggregateState state) {
		if (!this.byRow) {
			for (Field field : this.fields) {
				int count = field.read(row);
				for (int v = 0; v < count; v++) {
					if (field.values[v] != null) {
						state.updateSketch(field.values[v]);
					}
				}
			}
			return;
		}
		this.key.setLength(0);
		for (Field field : this.fields) {
			// a separator before every part, so an all-null row is a key too (DataSketches skips empty input)
			this.key.append(FIELD_SEPARATOR);
			appendPart(field, field.read(row));
		}
		state.updateSketch(this.key.toString());
	}

	private void appendPart(Field field, int count) {
		if (count == 1) {
			if (field.values[0] != null) {
				this.key.append(field.values[0]);
			}
			return;
		}
		boolean anyValue = false;
		for (int v = 0; v < count; v++) {
			anyValue |= field.values[v] != null;
		}
		if (!anyValue) {
			return;
		}
		String[] sorted = new String[count];
		for (int v = 0; v < count; v++) {
			sorted[v] = field.values[v] == null ? NULL_IN_ROW : field.values[v];
		}
		Arrays.sort(sorted);
		for (int v = 0; v < count; v++) {
			if (v > 0) {
				this.key.append(VALUE_SEPARATOR);
			}
			this.key.append(sorted[v]);
		}
	}

	/** One field's values per row: a string column, a numeric column, or none (all null). */
	private static final class Field {

		private final StringColumn strings;

		private final StringValues ids;

		private final NumericValues numbers;

		private final ImmutableRoaringBitmap nulls;

		private final boolean longs;

		/** The values of the row last read; null entries are nulls. */
		private String[] values = new String[4];

		Field(CardinalityAggregatorSpec spec, Segment segment, String name) {
			ColumnSummary column = name.equals(Segment.TIME_COLUMN) ? segment.metadata().time()
					: segment.metadata().column(name);
			StringColumn strings = null;
			NumericColumn numeric = null;
			if (column != null && column.type() == ColumnType.STRING) {
				strings = segment.stringColumn(name);
			}
			else if (column != null && column.type().isNumeric()) {
				numeric = name.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(name);
			}
			else if (column != null) {
				throw StrataException.unsupported("Aggregator[%s] of type[cardinality] over column[%s] of type[%s] is "
						+ "not supported", spec.name(), name, column.type().druidName());
			}
			this.strings = strings;
			this.ids = strings == null ? null : strings.open();
			this.numbers = numeric == null ? null : numeric.open();
			this.nulls = numeric == null ? null : numeric.nullRows();
			this.longs = column != null && column.type() == ColumnType.LONG;
		}

		/** Reads the values of {@code row} into {@link #values}; returns how many (0 for an empty row). */
		int read(int row) {
			if (this.strings != null) {
				int count = this.ids.getIds(row);
				if (count > this.values.length) {
					this.values = new String[Math.max(count, this.values.length * 2)];
				}
				int[] lastIds = this.ids.lastIds();
				for (int v = 0; v < count; v++) {
					this.values[v] = this.strings.dictionary().get(lastIds[v]);
				}
				return count;
			}
			if (this.numbers == null || this.nulls.contains(row)) {
				this.values[0] = null;
				return 1;
			}
			this.values[0] = this.longs ? Long.toString(this.numbers.getLong(row))
					: Double.toString(this.numbers.getDouble(row));
			return 1;
		}

	}

}
