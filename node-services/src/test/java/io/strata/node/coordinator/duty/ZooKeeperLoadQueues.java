package io.strata.node.coordinator.duty;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.strata.engine.error.StrataException;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.zk.LoadRequest;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/**
 * A real in-process ZooKeeper and one Curator client on it, for the duties' load queues. One per
 * test class; each test takes a {@link #peon()} under a base path of its own, so its queues start
 * empty. One thread at a time (a JUnit class's tests run one after another).
 */
final class ZooKeeperLoadQueues implements AutoCloseable {

	private final TestingServer server;

	private final CuratorFramework curator;

	private int basePaths;

	ZooKeeperLoadQueues() throws Exception {
		this.server = new TestingServer(true);
		this.curator = CuratorFrameworkFactory.newClient(this.server.getConnectString(), new RetryOneTime(100));
		this.curator.start();
		if (!this.curator.blockUntilConnected(20, TimeUnit.SECONDS)) {
			throw StrataException.unavailable("ZooKeeper[%s] not reached in 20 s", this.server.getConnectString());
		}
	}

	/** A peon on load queues no earlier peon of this instance has written. */
	LoadQueuePeon peon() {
		this.basePaths++;
		return new LoadQueuePeon(new ZkNodes(this.curator), new ZkPaths("/test-" + this.basePaths));
	}

	/** What is queued for a server, as segment id to action, in id order. */
	static Map<String, LoadRequest.Action> actions(LoadQueuePeon peon, String server) {
		Map<String, LoadRequest.Action> actions = new TreeMap<>();
		peon.queued(server).forEach((id, request) -> actions.put(id, request.action()));
		return actions;
	}

	@Override
	public void close() throws IOException {
		this.curator.close();
		this.server.close();
	}

}
