package io.strata.engine.segment.format;

import io.strata.engine.segment.Segment;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import java.util.ArrayList;
import java.util.List;

/** Long, double and float columns; nulls are read from the null bitmap. */
abstract class NumericColumnRoundTripTest extends ColumnRoundTripTest {

	protected abstract ColumnType type();

	@Override
	protected ColumnWriter write(String name, List<Object> values) {
		NumericColumnWriter writer = new NumericColumnWriter(name, type(), false);
		for (Object value : values) {
			switch (value) {
				case null -> writer.addNull();
				case Long number -> writer.addLong(number);
				case Double number -> writer.addDouble(number);
				case Float number -> writer.addDouble(number);
				default -> throw new IllegalArgumentException(value.toString());
			}
		}
		return writer;
	}

	@Override
	protected List<Object> readAll(Segment segment, String name) {
		NumericColumn column = segment.numericColumn(name);
		int rows = column.rowCount();
		List<Object> values = new ArrayList<>(rows);
		long[] longs = new long[rows];
		double[] doubles = new double[rows];
		NumericValues cursor = column.open();
		// in uneven batches that cross block boundaries
		for (int start = 0; start < rows; start += 3_001) {
			int count = Math.min(3_001, rows - start);
			long[] someLongs = new long[count];
			double[] someDoubles = new double[count];
			cursor.readLongs(start, count, someLongs);
			cursor.readDoubles(start, count, someDoubles);
			System.arraycopy(someLongs, 0, longs, start, count);
			System.arraycopy(someDoubles, 0, doubles, start, count);
		}
		// gathers of selected rows must read the same values: sparse ones take the packed path
		// (random access into a block's words), dense ones decode the block; interleaved with
		// single-row reads so a cursor moves between the two states
		for (int step : new int[] { 2, 7, 61 }) {
			int[] selected = new int[(rows + step - 1) / step];
			for (int i = 0; i < selected.length; i++) {
				selected[i] = i * step;
			}
			long[] gatheredLongs = new long[selected.length];
			double[] gatheredDoubles = new double[selected.length];
			cursor.readLongs(selected, selected.length, gatheredLongs);
			if (rows > 0) {
				cursor.getLong(rows / 2);
			}
			cursor.readDoubles(selected, selected.length, gatheredDoubles);
			for (int i = 0; i < selected.length; i++) {
				if (!column.nullRows().contains(selected[i])) {
					org.assertj.core.api.Assertions.assertThat(gatheredLongs[i]).as("row %d step %d", selected[i], step)
						.isEqualTo(longs[selected[i]]);
					org.assertj.core.api.Assertions.assertThat(gatheredDoubles[i]).as("row %d step %d", selected[i], step)
						.isEqualTo(doubles[selected[i]]);
				}
			}
		}
		for (int row = 0; row < rows; row++) {
			values.add(column.nullRows().contains(row) ? null : box(longs[row], doubles[row]));
		}
		return values;
	}

	@Override
	protected Object readOne(Segment segment, String name, int row) {
		NumericColumn column = segment.numericColumn(name);
		NumericValues cursor = column.open();
		if (column.nullRows().contains(row)) {
			return null;
		}
		// each arm boxed on its own: a switch over long, double and float would promote all to double
		return switch (type()) {
			case LONG -> (Object) cursor.getLong(row);
			case DOUBLE -> (Object) cursor.getDouble(row);
			default -> (Object) cursor.getFloat(row);
		};
	}

	private Object box(long asLong, double asDouble) {
		return switch (type()) {
			case LONG -> (Object) asLong;
			case DOUBLE -> (Object) asDouble;
			default -> (Object) (float) asDouble;
		};
	}

}
