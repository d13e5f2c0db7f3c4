package io.strata.engine.ingest;

import io.strata.engine.segment.SegmentId;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes and caches the segment snapshots of one {@link IncrementalIndex}. A snapshot is reused
 * until a row is added, so that queries arriving often on an idle index do not rebuild it. The
 * index's read lock is held only while the index is copied ({@link IndexSnapshot}); sorting and
 * building the columns run after it is released, while the writer goes on adding.
 * <p>
 * <b>Threading:</b> any thread. Builds are serialized by their own lock (not the index's), so
 * concurrent queries wait for one build and share its result rather than each copying the index.
 */
final class IndexSnapshots {

	private final IncrementalIndex index;

	private final ReentrantLock building = new ReentrantLock();

	private volatile IncrementalIndexSegment last;

	IndexSnapshots(IncrementalIndex index) {
		this.index = index;
	}

	IncrementalIndexSegment snapshot(SegmentId id) {
		IncrementalIndexSegment cached = this.last;
		if (isCurrent(cached, id, this.index.ingestedRows())) {
			return cached;
		}
		this.building.lock();
		try {
			IndexSnapshot copy;
			try (IndexReader reader = this.index.openReader()) {
				cached = this.last;
				if (isCurrent(cached, id, reader.ingestedRows())) {
					return cached;
				}
				copy = IndexSnapshot.take(reader);
			}
			IncrementalIndexSegment segment = new IncrementalIndexSegment(IndexSegmentBuilder.build(copy, id),
					copy.ingestedRows());
			this.last = segment;
			return segment;
		}
		finally {
			this.building.unlock();
		}
	}

	private static boolean isCurrent(IncrementalIndexSegment cached, SegmentId id, long ingestedRows) {
		return cached != null && cached.id().equals(id) && cached.ingestedRows() == ingestedRows;
	}

}
