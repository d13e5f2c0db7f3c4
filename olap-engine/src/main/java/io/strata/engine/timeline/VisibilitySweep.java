package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Works out which complete block is visible where inside one region: a sweep over the region's
 * boundaries keeping the covering blocks in a heap ordered by {@link TimelineBlock#PRECEDENCE}.
 * O(k log k) for k candidate blocks.
 */
final class VisibilitySweep {

	private VisibilitySweep() {
	}

	/**
	 * The visible pieces inside {@code region}, in time order, adjacent pieces of one block
	 * merged. Gaps (no complete block) get no piece.
	 * @param candidates every complete block overlapping the region, in any order
	 */
	static <T> List<VisiblePiece<T>> visibleIn(Interval region, List<TimelineBlock<T>> candidates) {
		long regionStart = region.startMillis();
		long regionEnd = region.endMillis();
		List<TimelineBlock<T>> byStart = new ArrayList<>(candidates);
		byStart.sort(Comparator.comparingLong(block -> clippedStart(block, regionStart)));

		long[] bounds = new long[2 * byStart.size() + 2];
		int count = 0;
		bounds[count++] = regionStart;
		bounds[count++] = regionEnd;
		for (TimelineBlock<T> block : byStart) {
			bounds[count++] = clippedStart(block, regionStart);
			bounds[count++] = Math.min(block.interval().endMillis(), regionEnd);
		}
		Arrays.sort(bounds, 0, count);

		PriorityQueue<TimelineBlock<T>> covering = new PriorityQueue<>(TimelineBlock.PRECEDENCE.reversed());
		List<VisiblePiece<T>> pieces = new ArrayList<>();
		int next = 0;
		for (int i = 0; i + 1 < count; i++) {
			long from = bounds[i];
			long to = bounds[i + 1];
			if (from == to) {
				continue;
			}
			while (next < byStart.size() && clippedStart(byStart.get(next), regionStart) <= from) {
				covering.add(byStart.get(next++));
			}
			// blocks that ended are dropped only when they reach the top; below it they do not matter
			while (!covering.isEmpty() && covering.peek().interval().endMillis() <= from) {
				covering.poll();
			}
			if (covering.isEmpty()) {
				continue;
			}
			TimelineBlock<T> winner = covering.peek();
			int last = pieces.size() - 1;
			if (last >= 0 && pieces.get(last).block() == winner && pieces.get(last).end() == from) {
				pieces.set(last, new VisiblePiece<>(pieces.get(last).start(), to, winner));
			}
			else {
				pieces.add(new VisiblePiece<>(from, to, winner));
			}
		}
		return pieces;
	}

	private static long clippedStart(TimelineBlock<?> block, long regionStart) {
		return Math.max(block.interval().startMillis(), regionStart);
	}

}
