package io.strata.engine.segment.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.roaringbitmap.RoaringBitmap;

/**
 * Multi-value string columns: lists of 1 to 40 values, duplicates and unsorted lists included
 * (multiValueHandling ARRAY keeps them so); a null row has no values. Long lists push the values
 * across block boundaries at other places than the rows.
 */
class MultiValueStringColumnRoundTripTest extends ColumnRoundTripTest {

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		int size = random.nextInt(10) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(3);
		List<String> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			values.add("v" + random.nextInt(random.nextBoolean() ? 4 : 500));
		}
		return values;
	}

	@Override
	protected ColumnWriter write(String name, List<Object> values) {
		TreeSet<String> sorted = new TreeSet<>(Utf8Order.INSTANCE);
		boolean hasNull = false;
		for (Object value : values) {
			if (value == null) {
				hasNull = true;
			}
			else {
				for (Object element : (List<?>) value) {
					sorted.add((String) element);
				}
			}
		}
		List<String> dictionary = new ArrayList<>(sorted);
		StringColumnWriter writer = new StringColumnWriter(name, dictionary, hasNull, true);
		int shift = hasNull ? 1 : 0;
		for (Object value : values) {
			List<?> list = value == null ? List.of() : (List<?>) value;
			int[] ids = new int[list.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = java.util.Collections.binarySearch(dictionary, (String) list.get(i), Utf8Order.INSTANCE) + shift;
			}
			writer.addIds(ids, ids.length);
		}
		return writer;
	}

	@Override
	protected List<Object> readAll(Segment segment, String name) {
		StringColumn column = segment.stringColumn(name);
		StringDictionary dictionary = column.dictionary();
		StringValues cursor = column.open();
		List<RoaringBitmap> expectedBitmaps = new ArrayList<>();
		for (int id = 0; id < dictionary.size(); id++) {
			expectedBitmaps.add(new RoaringBitmap());
		}
		List<Object> values = new ArrayList<>();
		for (int row = 0; row < column.rowCount(); row++) {
			values.add(read(cursor, dictionary, row));
			int count = cursor.getIds(row);
			if (count == 0) {
				expectedBitmaps.get(0).add(row);
			}
			for (int i = 0; i < count; i++) {
				expectedBitmaps.get(cursor.lastIds()[i]).add(row);
			}
		}
		if (column.rowCount() > 0) {
			assertThat(column.hasMultipleValues()).isTrue();
		}
		for (int id = 0; id < dictionary.size(); id++) {
			assertThat(column.bitmap(id).toMutableRoaringBitmap().toRoaringBitmap()).as("bitmap %d", id)
				.isEqualTo(expectedBitmaps.get(id));
		}
		return values;
	}

	@Override
	protected Object readOne(Segment segment, String name, int row) {
		StringColumn column = segment.stringColumn(name);
		return read(column.open(), column.dictionary(), row);
	}

	private static Object read(StringValues cursor, StringDictionary dictionary, int row) {
		int count = cursor.getIds(row);
		if (count == 0) {
			return null;
		}
		List<String> values = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			values.add(dictionary.get(cursor.lastIds()[i]));
		}
		return values;
	}

}
