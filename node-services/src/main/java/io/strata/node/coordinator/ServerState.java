package io.strata.node.coordinator;

import java.util.Map;
import java.util.Set;

import io.strata.node.segment.DataSegment;
import io.strata.node.zk.LoadRequest;
import io.strata.node.zk.NodeAnnouncement;

/**
 * One historical as a coordinator run sees it: what it serves and what its load queue holds.
 * @param served segments it serves, by id
 * @param queued requests written but not yet done, by segment id
 */
public record ServerState(NodeAnnouncement node, Map<String, DataSegment> served, Map<String, LoadRequest> queued) {

	public ServerState {
		served = Map.copyOf(served);
		queued = Map.copyOf(queued);
	}

	public String name() {
		return this.node.hostAndPort();
	}

	public String tier() {
		return this.node.tier();
	}

	/** Serves it or will: loaded, or a load is queued (and no drop). */
	public boolean holdsOrLoads(String segmentId) {
		LoadRequest request = this.queued.get(segmentId);
		if (request != null) {
			return request.action() == LoadRequest.Action.LOAD;
		}
		return this.served.containsKey(segmentId);
	}

	public boolean serves(String segmentId) {
		return this.served.containsKey(segmentId) && !isDropping(segmentId);
	}

	public boolean isDropping(String segmentId) {
		LoadRequest request = this.queued.get(segmentId);
		return request != null && request.action() == LoadRequest.Action.DROP;
	}

	/** Bytes served plus bytes queued to load: what the server will hold. */
	public long projectedBytes() {
		long bytes = 0;
		for (DataSegment segment : this.served.values()) {
			bytes += segment.size();
		}
		for (LoadRequest request : this.queued.values()) {
			if (request.action() == LoadRequest.Action.LOAD && !this.served.containsKey(request.segment().id().toString())) {
				bytes += request.segment().size();
			}
		}
		return bytes;
	}

	public Set<String> segmentIds() {
		return this.served.keySet();
	}

}
