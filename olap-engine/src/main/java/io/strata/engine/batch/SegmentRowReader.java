package io.strata.engine.batch;

import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads back the rows of a segment as input rows, the way compaction re-ingests them: the row's
 * {@code __time} as its time, every dimension under its name (a string, a list for multi-values,
 * a Long or Double, null when absent) and every metric's stored value under the metric's name (a
 * Long or Double, null when null, a sketch's serialized bytes). Not thread-safe; one reader per
 * segment read.
 */
public final class SegmentRowReader {

	private final Segment segment;

	public SegmentRowReader(Segment segment) {
		this.segment = segment;
	}

	/** Hands each row, in segment order, to {@code consumer}. */
	public void forEach(Consumer<InputRow> consumer) {
		SegmentMetadata metadata = this.segment.metadata();
		List<ColumnReader> columns = new ArrayList<>();
		for (ColumnSummary dimension : metadata.dimensions()) {
			columns.add(reader(dimension.name(), dimension.type()));
		}
		for (ColumnSummary metric : metadata.metrics()) {
			columns.add(reader(metric.name(), metric.type()));
		}
		NumericValues time = this.segment.time().open();
		int rows = this.segment.numRows();
		for (int row = 0; row < rows; row++) {
			FieldMap fields = new FieldMap(columns.size());
			for (ColumnReader column : columns) {
				fields.put(column.name(), column.value(row));
			}
			consumer.accept(new InputRow(time.getLong(row), fields));
		}
	}

	private ColumnReader reader(String name, ColumnType type) {
		return switch (type) {
			case STRING -> new StringReader(name, this.segment.stringColumn(name).dictionary(),
					this.segment.stringColumn(name).open());
			case LONG, FLOAT, DOUBLE -> {
				NumericColumn column = this.segment.numericColumn(name);
				yield new NumberReader(name, type, column.open(), column.nullRows());
			}
			case HLL_SKETCH, THETA_SKETCH, QUANTILES_DOUBLES_SKETCH -> new SketchReader(name,
					this.segment.sketchColumn(name).open());
		};
	}

	private sealed interface ColumnReader {

		String name();

		Object value(int row);

	}

	private record StringReader(String name, StringDictionary dictionary, StringValues values) implements ColumnReader {

		@Override
		public Object value(int row) {
			int count = this.values.getIds(row);
			int[] ids = this.values.lastIds();
			if (count == 0) {
				return null;
			}
			if (count == 1) {
				return this.dictionary.get(ids[0]);
			}
			List<Object> multi = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				multi.add(this.dictionary.get(ids[i]));
			}
			return multi;
		}

	}

	private record NumberReader(String name, ColumnType type, NumericValues values, ImmutableRoaringBitmap nulls)
			implements ColumnReader {

		@Override
		public Object value(int row) {
			if (!this.nulls.isEmpty() && this.nulls.contains(row)) {
				return null;
			}
			return this.type == ColumnType.LONG ? (Object) this.values.getLong(row) : (Object) this.values.getDouble(row);
		}

	}

	private record SketchReader(String name, SketchValues values) implements ColumnReader {

		@Override
		public Object value(int row) {
			return this.values.getBytes(row);
		}

	}

}
