package io.strata.engine.query.exec;

import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
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
		NumericValues times = segment.time().open();
		int rows = segment.numRows();
		MutableRoaringBitmap selected = new MutableRoaringBitmap();
		for (Interval interval : intervals) {
			if (!interval.overlaps(segment.id().interval())) {
				continue;
			}
			int from = firstRowAtOrAfter(times, rows, interval.startMillis());
			int to = firstRowAtOrAfter(times, rows, interval.endMillis());
			if (from < to) {
				selected.add((long) from, (long) to);
			}
		}
		if (filter == null || selected.isEmpty()) {
			return selected;
		}
		return ImmutableRoaringBitmap.and(selected, new FilterResolver(segment).resolve(filter).match());
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
