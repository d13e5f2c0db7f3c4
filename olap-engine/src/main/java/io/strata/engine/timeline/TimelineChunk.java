package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of time answered by one block (all the segments of one interval and version).
 * @param interval the part of the block's interval where the block is visible, clipped to the
 * interval asked for; it may be shorter than the segments' own interval
 * @param partitions every present partition of the block, core and extra, by partitionNum
 */
public record TimelineChunk<T>(Interval interval, String version, List<TimelineSegment<T>> partitions) {

	public TimelineChunk {
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
		partitions = List.copyOf(partitions);
		if (partitions.isEmpty()) {
			throw new IllegalArgumentException("partitions must not be empty");
		}
	}

}
