package io.strata.node.coordinator.balancer;

import java.util.Objects;

import io.strata.engine.segment.SegmentId;

/** Move one copy of {@code segment} from server {@code from} to server {@code to} (load there, then drop here). */
public record Move(SegmentId segment, String from, String to) {

	public Move {
		Objects.requireNonNull(segment, "segment");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (from.equals(to)) {
			throw new IllegalArgumentException("a move must go to another server, not back to [" + from + "]");
		}
	}

}
