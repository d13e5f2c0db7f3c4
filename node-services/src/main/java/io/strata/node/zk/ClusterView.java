package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * A live view of the cluster from ZooKeeper: the announced nodes and, per data server, the
 * segments it serves. Used by the broker (where to send a query), the coordinator (what is
 * loaded where) and the router (which brokers exist). Listeners hear that something changed,
 * not what: they read the snapshot again. Threading: Curator's event thread updates, any thread
 * reads a consistent snapshot.
 */
public final class ClusterView implements AutoCloseable {

	/** A data server and what it serves. */
	public record ServerInventory(NodeAnnouncement node, Map<String, DataSegment> segments) {

	}

	private final ZkPaths paths;

	private final CuratorCache announcements;

	private final CuratorCache served;

	private final CuratorCache live;

	private final NodeAnnouncementJson nodeJson = new NodeAnnouncementJson();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** Parsed segment payloads by znode path and version: a view rebuilt on every change parses each once. */
	private final Map<String, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();

	private record Parsed(long modified, DataSegment segment) {

	}

	private volatile boolean initialized;

	private int initializedCaches;

	public ClusterView(CuratorFramework curator, ZkPaths paths) {
		this.paths = paths;
		new ZkNodes(curator).ensurePath(paths.announcements());
		new ZkNodes(curator).ensurePath(paths.servedSegments());
		new ZkNodes(curator).ensurePath(paths.liveSegments());
		this.announcements = CuratorCache.build(curator, paths.announcements());
		this.served = CuratorCache.build(curator, paths.servedSegments());
		this.live = CuratorCache.build(curator, paths.liveSegments());
		CuratorCacheListener listener = CuratorCacheListener.builder()
			.forAll((type, before, after) -> {
				if (type == CuratorCacheListener.Type.NODE_DELETED && before != null) {
					this.parsed.remove(before.getPath());
				}
				changed();
			})
			.forInitialized(this::cacheInitialized)
			.build();
		this.announcements.listenable().addListener(listener);
		this.served.listenable().addListener(listener);
		this.live.listenable().addListener(listener);
	}

	public void start() {
		this.announcements.start();
		this.served.start();
		this.live.start();
	}

	/** Whether both caches have read ZooKeeper once (Druid's {@code inventoryInitialized}). */
	public boolean initialized() {
		return this.initialized;
	}

	private synchronized void cacheInitialized() {
		this.initializedCaches++;
		if (this.initializedCaches == 3) {
			this.initialized = true;
			changed();
		}
	}

	public void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

	private void changed() {
		if (this.initialized) {
			this.listeners.forEach(Runnable::run);
		}
	}

	/** Every announced node, by host:port. */
	public List<NodeAnnouncement> nodes() {
		List<NodeAnnouncement> nodes = new ArrayList<>();
		this.announcements.stream()
			.filter(data -> !data.getPath().equals(this.paths.announcements()) && data.getData() != null
					&& data.getData().length > 0)
			.forEach(data -> nodes.add(this.nodeJson.read(data.getData())));
		nodes.sort((a, b) -> a.hostAndPort().compareTo(b.hostAndPort()));
		return nodes;
	}

	public List<NodeAnnouncement> nodes(String role) {
		return nodes().stream().filter(node -> node.hasRole(role)).toList();
	}

	/** Data servers (announced historicals) with the segments each serves, by host:port. */
	public Map<String, ServerInventory> servers() {
		return inventory(nodes("historical"), this.served, this.paths.servedSegments());
	}

	/**
	 * Workers (middleManagers, indexers) with the live segments their streaming tasks serve, by
	 * host:port. Brokers query them; the coordinator never balances or drops them.
	 */
	public Map<String, ServerInventory> liveServers() {
		List<NodeAnnouncement> workers = nodes().stream()
			.filter(node -> node.hasRole("middleManager") || node.hasRole("indexer"))
			.toList();
		return inventory(workers, this.live, this.paths.liveSegments());
	}

	private Map<String, ServerInventory> inventory(List<NodeAnnouncement> nodes, CuratorCache cache, String root) {
		Map<String, ServerInventory> servers = new TreeMap<>();
		for (NodeAnnouncement node : nodes) {
			servers.put(node.hostAndPort(), new ServerInventory(node, new TreeMap<>()));
		}
		String prefix = root + "/";
		for (ChildData data : (Iterable<ChildData>) cache.stream()::iterator) {
			String relative = data.getPath().startsWith(prefix) ? data.getPath().substring(prefix.length()) : "";
			int slash = relative.indexOf('/');
			if (slash < 0 || data.getData() == null || data.getData().length == 0) {
				continue;
			}
			ServerInventory server = servers.get(relative.substring(0, slash));
			if (server != null) {
				DataSegment segment = parse(data);
				server.segments().put(segment.id().toString(), segment);
			}
		}
		return servers;
	}

	private DataSegment parse(ChildData data) {
		long modified = data.getStat() == null ? 0 : data.getStat().getMzxid();
		Parsed cached = this.parsed.get(data.getPath());
		if (cached == null || cached.modified() != modified) {
			cached = new Parsed(modified,
					this.segmentJson.read(new String(data.getData(), StandardCharsets.UTF_8)));
			this.parsed.put(data.getPath(), cached);
		}
		return cached.segment();
	}

	public static Collection<DataSegment> allServed(Map<String, ServerInventory> servers) {
		Map<String, DataSegment> all = new TreeMap<>();
		servers.values().forEach(server -> all.putAll(server.segments()));
		return all.values();
	}

	@Override
	public void close() {
		this.announcements.close();
		this.served.close();
		this.live.close();
	}

}
