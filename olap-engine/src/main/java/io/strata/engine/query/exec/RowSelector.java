package io.strata.engine.query.exec;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

import java.util.List;

/**
 * The rows of a segment a query reads: its intervals as row ranges (binary search on the sorted
 * time column) intersected with its filter's bitmap. Stateless.
 */
final class RowSelector {

	private RowSelector() {
	}

	static ImmutableRoaringBitmap select(Segment segment, List<Interval> intervals, DimFilter filter) {
		return select(segment, intervals, filter, Granularity.all(), new java.util.ArrayList<>());
	}

	/**
	 * As {@link #select(Segment, List, DimFilter)}, also adding to {@code covered} the part of each
	 * query interval the segment's rows span at {@code granularity}, first row to the end of the last
	 * row's bucket (where empty buckets are filled and "all" is stamped).
	 */
	static ImmutableRoaringBitmap select(Segment segment, List<Interval> intervals, DimFilter filter,
			Granularity granularity, List<Interval> covered) {
		NumericValues times = segment.time().open();
		int rows = segment.numRows();
		MutableRoaringBitmap selected = new MutableRoaringBitmap();
		if (rows == 0) {
			return selected;
		}
		// Druid clips each segment to its data, from the first row to the end of the last row's
		// bucket: buckets after that are not filled, and "all" (whose one bucket never ends) is
		// stamped with the later of the query start and the first row
		long firstTime = timeBound(segment.metadata().time().minValue(), times, 0);
		long lastTime = timeBound(segment.metadata().time().maxValue(), times, rows - 1);
		long endTime = granularity instanceof AllGranularity ? Long.MAX_VALUE
				: granularity.next(granularity.bucketStart(lastTime));
		for (Interval interval : intervals) {
			Interval segmentInterval = segment.id().interval();
			if (!interval.overlaps(segmentInterval)) {
				continue;
			}
			long coveredStart = Math.max(interval.startMillis(), firstTime);
			long coveredEnd = Math.min(interval.endMillis(), endTime);
			if (coveredStart < coveredEnd) {
				covered.add(new Interval(coveredStart, coveredEnd));
			}
			// an interval around all the rows needs no search of the time column
			int from = interval.startMillis() <= firstTime ? 0 : firstRowAtOrAfter(times, rows, interval.startMillis());
			int to = interval.endMillis() > lastTime ? rows : firstRowAtOrAfter(times, rows, interval.endMillis());
			if (from < to) {
				selected.add((long) from, (long) to);
			}
		}
		if (filter == null || selected.isEmpty()) {
			return selected;
		}
		ImmutableRoaringBitmap match = new FilterResolver(segment).resolve(filter).match();
		// a segment wholly inside the intervals needs no intersection (and no copy of the match)
		return selected.getLongCardinality() == rows ? match : ImmutableRoaringBitmap.and(selected, match);
	}

	/** The recorded minimum or maximum time, else the time of {@code row} (the column is sorted). */
	private static long timeBound(Object recorded, NumericValues times, int row) {
		return recorded instanceof Number number ? number.longValue() : times.getLong(row);
	}

	static int firstRowAtOrAfter(NumericValues times, int rows, long time) {
		int low = 0;
		int high = rows;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (times.getLong(middle) < time) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

}
