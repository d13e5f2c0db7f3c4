package io.strata.node.metadata;

import java.util.Objects;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;

/**
 * A segment id handed out to a streaming task before the segment exists (Druid's pending
 * segment): every task asking with the same sequence name for the same interval gets the same id,
 * so replicas of one task group build, announce and publish the same segments.
 * @param corePartitions the core partition count of the block the segment joins (0: none)
 */
public record PendingSegment(String dataSource, String sequenceName, Interval interval, String version,
		int partitionNum, int corePartitions) {

	public PendingSegment {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(sequenceName, "sequenceName");
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
		if (partitionNum < 0 || corePartitions < 0) {
			throw new IllegalArgumentException("partitionNum and corePartitions must not be negative");
		}
	}

	public SegmentId id() {
		return new SegmentId(this.dataSource, this.interval, this.version, this.partitionNum);
	}

}
