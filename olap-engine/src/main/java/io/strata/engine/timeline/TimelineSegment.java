package io.strata.engine.timeline;

import io.strata.engine.segment.SegmentId;

import java.util.Objects;

/**
 * One segment held by a {@link SegmentTimeline}, with the payload its owner attached (a loaded
 * segment on the broker, the published descriptor on the coordinator).
 * @param corePartitions how many partitions (0 to n-1) the segment's block needs before it is
 * complete, as in Druid's numbered shard spec {@code partitions}; 0 means no completeness check
 * (Druid's linear and none shard specs): one partition makes the block complete
 */
public record TimelineSegment<T>(SegmentId id, int corePartitions, T payload) {

	public TimelineSegment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(payload, "payload");
		if (corePartitions < 0) {
			throw new IllegalArgumentException("corePartitions must not be negative");
		}
	}

}
