package io.strata.node.zk;

import java.util.Objects;

import io.strata.node.segment.DataSegment;

/**
 * One entry of a historical's load queue, Druid's segment change request:
 * {@code {"action":"load"|"drop", ...the segment's payload fields...}}. The coordinator writes it, the historical
 * acts on it and deletes it.
 */
public record LoadRequest(Action action, DataSegment segment) {

	public enum Action {

		LOAD, DROP

	}

	public LoadRequest {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(segment, "segment");
	}

}
