package io.strata.engine.testing;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads every value of every column of a segment into plain Java values, row by row, so two
 * segments can be compared value by value. String values are decoded through the dictionary;
 * sketches become their bytes in hex, or their estimate when bytes are not comparable.
 */
public final class SegmentDump {

	private SegmentDump() {
	}

	public enum Sketches {
		BYTES, ESTIMATES
	}

	public static List<List<Object>> rows(Segment segment, Sketches sketches) {
		int rows = segment.numRows();
		List<List<Object>> result = new ArrayList<>(rows);
		for (int row = 0; row < rows; row++) {
			result.add(new ArrayList<>());
		}
		NumericValues time = segment.time().open();
		for (int row = 0; row < rows; row++) {
			result.get(row).add(time.getLong(row));
		}
		for (ColumnSummary column : segment.metadata().dimensions()) {
			if (column.type() == ColumnType.STRING) {
				StringColumn strings = segment.stringColumn(column.name());
				StringDictionary dictionary = strings.dictionary();
				StringValues values = strings.open();
				for (int row = 0; row < rows; row++) {
					int count = values.getIds(row);
					int[] ids = values.lastIds();
					Object value;
					if (strings.hasMultipleValues()) {
						List<String> list = new ArrayList<>(count);
						for (int i = 0; i < count; i++) {
							list.add(dictionary.get(ids[i]));
						}
						value = list;
					}
					else {
						value = dictionary.get(ids[0]);
					}
					result.get(row).add(value);
				}
			}
			else {
				addNumbers(segment.numericColumn(column.name()), result);
			}
		}
		List<AggregatorSpec> aggregators = segment.metadata().aggregators();
		for (AggregatorSpec aggregator : aggregators) {
			if (aggregator.storedType().isSketch()) {
				SketchValues values = segment.sketchColumn(aggregator.name()).open();
				SketchCodec codec = new SketchCodec(aggregator);
				for (int row = 0; row < rows; row++) {
					byte[] bytes = values.getBytes(row);
					result.get(row)
						.add(bytes == null ? null
								: sketches == Sketches.BYTES ? HexFormat.of().formatHex(bytes)
										: codec.estimate(codec.deserialize(bytes)));
				}
			}
			else {
				addNumbers(segment.numericColumn(aggregator.name()), result);
			}
		}
		return result;
	}

	private static void addNumbers(NumericColumn column, List<List<Object>> result) {
		NumericValues values = column.open();
		int rows = column.rowCount();
		long[] longs = new long[rows];
		double[] doubles = new double[rows];
		values.readLongs(0, rows, longs);
		values.readDoubles(0, rows, doubles);
		for (int row = 0; row < rows; row++) {
			Object value;
			if (column.nullRows().contains(row)) {
				value = null;
			}
			else if (column.type() == ColumnType.LONG) {
				value = longs[row];
				if (values.getLong(row) != longs[row]) {
					throw new AssertionError("single and batch reads differ at row " + row);
				}
			}
			else {
				value = doubles[row];
				if (Double.compare(values.getDouble(row), doubles[row]) != 0) {
					throw new AssertionError("single and batch reads differ at row " + row);
				}
			}
			result.get(row).add(value);
		}
	}

	/** Each string column's dictionary (null first when it has one) and bitmaps, by column name. */
	public static List<Object> dictionariesAndBitmaps(Segment segment) {
		List<Object> result = new ArrayList<>();
		for (ColumnSummary column : segment.metadata().dimensions()) {
			if (column.type() != ColumnType.STRING) {
				continue;
			}
			StringColumn strings = segment.stringColumn(column.name());
			StringDictionary dictionary = strings.dictionary();
			List<Object> entries = new ArrayList<>();
			for (int id = 0; id < dictionary.size(); id++) {
				entries.add(Arrays.asList(dictionary.get(id),
						strings.bitmap(id).toMutableRoaringBitmap().toRoaringBitmap()));
			}
			result.add(Arrays.asList(column.name(), strings.hasMultipleValues(), entries));
		}
		return result;
	}

}
