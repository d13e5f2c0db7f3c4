package io.strata.node.historical;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.query.LocalSegments;
import io.strata.node.query.SegmentDescriptor;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.zk.LoadRequest;
import io.strata.node.zk.LoadRequestJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a historical serves. Watches its load queue in ZooKeeper; on a load request pulls the
 * segment from deep storage into the cache (unless it is there already), memory-maps it,
 * announces it under {@code segments/<host:port>/<id>} and deletes the request; on a drop
 * request unannounces, unmaps (after running queries finish) and deletes the files. On start it
 * serves and announces whatever the cache holds, without a download. A failed load is logged,
 * counted and its request deleted, so the coordinator sees the segment still unloaded and
 * assigns it again. Threading: loads run on {@code loadingThreads}; queries acquire segments from
 * any thread.
 */
public final class SegmentManager implements AutoCloseable, LocalSegments {

	private static final Logger log = LoggerFactory.getLogger(SegmentManager.class);

	private final SegmentCacheDirectory cache;

	private final DeepStorage deepStorage;

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final ExecutorService loading;

	private final Map<String, ServedSegment> served = new ConcurrentHashMap<>();

	private final Map<String, PersistentNode> announcements = new ConcurrentHashMap<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final SegmentFileReader reader = new SegmentFileReader();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	private final LoadRequestJson requestJson = new LoadRequestJson();

	private final AtomicLong failedLoads = new AtomicLong();

	private final AtomicLong downloads = new AtomicLong();

	private volatile String hostAndPort;

	private volatile boolean cacheInitialized;

	private CuratorCache queue;

	public SegmentManager(SegmentCacheDirectory cache, DeepStorage deepStorage, ZkNodes zk, ZkPaths paths,
			int loadingThreads) {
		this.cache = cache;
		this.deepStorage = deepStorage;
		this.zk = zk;
		this.paths = paths;
		this.loading = Executors.newFixedThreadPool(loadingThreads, Thread.ofPlatform().name("segment-load-", 0)
			.daemon(true)
			.factory());
	}

	/** Serves the cache's content, then starts following the load queue of {@code hostAndPort}. */
	public void start(String hostAndPort) {
		this.hostAndPort = hostAndPort;
		for (DataSegment segment : this.cache.cachedSegments()) {
			try {
				serve(segment, this.cache.segmentFile(segment));
			}
			catch (RuntimeException ex) {
				log.warn("Cached segment[{}] is unreadable; deleting it so it loads again", segment.id(), ex);
				this.cache.remove(segment);
			}
		}
		this.cacheInitialized = true;
		String queuePath = this.paths.loadQueue(hostAndPort);
		this.zk.ensurePath(queuePath);
		this.queue = CuratorCache.build(this.zk.curator(), queuePath);
		this.queue.listenable().addListener(CuratorCacheListener.builder().forCreates(data -> {
			if (!data.getPath().equals(queuePath) && data.getData() != null && data.getData().length > 0) {
				String path = data.getPath();
				byte[] body = data.getData();
				if (this.inFlight.add(path)) {
					this.loading.execute(() -> handle(path, body));
				}
			}
		}).build());
		this.queue.start();
	}

	private void handle(String path, byte[] body) {
		try {
			LoadRequest request = this.requestJson.read(body);
			switch (request.action()) {
				case LOAD -> load(request.segment());
				case DROP -> drop(request.segment());
			}
		}
		catch (RuntimeException ex) {
			this.failedLoads.incrementAndGet();
			log.warn("Load request[{}] failed", path, ex);
		}
		finally {
			this.zk.delete(path);
			this.inFlight.remove(path);
		}
	}

	/** Loads (if needed), serves and announces the segment. Idempotent. */
	public void load(DataSegment segment) {
		String id = segment.id().toString();
		if (this.served.containsKey(id)) {
			return;
		}
		Path file = this.cache.segmentFile(segment);
		if (this.cache.contains(segment)) {
			try {
				serve(segment, file);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Cached copy of segment[{}] is unreadable; downloading it again", segment.id(), ex);
				this.cache.remove(segment);
			}
		}
		Path target = this.cache.reserve(segment);
		try {
			this.deepStorage.pull(segment.loadSpec(), target);
			this.downloads.incrementAndGet();
			this.cache.commit(segment);
		}
		catch (RuntimeException ex) {
			this.cache.remove(segment);
			throw ex;
		}
		serve(segment, file);
	}

	private void serve(DataSegment segment, Path file) {
		String id = segment.id().toString();
		ServedSegment loaded = new ServedSegment(segment, this.reader.open(file));
		this.served.put(id, loaded);
		this.announcements.put(id, this.zk.ephemeral(this.paths.servedSegment(this.hostAndPort, id),
				this.segmentJson.toJson(segment).getBytes(StandardCharsets.UTF_8)));
	}

	/** Unannounces, stops serving and deletes the segment. Idempotent. */
	public void drop(DataSegment segment) {
		String id = segment.id().toString();
		PersistentNode announcement = this.announcements.remove(id);
		if (announcement != null) {
			closeQuietly(announcement);
		}
		ServedSegment loaded = this.served.remove(id);
		if (loaded != null) {
			loaded.drop();
		}
		this.cache.remove(segment);
	}

	/**
	 * References to the served segments of a datasource; the caller must {@link #release} each.
	 * A segment being dropped is left out.
	 */
	List<ServedSegment> acquire(String dataSource) {
		List<ServedSegment> acquired = new ArrayList<>();
		for (ServedSegment segment : this.served.values()) {
			if (segment.descriptor().dataSource().equals(dataSource) && segment.acquire()) {
				acquired.add(segment);
			}
		}
		return acquired;
	}

	void release(List<ServedSegment> segments) {
		segments.forEach(ServedSegment::release);
	}

	@Override
	public Lease lease(String dataSource) {
		List<ServedSegment> acquired = acquire(dataSource);
		return new Lease() {

			@Override
			public Served find(SegmentDescriptor descriptor) {
				for (ServedSegment segment : acquired) {
					var id = segment.descriptor().id();
					if (id.version().equals(descriptor.version()) && id.partitionNum() == descriptor.partitionNum()
							&& id.interval().contains(descriptor.interval())) {
						return new Served(id.toString(), List.of(segment.segment()));
					}
				}
				return null;
			}

			@Override
			public void close() {
				release(acquired);
			}

		};
	}

	public List<DataSegment> servedSegments() {
		return this.served.values().stream().map(ServedSegment::descriptor).sorted((a, b) -> a.id().compareTo(b.id()))
			.toList();
	}

	public boolean cacheInitialized() {
		return this.cacheInitialized;
	}

	public long usedBytes() {
		return this.cache.usedBytes();
	}

	/** Segments pulled from deep storage since start (not those found in the cache). */
	public long downloads() {
		return this.downloads.get();
	}

	public long failedLoads() {
		return this.failedLoads.get();
	}

	@Override
	public void close() {
		if (this.queue != null) {
			this.queue.close();
		}
		this.loading.shutdownNow();
		try {
			this.loading.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.announcements.values().forEach(SegmentManager::closeQuietly);
		this.announcements.clear();
		this.served.values().forEach(ServedSegment::drop);
		this.served.clear();
	}

	private static void closeQuietly(PersistentNode node) {
		try {
			node.close();
		}
		catch (java.io.IOException ex) {
			// the znode is ephemeral: it goes with the session anyway
			log.debug("Closing announcement failed", ex);
		}
	}

}
