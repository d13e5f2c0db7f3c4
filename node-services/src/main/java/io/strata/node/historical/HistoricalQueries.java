package io.strata.node.historical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.engine.timeline.TimelineChunk;
import io.strata.engine.timeline.TimelineSegment;
import io.strata.node.query.DataServerProtocol;
import io.strata.node.query.DataServerQueries;
import io.strata.node.query.QueryResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a plain native query sent to a lone historical (no broker in its process) over the
 * visible segments of its own timeline. Segment-scoped queries from brokers go to
 * {@link DataServerQueries}. Thread-safe.
 */
public final class HistoricalQueries {

	private final SegmentManager segments;

	private final QueryRunner runner = new QueryRunner();

	private final DataServerProtocol protocol = new DataServerProtocol();

	public HistoricalQueries(SegmentManager segments) {
		this.segments = segments;
	}

	public QueryResponse answer(String body) {
		ObjectNode query = this.protocol.parseQuery(body);
		String dataSource = DataServerQueries.dataSource(query);
		List<ServedSegment> acquired = this.segments.acquire(dataSource);
		try {
			return QueryResponse.ok(this.runner.run(body, visible(dataSource, acquired)));
		}
		finally {
			this.segments.release(acquired);
		}
	}

	/** The segments this server would answer a plain query from: its own newest complete versions. */
	private static List<Segment> visible(String dataSource, List<ServedSegment> acquired) {
		SegmentTimeline<Segment> timeline = new SegmentTimeline<>(dataSource);
		for (ServedSegment segment : acquired) {
			try {
				timeline.add(segment.descriptor().id(), segment.descriptor().shardSpec().corePartitions(),
						segment.segment());
			}
			catch (StrataException ex) {
				// inconsistent core partition counts within a block: that segment is not answered
				continue;
			}
		}
		List<Segment> visible = new ArrayList<>();
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (TimelineChunk<Segment> chunk : timeline.lookup(Interval.ETERNITY)) {
			for (TimelineSegment<Segment> partition : chunk.partitions()) {
				if (seen.add(partition.payload())) {
					visible.add(partition.payload());
				}
			}
		}
		return visible;
	}

}
