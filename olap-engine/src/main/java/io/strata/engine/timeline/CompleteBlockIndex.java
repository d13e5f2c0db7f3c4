package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The complete blocks, found by overlap with an interval. Blocks are grouped by the length of
 * their interval and sorted by start inside a group, so the blocks of length d that overlap
 * {@code [a, b)} are exactly those starting in {@code (a - d, b)}: one range scan per length.
 * Segment intervals come from a handful of granularities (hour, day, the four month lengths,
 * two year lengths, all), so a lookup costs O(lengths * log n + hits) instead of a scan of
 * every block.
 */
final class CompleteBlockIndex<T> {

	/** length -> start -> version -> block. */
	private final TreeMap<Long, TreeMap<Long, TreeMap<String, TimelineBlock<T>>>> byLength = new TreeMap<>();

	void add(TimelineBlock<T> block) {
		Interval interval = block.interval();
		this.byLength.computeIfAbsent(interval.durationMillis(), length -> new TreeMap<>())
			.computeIfAbsent(interval.startMillis(), start -> new TreeMap<>())
			.put(block.version(), block);
	}

	void remove(TimelineBlock<T> block) {
		Interval interval = block.interval();
		TreeMap<Long, TreeMap<String, TimelineBlock<T>>> byStart = this.byLength.get(interval.durationMillis());
		if (byStart == null) {
			return;
		}
		TreeMap<String, TimelineBlock<T>> byVersion = byStart.get(interval.startMillis());
		if (byVersion == null) {
			return;
		}
		byVersion.remove(block.version());
		// empty groups are dropped so the number of lengths scanned stays the number in use
		if (byVersion.isEmpty()) {
			byStart.remove(interval.startMillis());
			if (byStart.isEmpty()) {
				this.byLength.remove(interval.durationMillis());
			}
		}
	}

	/** The complete blocks whose interval overlaps {@code region}, grouped by length, then start. */
	List<TimelineBlock<T>> overlapping(Interval region) {
		List<TimelineBlock<T>> result = new ArrayList<>();
		for (var group : this.byLength.entrySet()) {
			long length = group.getKey();
			TreeMap<Long, TreeMap<String, TimelineBlock<T>>> byStart = group.getValue();
			// start > region.start - length, computed without overflowing near the ends of time
			NavigableMap<Long, TreeMap<String, TimelineBlock<T>>> candidates = (region.startMillis() >= Long.MIN_VALUE
					+ length)
					? byStart.subMap(region.startMillis() - length, false, region.endMillis(), false)
					: byStart.headMap(region.endMillis(), false);
			for (TreeMap<String, TimelineBlock<T>> byVersion : candidates.values()) {
				result.addAll(byVersion.values());
			}
		}
		return result;
	}

}
