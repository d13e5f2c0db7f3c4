package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The visible timeline kept up to date: disjoint, maximal pieces by start, so a lookup is a
 * floor search and a range scan. Pieces refer to their block, so a partition added to a block
 * that is already visible shows without touching the pieces.
 */
final class VisibleTimeline<T> {

	private final TreeMap<Long, VisiblePiece<T>> pieces = new TreeMap<>();

	/**
	 * Replaces whatever was visible inside {@code region} by {@code fresh}, which must lie inside
	 * it, in time order. Pieces crossing the region's edges are cut, and pieces of one block that
	 * end up touching at an edge are joined again.
	 */
	void replace(Interval region, List<VisiblePiece<T>> fresh) {
		long regionStart = region.startMillis();
		long regionEnd = region.endMillis();
		Map.Entry<Long, VisiblePiece<T>> before = this.pieces.lowerEntry(regionStart);
		if (before != null && before.getValue().end() > regionStart) {
			VisiblePiece<T> crossing = before.getValue();
			this.pieces.put(crossing.start(), new VisiblePiece<>(crossing.start(), regionStart, crossing.block()));
			if (crossing.end() > regionEnd) {
				this.pieces.put(regionEnd, new VisiblePiece<>(regionEnd, crossing.end(), crossing.block()));
			}
		}
		NavigableMap<Long, VisiblePiece<T>> inside = this.pieces.subMap(regionStart, true, regionEnd, false);
		Map.Entry<Long, VisiblePiece<T>> lastInside = inside.lastEntry();
		inside.clear();
		if (lastInside != null && lastInside.getValue().end() > regionEnd) {
			VisiblePiece<T> crossing = lastInside.getValue();
			this.pieces.put(regionEnd, new VisiblePiece<>(regionEnd, crossing.end(), crossing.block()));
		}
		for (VisiblePiece<T> piece : fresh) {
			this.pieces.put(piece.start(), piece);
		}
		joinAt(regionStart);
		joinAt(regionEnd);
	}

	/** Joins the piece ending at {@code boundary} with the one starting there when one block has both. */
	private void joinAt(long boundary) {
		VisiblePiece<T> right = this.pieces.get(boundary);
		Map.Entry<Long, VisiblePiece<T>> leftEntry = this.pieces.lowerEntry(boundary);
		if (right == null || leftEntry == null) {
			return;
		}
		VisiblePiece<T> left = leftEntry.getValue();
		if (left.end() == boundary && left.block() == right.block()) {
			this.pieces.remove(boundary);
			this.pieces.put(left.start(), new VisiblePiece<>(left.start(), right.end(), left.block()));
		}
	}

	/** The pieces overlapping {@code interval}, in time order, not clipped. */
	List<VisiblePiece<T>> overlapping(Interval interval) {
		if (interval.durationMillis() == 0) {
			// an empty interval overlaps nothing, not even the piece around its instant
			return new ArrayList<>();
		}
		long from = interval.startMillis();
		Map.Entry<Long, VisiblePiece<T>> floor = this.pieces.floorEntry(from);
		if (floor != null && floor.getValue().end() > from) {
			from = floor.getKey();
		}
		return new ArrayList<>(this.pieces.subMap(from, true, interval.endMillis(), false).values());
	}

	List<VisiblePiece<T>> all() {
		return new ArrayList<>(this.pieces.values());
	}

	/**
	 * True when every instant of {@code interval} is visible through a block of a version
	 * strictly above {@code version}. The visible block at an instant carries the highest
	 * complete version there, so this is the same as being covered by such complete blocks.
	 */
	boolean coveredByHigherVersion(Interval interval, String version) {
		long cursor = interval.startMillis();
		Map.Entry<Long, VisiblePiece<T>> floor = this.pieces.floorEntry(cursor);
		VisiblePiece<T> piece = floor == null ? null : floor.getValue();
		while (piece != null && piece.end() > cursor && piece.block().version().compareTo(version) > 0) {
			cursor = piece.end();
			if (cursor >= interval.endMillis()) {
				return true;
			}
			// pieces that touch share a boundary key; a missing key is a gap
			piece = this.pieces.get(cursor);
		}
		return false;
	}

}
