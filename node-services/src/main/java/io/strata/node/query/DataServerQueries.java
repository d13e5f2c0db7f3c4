package io.strata.node.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the segment-scoped queries brokers send to a data server, over every
 * {@link LocalSegments} of this process (a historical's and a streaming task's alike): each named
 * segment runs on the processing pool (higher context priority first) and the answer has Druid's
 * by-segment shape; segments not served here (any more) are listed as missing in the response
 * context, so the broker retries them elsewhere. Thread-safe.
 */
public final class DataServerQueries {

	private final List<LocalSegments> sources;

	private final PriorityExecutor processing;

	// one runner for every segment task: it is thread-safe, and building one costs (memory beans)
	private final QueryRunner runner = new QueryRunner();

	private final DataServerProtocol protocol = new DataServerProtocol();

	private final Timer segmentTime;

	public DataServerQueries(List<LocalSegments> sources, PriorityExecutor processing, MeterRegistry meters) {
		this.sources = List.copyOf(sources);
		this.processing = processing;
		this.segmentTime = Timer.builder("strata.query.segment.time")
			.description("Time to scan one segment for one query")
			.register(meters);
	}

	/** @param scope the segments the broker asks this server for */
	public QueryResponse answer(ObjectNode query, List<SegmentDescriptor> scope) {
		String dataSource = dataSource(query);
		List<LocalSegments.Lease> leases = new ArrayList<>();
		try {
			for (LocalSegments source : this.sources) {
				leases.add(source.lease(dataSource));
			}
			return scoped(query, scope, leases);
		}
		finally {
			leases.forEach(LocalSegments.Lease::close);
		}
	}

	private QueryResponse scoped(ObjectNode query, List<SegmentDescriptor> scope, List<LocalSegments.Lease> leases) {
		List<SegmentDescriptor> missing = new ArrayList<>();
		List<SegmentDescriptor> found = new ArrayList<>();
		List<Future<String>> results = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		List<Scan> scans = new ArrayList<>();
		int priority = priority(query);
		for (SegmentDescriptor descriptor : scope) {
			LocalSegments.Served served = find(leases, descriptor);
			if (served == null) {
				missing.add(descriptor);
				continue;
			}
			String json = this.protocol.perSegmentQuery(query, descriptor);
			List<Segment> body = served.segments();
			found.add(descriptor);
			ids.add(served.id());
			Scan scan = new Scan();
			scans.add(scan);
			results.add(this.processing.submit(priority, () -> {
				if (!scan.start()) {
					return null;
				}
				long start = System.nanoTime();
				try {
					return this.runner.run(json, body);
				}
				finally {
					this.segmentTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
					scan.end();
				}
			}));
		}
		// on the first failure the scans still queued are cancelled; every scan that started runs
		// to its end before the caller closes the leases (a drop or a task's end may then close the
		// segments' files)
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
			awaitStarted(scans);
			throw failure;
		}
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < results.size(); i++) {
			this.protocol.appendResult(out, ids.get(i), found.get(i), answers[i]);
		}
		out.append(']');
		return new QueryResponse(200, out.toString(), missing.isEmpty() ? Map.of()
				: Map.of(DataServerProtocol.RESPONSE_CONTEXT_HEADER, this.protocol.missingSegmentsHeader(missing)));
	}

	/** One segment's scan: whether it started and ended, so that a failed query waits for the running ones. */
	private static final class Scan {

		private boolean started;

		private boolean ended;

		private boolean abandoned;

		/** False once the query gave up on scans that had not started: the scan then does nothing. */
		synchronized boolean start() {
			if (this.abandoned) {
				return false;
			}
			this.started = true;
			return true;
		}

		synchronized void end() {
			this.ended = true;
			notifyAll();
		}

		/** Keeps a scan that has not started from starting; waits for one that has. */
		synchronized void abandonOrAwait() {
			this.abandoned = true;
			boolean interrupted = false;
			while (this.started && !this.ended) {
				try {
					wait();
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

	private static void awaitStarted(List<Scan> scans) {
		scans.forEach(Scan::abandonOrAwait);
	}

	private static LocalSegments.Served find(List<LocalSegments.Lease> leases, SegmentDescriptor descriptor) {
		for (LocalSegments.Lease lease : leases) {
			LocalSegments.Served served = lease.find(descriptor);
			if (served != null) {
				return served;
			}
		}
		return null;
	}

	private static String join(Future<String> result) {
		try {
			return result.get();
		}
		catch (CancellationException ex) {
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
			throw new StrataException(ErrorCode.UNKNOWN, String.valueOf(ex.getCause()), ex.getCause());
		}
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

	/** The query's datasource name (a table datasource, by name or as an object). */
	public static String dataSource(ObjectNode query) {
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
