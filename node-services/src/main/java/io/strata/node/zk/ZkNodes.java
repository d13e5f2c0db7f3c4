package io.strata.node.zk;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.StrataException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Small Curator operations every role uses, each wrapping ZooKeeper's checked exceptions once.
 * Ephemeral znodes are {@link PersistentNode}s: Curator re-creates them after a session
 * expires, so a node that survived a long pause announces itself again. Thread-safe.
 */
public final class ZkNodes {

	private final CuratorFramework curator;

	public ZkNodes(CuratorFramework curator) {
		this.curator = curator;
	}

	public CuratorFramework curator() {
		return this.curator;
	}

	/** Starts an ephemeral znode that lives until closed (or this process dies). */
	public PersistentNode ephemeral(String path, byte[] data) {
		PersistentNode node = new PersistentNode(this.curator, CreateMode.EPHEMERAL, false, path, data);
		node.start();
		return node;
	}

	/** Creates or overwrites a persistent znode, with its parents. */
	public void put(String path, byte[] data) {
		try {
			try {
				this.curator.create().creatingParentContainersIfNeeded().forPath(path, data);
			}
			catch (KeeperException.NodeExistsException ex) {
				this.curator.setData().forPath(path, data);
			}
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Writing znode[%s] failed", path);
		}
	}

	/** Deletes a znode; one already gone is fine. */
	public void delete(String path) {
		try {
			this.curator.delete().guaranteed().forPath(path);
		}
		catch (KeeperException.NoNodeException ex) {
			// someone else finished it first: the outcome is the same
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Deleting znode[%s] failed", path);
		}
	}

	public boolean exists(String path) {
		try {
			return this.curator.checkExists().forPath(path) != null;
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Reading znode[%s] failed", path);
		}
	}

	/** The children's names, or none when the parent does not exist. */
	public List<String> children(String path) {
		try {
			return new ArrayList<>(this.curator.getChildren().forPath(path));
		}
		catch (KeeperException.NoNodeException ex) {
			return List.of();
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Listing znode[%s] failed", path);
		}
	}

	public void ensurePath(String path) {
		try {
			this.curator.createContainers(path);
		}
		catch (Exception ex) {
			throw StrataException.io(ex, "Creating znode[%s] failed", path);
		}
	}

}
