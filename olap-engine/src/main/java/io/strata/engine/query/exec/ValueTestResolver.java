package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.time.Interval;
import io.strata.engine.type.ColumnType;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a {@link ValueTest} on one column of a segment to a {@link Selection}. A string column
 * is answered from its dictionary and inverted index: each dictionary value is extracted and tested
 * once, and the bitmaps of the values answering true (or unknown) are unioned, so a multi-value
 * row matches when any of its values does. A numeric column is scanned, each value turned into the
 * text Druid gives it ({@code String.valueOf} of the long, float or double) or handed to the
 * extraction function as a long. A column the segment lacks is null in every row. Single-threaded.
 */
final class ValueTestResolver {

	private static final int BATCH = 8192;

	private final Segment segment;

	private final int rows;

	ValueTestResolver(Segment segment) {
		this.segment = segment;
		this.rows = segment.numRows();
	}

	Selection resolve(String column, ExtractionFn fn, ValueTest test) {
		ColumnSummary summary = this.segment.metadata().column(column);
		if (summary == null) {
			return everyRow(test.test(fn == null ? null : fn.apply((String) null)));
		}
		if (summary.type() == ColumnType.STRING) {
			return strings(this.segment.stringColumn(column), fn, test);
		}
		if (summary.type().isNumeric()) {
			NumericColumn numbers = column.equals(Segment.TIME_COLUMN) ? this.segment.time()
					: this.segment.numericColumn(column);
			return numbers(numbers, summary.type(), fn, test);
		}
		throw StrataException.unsupported("Filtering on column[%s] of type[%s] is not supported", column,
				summary.type().druidName());
	}

	/** The rows whose time lies in one of the intervals: ranges of the sorted time column. */
	Selection timeIn(List<Interval> intervals) {
		NumericValues times = this.segment.time().open();
		MutableRoaringBitmap match = new MutableRoaringBitmap();
		for (Interval interval : intervals) {
			int from = RowSelector.firstRowAtOrAfter(times, this.rows, interval.startMillis());
			int to = RowSelector.firstRowAtOrAfter(times, this.rows, interval.endMillis());
			if (from < to) {
				match.add((long) from, (long) to);
			}
		}
		return Selection.exact(match);
	}

	private Selection everyRow(ValueTest.Truth truth) {
		return switch (truth) {
			case TRUE -> Selection.exact(Selection.allRows(this.rows));
			case FALSE -> Selection.exact(new MutableRoaringBitmap());
			case UNKNOWN -> Selection.withUnknown(new MutableRoaringBitmap(), Selection.allRows(this.rows));
		};
	}

	private static Selection strings(StringColumn column, ExtractionFn fn, ValueTest test) {
		StringDictionary dictionary = column.dictionary();
		List<ImmutableRoaringBitmap> matches = new ArrayList<>();
		List<ImmutableRoaringBitmap> unknowns = new ArrayList<>();
		for (int id = 0; id < dictionary.size(); id++) {
			String value = dictionary.get(id);
			switch (test.test(fn == null ? value : fn.apply(value))) {
				case TRUE -> matches.add(column.bitmap(id));
				case UNKNOWN -> unknowns.add(column.bitmap(id));
				case FALSE -> {
				}
			}
		}
		ImmutableRoaringBitmap match = BufferFastAggregation.or(matches.iterator());
		return Selection.withUnknown(match, BufferFastAggregation.or(unknowns.iterator()));
	}

	private Selection numbers(NumericColumn column, ColumnType type, ExtractionFn fn, ValueTest test) {
		NumericValues values = column.open();
		ImmutableRoaringBitmap nulls = column.nullRows();
		ValueTest.Truth nullTruth = test.test(fn == null ? null : fn.apply((String) null));
		MutableRoaringBitmap match = new MutableRoaringBitmap();
		MutableRoaringBitmap unknown = new MutableRoaringBitmap();
		long[] longs = new long[BATCH];
		double[] doubles = new double[BATCH];
		boolean isLong = type == ColumnType.LONG;
		// sorted time and rolled-up columns repeat values: remember the last answer
		boolean haveLast = false;
		long lastBits = 0;
		ValueTest.Truth lastTruth = ValueTest.Truth.FALSE;
		for (int start = 0; start < this.rows; start += BATCH) {
			int count = Math.min(BATCH, this.rows - start);
			if (isLong) {
				values.readLongs(start, count, longs);
			}
			else {
				values.readDoubles(start, count, doubles);
			}
			for (int i = 0; i < count; i++) {
				int row = start + i;
				ValueTest.Truth truth;
				if (nulls.contains(row)) {
					truth = nullTruth;
				}
				else {
					long bits = isLong ? longs[i] : Double.doubleToRawLongBits(doubles[i]);
					if (!haveLast || bits != lastBits) {
						lastTruth = test.test(text(type, fn, longs[i], doubles[i]));
						lastBits = bits;
						haveLast = true;
					}
					truth = lastTruth;
				}
				if (truth == ValueTest.Truth.TRUE) {
					match.add(row);
				}
				else if (truth == ValueTest.Truth.UNKNOWN) {
					unknown.add(row);
				}
			}
		}
		return Selection.withUnknown(match, unknown);
	}

	private static String text(ColumnType type, ExtractionFn fn, long longValue, double doubleValue) {
		return switch (type) {
			case LONG -> fn == null ? Long.toString(longValue) : fn.apply(longValue);
			case FLOAT -> extract(fn, Float.toString((float) doubleValue));
			default -> extract(fn, Double.toString(doubleValue));
		};
	}

	private static String extract(ExtractionFn fn, String value) {
		return fn == null ? value : fn.apply(value);
	}

}
