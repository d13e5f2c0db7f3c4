package io.strata.node.coordinator.balancer;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.strata.engine.segment.SegmentId;

/**
 * One historical as the balancer sees it: its name, tier, capacity and the segments it holds or
 * is loading. Its current size is the sum of those segments' sizes.
 */
public record ServerLoad(String server, String tier, long maxSizeBytes, List<SegmentRef> segments) {

	public ServerLoad {
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(tier, "tier");
		if (server.isEmpty()) {
			throw new IllegalArgumentException("server must not be empty");
		}
		if (maxSizeBytes < 0) {
			throw new IllegalArgumentException("maxSizeBytes must not be negative, was [" + maxSizeBytes + "]");
		}
		segments = List.copyOf(segments);
		Set<SegmentId> seen = new HashSet<>();
		for (SegmentRef segment : segments) {
			if (!seen.add(segment.id())) {
				throw new IllegalArgumentException("Segment[" + segment.id() + "] is listed twice on server[" + server + "]");
			}
		}
	}

	public long currentSizeBytes() {
		long total = 0;
		for (SegmentRef segment : this.segments) {
			total += segment.sizeBytes();
		}
		return total;
	}

	public boolean holds(SegmentId id) {
		for (SegmentRef segment : this.segments) {
			if (segment.id().equals(id)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code segment} fits in the space left. */
	public boolean hasRoomFor(SegmentRef segment) {
		return segment.sizeBytes() <= this.maxSizeBytes - currentSizeBytes();
	}

	/** Used space as a fraction of capacity; a server with no capacity counts as full. */
	double usedFraction() {
		return this.maxSizeBytes == 0 ? 1.0 : (double) currentSizeBytes() / this.maxSizeBytes;
	}

}
