package io.strata.node.indexer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.node.query.LocalSegments;
import io.strata.node.query.SegmentDescriptor;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live segments this worker's streaming tasks serve: each announced in ZooKeeper under
 * {@code liveSegments/<host:port>/<id>} (Druid's announcement of a real-time segment, with an empty
 * load spec) and answered from the task's rows. A segment's handle, when closed, unannounces it
 * and waits until no query reads its rows any more, so that the task may then close them.
 * Thread-safe.
 */
final class LiveSegments implements LocalSegments {

	private static final Logger log = LoggerFactory.getLogger(LiveSegments.class);

	/** One served segment and how many queries read it now. */
	private static final class Entry {

		private final DataSegment descriptor;

		private final Supplier<List<Segment>> rows;

		private int readers;

		private boolean closed;

		Entry(DataSegment descriptor, Supplier<List<Segment>> rows) {
			this.descriptor = descriptor;
			this.rows = rows;
		}

		synchronized boolean acquire() {
			if (this.closed) {
				return false;
			}
			this.readers++;
			return true;
		}

		synchronized void release() {
			this.readers--;
			notifyAll();
		}

		/**
		 * No new reader; waits for the current ones (queries of a few milliseconds), also on an
		 * interrupted thread: the task closes its rows right after, which must not happen under a
		 * reader. The interrupt is kept for the caller.
		 */
		synchronized void closeAndAwaitReaders() {
			this.closed = true;
			boolean interrupted = false;
			while (this.readers > 0) {
				try {
					wait(100);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final DataSegmentJson json = new DataSegmentJson();

	/** Holders of each served id (guarded by itself for changes; read by queries without a lock). */
	private final Map<String, List<Entry>> served = new ConcurrentHashMap<>();

	private final Map<String, PersistentNode> announcements = new ConcurrentHashMap<>();

	private volatile String hostAndPort;

	LiveSegments(ZkNodes zk, ZkPaths paths) {
		this.zk = zk;
		this.paths = paths;
	}

	void start(String hostAndPort) {
		this.hostAndPort = hostAndPort;
	}

	/**
	 * Serves and announces the segment; closing the result undoes both. Two replicas on one
	 * worker may serve the same id: it stays announced until the last of them closes it.
	 */
	AutoCloseable serve(DataSegment descriptor, Supplier<List<Segment>> rows) {
		String id = descriptor.id().toString();
		Entry entry = new Entry(descriptor, rows);
		synchronized (this.served) {
			List<Entry> holders = this.served.computeIfAbsent(id, key -> new java.util.concurrent.CopyOnWriteArrayList<>());
			if (holders.isEmpty()) {
				this.announcements.put(id, this.zk.ephemeral(this.paths.liveSegment(this.hostAndPort, id),
						this.json.toJson(descriptor).getBytes(StandardCharsets.UTF_8)));
			}
			holders.add(entry);
		}
		return () -> {
			synchronized (this.served) {
				List<Entry> holders = this.served.get(id);
				holders.remove(entry);
				if (holders.isEmpty()) {
					this.served.remove(id);
					PersistentNode announcement = this.announcements.remove(id);
					try {
						announcement.close();
					}
					catch (IOException ex) {
						log.warn("Unannouncing live segment[{}] failed", id, ex);
					}
				}
			}
			entry.closeAndAwaitReaders();
		};
	}

	@Override
	public Lease lease(String dataSource) {
		List<Entry> acquired = this.served.values()
			.stream()
			.flatMap(List::stream)
			.filter(entry -> entry.descriptor.dataSource().equals(dataSource) && entry.acquire())
			.toList();
		return new Lease() {

			@Override
			public Served find(SegmentDescriptor descriptor) {
				for (Entry entry : acquired) {
					SegmentId id = entry.descriptor.id();
					if (id.version().equals(descriptor.version()) && id.partitionNum() == descriptor.partitionNum()
							&& id.interval().contains(descriptor.interval())) {
						return new Served(id.toString(), entry.rows.get());
					}
				}
				return null;
			}

			@Override
			public void close() {
				acquired.forEach(Entry::release);
			}

		};
	}

}
