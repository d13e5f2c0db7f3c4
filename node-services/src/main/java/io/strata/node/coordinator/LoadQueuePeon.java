package io.strata.node.coordinator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.strata.node.segment.DataSegment;
import io.strata.node.zk.LoadRequest;
import io.strata.node.zk.LoadRequestJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.zookeeper.KeeperException;

/**
 * The coordinator's side of the historicals' load queues (Druid's name): writes load and drop
 * requests as znodes under {@code loadQueue/<server>/<segmentId>} and reads what is still
 * queued. A historical deletes a request when it has acted on it. Thread-safe.
 */
public final class LoadQueuePeon {

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final LoadRequestJson json = new LoadRequestJson();

	public LoadQueuePeon(ZkNodes zk, ZkPaths paths) {
		this.zk = zk;
		this.paths = paths;
	}

	public void load(String server, DataSegment segment) {
		this.zk.put(this.paths.loadRequest(server, segment.id().toString()),
				this.json.write(new LoadRequest(LoadRequest.Action.LOAD, segment)));
	}

	public void drop(String server, DataSegment segment) {
		this.zk.put(this.paths.loadRequest(server, segment.id().toString()),
				this.json.write(new LoadRequest(LoadRequest.Action.DROP, segment)));
	}

	/** The requests still queued for a server, by segment id. */
	public Map<String, LoadRequest> queued(String server) {
		Map<String, LoadRequest> queued = new LinkedHashMap<>();
		String queue = this.paths.loadQueue(server);
		for (String id : this.zk.children(queue)) {
			try {
				byte[] data = this.zk.curator().getData().forPath(queue + "/" + id);
				if (data != null && data.length > 0) {
					queued.put(id, this.json.read(data));
				}
			}
			catch (KeeperException.NoNodeException ex) {
				// done between listing and reading: no longer queued
			}
			catch (Exception ex) {
				throw io.strata.engine.error.StrataException.io(ex, "Reading the load queue of server[%s] failed",
						server);
			}
		}
		return queued;
	}

	/** Removes the queue of a server that is gone, so a restarted one does not act on stale requests. */
	public void clear(String server) {
		for (String id : this.zk.children(this.paths.loadQueue(server))) {
			this.zk.delete(this.paths.loadRequest(server, id));
		}
	}

}
