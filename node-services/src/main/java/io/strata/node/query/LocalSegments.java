package io.strata.node.query;

import java.util.List;
import java.util.Objects;

import io.strata.engine.segment.Segment;

/**
 * Segments a data server holds in this process (a historical's loaded segments, a streaming task's
 * live ones), for the segment-scoped queries brokers send. Thread-safe.
 */
public interface LocalSegments {

	/** What is served of the datasource now, held for one query until the lease is closed. */
	Lease lease(String dataSource);

	/** Segments held for one query: none is closed or dropped under it until {@link #close()}. */
	interface Lease extends AutoCloseable {

		/** The served segment the descriptor names, or null when it is not served here. */
		Served find(SegmentDescriptor descriptor);

		@Override
		void close();

	}

	/**
	 * One served segment: its id and the engine segments that hold its rows (one for a loaded
	 * segment; a live one's persisted parts and in-memory snapshot).
	 */
	record Served(String id, List<Segment> segments) {

		public Served {
			Objects.requireNonNull(id, "id");
			segments = List.copyOf(segments);
		}

	}

}
