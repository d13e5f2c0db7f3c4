package io.strata.node.historical;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.engine.timeline.TimelineChunk;
import io.strata.engine.timeline.TimelineSegment;
import io.strata.node.query.DataServerProtocol;
import io.strata.node.query.PriorityExecutor;
import io.strata.node.query.QueryResponse;
import io.strata.node.query.SegmentDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers native queries on a historical. A segment-scoped query (from a broker) runs each named
 * segment on the processing pool (higher context priority first) and answers Druid's by-segment shape, listing segments this
 * server does not serve (any more) as missing, so the broker retries them elsewhere. A plain
 * query runs over the visible segments of this server's own timeline. Thread-safe.
 */
public final class HistoricalQueries {

	private final SegmentManager segments;

	private final PriorityExecutor processing;

	private final QueryRunner runner;

	private final DataServerProtocol protocol = new DataServerProtocol();

	private final Timer segmentTime;

	public HistoricalQueries(SegmentManager segments, PriorityExecutor processing, MeterRegistry meters) {
		this.segments = segments;
		this.processing = processing;
		// one runner for every segment task: it is thread-safe, and building one costs (memory beans)
		this.runner = new QueryRunner();
		this.segmentTime = Timer.builder("strata.query.segment.time")
			.description("Time to scan one segment for one query")
			.register(meters);
	}

	public QueryResponse answer(String body) {
		ObjectNode query = this.protocol.parseQuery(body);
		String dataSource = dataSource(query);
		List<ServedSegment> acquired = this.segments.acquire(dataSource);
		try {
			List<SegmentDescriptor> scope = this.protocol.scopedSegments(query);
			if (scope == null) {
				return QueryResponse.ok(this.runner.run(body, visible(dataSource, acquired)));
			}
			return scoped(query, scope, acquired);
		}
		finally {
			this.segments.release(acquired);
		}
	}

	private QueryResponse scoped(ObjectNode query, List<SegmentDescriptor> scope, List<ServedSegment> acquired) {
		List<SegmentDescriptor> missing = new ArrayList<>();
		List<SegmentDescriptor> found = new ArrayList<>();
		List<Future<String>> results = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		int priority = priority(query);
		for (SegmentDescriptor descriptor : scope) {
			ServedSegment segment = find(acquired, descriptor);
			if (segment == null) {
				missing.add(descriptor);
				continue;
			}
			String json = this.protocol.perSegmentQuery(query, descriptor);
			QueryRunner runner = this.runner;
			Segment body = segment.segment();
			found.add(descriptor);
			ids.add(segment.descriptor().id().toString());
			results.add(this.processing.submit(priority, () -> {
				long start = System.nanoTime();
				try {
					return runner.run(json, List.of(body));
				}
				finally {
					this.segmentTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
				}
			}));
		}
		// every task ends before the segments are released (a drop may then close them); on the
		// first failure the ones still queued are cancelled
		String[] answers = new String[results.size()];
		RuntimeException failure = null;
		for (int i = 0; i < results.size(); i++) {
			try {
				answers[i] = join(results.get(i));
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
					results.forEach(result -> result.cancel(false));
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < results.size(); i++) {
			this.protocol.appendResult(out, ids.get(i), found.get(i), answers[i]);
		}
		out.append(']');
		return new QueryResponse(200, out.toString(), missing.isEmpty() ? java.util.Map.of()
				: java.util.Map.of(DataServerProtocol.RESPONSE_CONTEXT_HEADER, this.protocol.missingSegmentsHeader(missing)));
	}

	private static String join(Future<String> result) {
		try {
			return result.get();
		}
		catch (java.util.concurrent.CancellationException ex) {
			throw StrataException.interrupted("Segment scan cancelled after another segment of the query failed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Query interrupted while segments were scanned");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new StrataException(io.strata.engine.error.ErrorCode.UNKNOWN, String.valueOf(ex.getCause()),
					ex.getCause());
		}
	}

	private static ServedSegment find(List<ServedSegment> acquired, SegmentDescriptor descriptor) {
		for (ServedSegment segment : acquired) {
			var id = segment.descriptor().id();
			if (id.version().equals(descriptor.version()) && id.partitionNum() == descriptor.partitionNum()
					&& id.interval().contains(descriptor.interval())) {
				return segment;
			}
		}
		return null;
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
		java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (TimelineChunk<Segment> chunk : timeline.lookup(Interval.ETERNITY)) {
			for (TimelineSegment<Segment> partition : chunk.partitions()) {
				if (seen.add(partition.payload())) {
					visible.add(partition.payload());
				}
			}
		}
		return visible;
	}

	/** Druid's context {@code priority}: higher runs first when segments queue for the processing threads. */
	private static int priority(ObjectNode query) {
		JsonNode priority = query.path("context").path("priority");
		if (priority.isMissingNode() || priority.isNull()) {
			return 0;
		}
		try {
			return priority.isNumber() ? priority.asInt() : Integer.parseInt(priority.asString().strip());
		}
		catch (NumberFormatException ex) {
			throw StrataException.invalidInput("Query context parameter[priority] must be an integer, not[%s]",
					priority.asString());
		}
	}

	static String dataSource(ObjectNode query) {
		JsonNode dataSource = query.path("dataSource");
		if (dataSource.isString()) {
			return dataSource.asString();
		}
		if (dataSource.isObject() && dataSource.path("name").isString()) {
			return dataSource.path("name").asString();
		}
		throw StrataException.invalidSpec("Invalid query: field[dataSource] is required");
	}

}
