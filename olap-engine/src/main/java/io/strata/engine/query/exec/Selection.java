package io.strata.engine.query.exec;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * The rows a filter matches in one segment, with three-valued logic kept: {@code match} holds the
 * rows where the filter is true, {@code matchOrUnknown} those where it is true or unknown (a
 * comparison with null). NOT swaps them against all rows, so unknown stays unknown.
 */
record Selection(ImmutableRoaringBitmap match, ImmutableRoaringBitmap matchOrUnknown) {

	static Selection exact(ImmutableRoaringBitmap rows) {
		return new Selection(rows, rows);
	}

	static Selection withUnknown(ImmutableRoaringBitmap match, ImmutableRoaringBitmap unknown) {
		return new Selection(match, ImmutableRoaringBitmap.or(match, unknown));
	}

	static MutableRoaringBitmap allRows(int rows) {
		MutableRoaringBitmap all = new MutableRoaringBitmap();
		all.add(0L, rows);
		return all;
	}

}
