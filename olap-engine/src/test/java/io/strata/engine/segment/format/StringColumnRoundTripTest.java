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

/** Single-value string columns: the dictionary, the ids and the bitmaps must agree with the values. */
class StringColumnRoundTripTest extends ColumnRoundTripTest {

	@Override
	protected Object randomValue(SplittableRandom random, int row) {
		// a skewed vocabulary with non-ASCII and supplementary characters
		int word = random.nextInt(random.nextBoolean() ? 5 : 3_000);
		return switch (word % 4) {
			case 0 -> "w" + word;
			case 1 -> "é" + word;
			case 2 -> "\uD83D\uDE00" + word;
			default -> "" + word + "\uFF21";
		};
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
				sorted.add((String) value);
			}
		}
		List<String> dictionary = new ArrayList<>(sorted);
		StringColumnWriter writer = new StringColumnWriter(name, dictionary, hasNull, false);
		int shift = hasNull ? 1 : 0;
		for (Object value : values) {
			writer.addId(value == null ? 0 : java.util.Collections.binarySearch(dictionary, (String) value,
					Utf8Order.INSTANCE) + shift);
		}
		return writer;
	}

	@Override
	protected List<Object> readAll(Segment segment, String name) {
		StringColumn column = segment.stringColumn(name);
		assertThat(column.hasMultipleValues()).isFalse();
		StringDictionary dictionary = column.dictionary();
		int[] ids = new int[column.rowCount()];
		column.open().readIds(0, ids.length, ids);
		List<Object> values = new ArrayList<>();
		List<RoaringBitmap> expectedBitmaps = new ArrayList<>();
		for (int id = 0; id < dictionary.size(); id++) {
			expectedBitmaps.add(new RoaringBitmap());
		}
		for (int row = 0; row < ids.length; row++) {
			values.add(dictionary.get(ids[row]));
			expectedBitmaps.get(ids[row]).add(row);
		}
		for (int id = 0; id < dictionary.size(); id++) {
			assertThat(column.bitmap(id).toMutableRoaringBitmap().toRoaringBitmap()).isEqualTo(expectedBitmaps.get(id));
			assertThat(dictionary.indexOf(dictionary.get(id))).isEqualTo(id);
		}
		assertThat(segment.metadata().column(name).cardinality()).isEqualTo(dictionary.size());
		return values;
	}

	@Override
	protected Object readOne(Segment segment, String name, int row) {
		StringColumn column = segment.stringColumn(name);
		StringValues cursor = column.open();
		int id = cursor.getId(row);
		assertThat(cursor.getIds(row)).isEqualTo(1);
		assertThat(cursor.lastIds()[0]).isEqualTo(id);
		return column.dictionary().get(id);
	}

}
