package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;

/**
 * One election (coordinators, overlords) on a Curator leader latch; the participant id is the
 * node's {@code host:port}, so anyone can find the leader from ZooKeeper alone
 * ({@link #leaderOf}). Thread-safe.
 */
public final class LeaderElection implements AutoCloseable {

	private final ZkNodes zk;

	private final String latchPath;

	private volatile LeaderLatch latch;

	public LeaderElection(ZkNodes zk, String latchPath) {
		this.zk = zk;
		this.latchPath = latchPath;
	}

	/** Joins as {@code hostAndPort}; the listener hears gaining and losing leadership on Curator's thread. */
	public void start(String hostAndPort, LeaderLatchListener listener) {
		LeaderLatch leaderLatch = new LeaderLatch(this.zk.curator(), this.latchPath, hostAndPort);
		if (listener != null) {
			leaderLatch.addListener(listener);
		}
		try {
			leaderLatch.start();
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Joining the election at[%s] failed", this.latchPath);
		}
		this.latch = leaderLatch;
	}

	public boolean isLeader() {
		LeaderLatch leaderLatch = this.latch;
		return leaderLatch != null && leaderLatch.hasLeadership();
	}

	/** The current leader's host:port, or null while there is none. */
	public String leader() {
		LeaderLatch leaderLatch = this.latch;
		if (leaderLatch == null) {
			return leaderOf(this.zk, this.latchPath).orElse(null);
		}
		try {
			String id = leaderLatch.getLeader().getId();
			return id.isEmpty() ? null : id;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** The leader of the election at {@code latchPath} as seen by a non-participant (the router, a worker). */
	public static Optional<String> leaderOf(ZkNodes zk, String latchPath) {
		List<String> participants = zk.children(latchPath);
		// Curator's leader latch: the participant with the lowest sequence number leads
		Optional<String> first = participants.stream()
			.min(Comparator.comparing((String name) -> name.substring(name.lastIndexOf('-') + 1)));
		if (first.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] id = zk.curator().getData().forPath(latchPath + "/" + first.get());
			return id == null || id.length == 0 ? Optional.empty()
					: Optional.of(new String(id, StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			// the leader changed between listing and reading: the caller asks again
			return Optional.empty();
		}
	}

	@Override
	public void close() throws java.io.IOException {
		LeaderLatch leaderLatch = this.latch;
		this.latch = null;
		if (leaderLatch != null) {
			leaderLatch.close();
		}
	}

}
