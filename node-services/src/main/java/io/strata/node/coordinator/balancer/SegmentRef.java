package io.strata.node.coordinator.balancer;

import java.util.Objects;

import io.strata.engine.segment.SegmentId;

/** A segment as the balancer sees it: its id (datasource and interval) and its size on disk. */
public record SegmentRef(SegmentId id, long sizeBytes) {

	public SegmentRef {
		Objects.requireNonNull(id, "id");
		if (sizeBytes < 0) {
			throw new IllegalArgumentException("sizeBytes must not be negative, was [" + sizeBytes + "]");
		}
	}

}
