package io.strata.node.broker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.engine.timeline.SegmentTimeline;
import io.strata.node.segment.DataSegment;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.NodeAnnouncement;

/**
 * The broker's picture of the cluster: per datasource a timeline of every announced segment with
 * the servers serving it, best replica first (higher server priority first). Rebuilt lazily after
 * the cluster view changes: many announcements arriving together cost one rebuild. Thread-safe:
 * readers get an immutable snapshot.
 */
public final class BrokerServerView {

	/**
	 * A segment and the servers that serve it, in order of preference.
	 * @param live whether only streaming tasks serve it: its rows may still change, so no result
	 * of it is cached (once a historical has loaded it, only historicals are asked)
	 */
	public record ServedBy(DataSegment segment, List<NodeAnnouncement> servers, boolean live) {

		public ServedBy {
			servers = List.copyOf(servers);
		}

	}

	/** One consistent picture: timelines by datasource. */
	public record Snapshot(Map<String, SegmentTimeline<ServedBy>> timelines) {

	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BrokerServerView.class);

	private final ClusterView cluster;

	private volatile boolean dirty = true;

	private volatile Snapshot snapshot = new Snapshot(Map.of());

	public BrokerServerView(ClusterView cluster) {
		this.cluster = cluster;
		cluster.addListener(() -> this.dirty = true);
	}

	public boolean initialized() {
		return this.cluster.initialized();
	}

	public Snapshot snapshot() {
		if (this.dirty) {
			rebuild();
		}
		return this.snapshot;
	}

	private synchronized void rebuild() {
		if (!this.dirty) {
			return;
		}
		this.dirty = false;
		Map<String, Map<String, List<NodeAnnouncement>>> holders = new TreeMap<>();
		Map<String, DataSegment> segments = new TreeMap<>();
		collect(this.cluster.servers(), segments, holders);
		Map<String, Map<String, List<NodeAnnouncement>>> liveHolders = new TreeMap<>();
		collect(this.cluster.liveServers(), segments, liveHolders);
		java.util.Set<String> live = new java.util.HashSet<>();
		liveHolders.forEach((dataSource, byId) -> byId.forEach((id, servers) -> {
			Map<String, List<NodeAnnouncement>> loaded = holders.computeIfAbsent(dataSource, ds -> new TreeMap<>());
			if (!loaded.containsKey(id)) {
				// handed-off segments are read from historicals only: their results may be cached
				loaded.put(id, servers);
				live.add(id);
			}
		}));
		Map<String, SegmentTimeline<ServedBy>> timelines = new TreeMap<>();
		holders.forEach((dataSource, byId) -> {
			SegmentTimeline<ServedBy> timeline = new SegmentTimeline<>(dataSource);
			byId.forEach((id, servers) -> {
				DataSegment segment = segments.get(id);
				List<NodeAnnouncement> ordered = new ArrayList<>(servers);
				ordered.sort(Comparator.comparingInt(NodeAnnouncement::priority).reversed()
					.thenComparing(NodeAnnouncement::hostAndPort));
				try {
					timeline.add(segment.id(), segment.shardSpec().corePartitions(),
							new ServedBy(segment, ordered, live.contains(id)));
				}
				catch (io.strata.engine.error.StrataException ex) {
					// one inconsistent announcement (a core partition count its block disagrees with)
					// must not freeze the broker's view of everything else
					log.warn("Segment[{}] left out of the broker's timeline: {}", segment.id(), ex.getMessage());
				}
			});
			timelines.put(dataSource, timeline);
		});
		this.snapshot = new Snapshot(java.util.Collections.unmodifiableMap(timelines));
	}

	private static void collect(Map<String, ClusterView.ServerInventory> servers, Map<String, DataSegment> segments,
			Map<String, Map<String, List<NodeAnnouncement>>> holders) {
		for (ClusterView.ServerInventory server : servers.values()) {
			for (DataSegment segment : server.segments().values()) {
				String id = segment.id().toString();
				segments.putIfAbsent(id, segment);
				holders.computeIfAbsent(segment.dataSource(), ds -> new TreeMap<>())
					.computeIfAbsent(id, key -> new ArrayList<>())
					.add(server.node());
			}
		}
	}

}
