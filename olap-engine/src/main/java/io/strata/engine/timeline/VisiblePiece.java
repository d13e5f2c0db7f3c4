package io.strata.engine.timeline;

/**
 * A maximal stretch {@code [start, end)} of the visible timeline answered by one block.
 */
record VisiblePiece<T>(long start, long end, TimelineBlock<T> block) {

	VisiblePiece {
		if (end <= start) {
			throw new IllegalArgumentException("a visible piece must not be empty");
		}
		if (block == null) {
			throw new IllegalArgumentException("block must not be null");
		}
	}

}
