package io.strata.node.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.Query;
import io.strata.engine.query.QueryJson;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.engine.timeline.TimelineChunk;
import io.strata.engine.timeline.TimelineSegment;
import io.strata.node.broker.cache.CacheContext;
import io.strata.node.broker.cache.CacheKey;
import io.strata.node.broker.cache.QueryCacheKeys;
import io.strata.node.broker.cache.ResultCache;
import io.strata.node.broker.lane.Permit;
import io.strata.node.broker.lane.QueryScheduler;
import io.strata.node.config.BrokerProperties;
import io.strata.node.query.DataServerProtocol;
import io.strata.node.query.QueryResponse;
import io.strata.node.query.SegmentDescriptor;
import io.strata.node.zk.NodeAnnouncement;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a native query over the whole cluster: finds the visible segments for its intervals,
 * takes what the per-segment cache holds, sends the rest to the servers serving them (all servers
 * at once), retries segments a server could not answer on another replica, and merges every
 * per-segment answer with the engine's merge. A query holds a lane permit while it runs.
 * Thread-safe.
 */
public final class BrokerQueries {

	private static final Duration NO_TIMEOUT = Duration.ofDays(365);

	private final BrokerServerView view;

	private final DataServerClient client;

	private final ResultCache cache;

	private final QueryScheduler scheduler;

	private final BrokerProperties properties;

	private final QueryJson queryJson = new QueryJson();

	private final QueryRunner merger = new QueryRunner();

	private final DataServerProtocol protocol = new DataServerProtocol();

	private final QueryCacheKeys cacheKeys = new QueryCacheKeys();

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final MeterRegistry meters;

	private final Counter retried;

	/**
	 * One piece of work: a segment, the part of it to read, and its replicas.
	 * @param live served by streaming tasks only: never cached
	 */
	private record Piece(SegmentDescriptor descriptor, String segmentId, List<NodeAnnouncement> servers, boolean live) {

	}

	public BrokerQueries(BrokerServerView view, DataServerClient client, ResultCache cache, QueryScheduler scheduler,
			BrokerProperties properties, MeterRegistry meters) {
		this.view = view;
		this.client = client;
		this.cache = cache;
		this.scheduler = scheduler;
		this.properties = properties;
		this.meters = meters;
		this.retried = Counter.builder("strata.broker.segments.retried")
			.description("Segments asked of another replica after a server failed or no longer had them")
			.register(meters);
	}

	public QueryResponse answer(String body) {
		long start = System.nanoTime();
		String type = "unknown";
		String outcome = "failure";
		try {
			ObjectNode json = this.protocol.parseQuery(body);
			Query query = this.queryJson.read(body);
			type = json.path("queryType").asString("unknown");
			Map<String, Object> context = context(json);
			try (Permit _ = this.scheduler.admit(lane(context),
					this.scheduler.resolvePriority(context))) {
				String merged = run(json, query, context, type);
				outcome = "success";
				Object queryId = context.get("queryId");
				return new QueryResponse(200, merged, Map.of("X-Druid-Query-Id",
						queryId != null ? queryId.toString() : java.util.UUID.randomUUID().toString()));
			}
		}
		catch (RelayedError relayed) {
			return new QueryResponse(relayed.status, relayed.body, Map.of());
		}
		finally {
			Timer.builder("strata.query.time")
				.description("Broker query time")
				.tag("queryType", type)
				.tag("outcome", outcome)
				.register(this.meters)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private String run(ObjectNode json, Query query, Map<String, Object> context, String type) {
		long deadline = System.nanoTime() + timeout(context).toNanos();
		List<Piece> pieces = plan(query);
		Map<String, Object> cacheContext = new java.util.HashMap<>();
		cacheContext.put("useCache", this.properties.useCache());
		cacheContext.put("populateCache", this.properties.populateCache());
		cacheContext.putAll(context);
		CacheContext caching = CacheContext.read(cacheContext);
		boolean cacheable = this.cache != null && this.cacheKeys.cacheable(type);
		String queryKey = cacheable ? this.cacheKeys.queryKey(this.mapper.writeValueAsString(json)) : null;
		Map<String, String> answers = new LinkedHashMap<>();
		List<Piece> remaining = new ArrayList<>();
		for (Piece piece : pieces) {
			byte[] cached = cacheable && caching.useCache() && !piece.live() ? this.cache.get(key(piece, queryKey)).orElse(null) : null;
			if (cached != null) {
				answers.put(pieceKey(piece), new String(cached, StandardCharsets.UTF_8));
			}
			else {
				remaining.add(piece);
			}
		}
		Set<String> failedServers = new HashSet<>();
		for (int attempt = 0; !remaining.isEmpty(); attempt++) {
			if (attempt > this.properties.retries()) {
				throw StrataException.unavailable("Segments[%s] could not be read from any server after [%d] tries",
						remaining.stream().map(Piece::segmentId).distinct().toList(), attempt);
			}
			if (attempt > 0) {
				this.retried.increment(remaining.size());
			}
			remaining = fetch(json, remaining, failedServers, answers, deadline,
					cacheable && caching.populateCache() ? queryKey : null);
		}
		return this.merger.mergeResults(query, new ArrayList<>(answers.values()));
	}

	/** The visible segments for the query's intervals, as descriptors clipped to what each reads. */
	private List<Piece> plan(Query query) {
		SegmentTimeline<BrokerServerView.ServedBy> timeline = this.view.snapshot().timelines().get(query.dataSource());
		List<Piece> pieces = new ArrayList<>();
		if (timeline == null) {
			return pieces;
		}
		for (Interval interval : query.intervals()) {
			for (TimelineChunk<BrokerServerView.ServedBy> chunk : timeline.lookup(interval)) {
				for (TimelineSegment<BrokerServerView.ServedBy> partition : chunk.partitions()) {
					pieces.add(new Piece(new SegmentDescriptor(chunk.interval(), chunk.version(),
							partition.id().partitionNum()), partition.id().toString(), partition.payload().servers(),
							partition.payload().live()));
				}
			}
		}
		return pieces;
	}

	/**
	 * Asks each piece's first server not yet failed, all servers at once. Answers go into
	 * {@code answers}; returns the pieces to try again (server unreachable or segment missing).
	 */
	private List<Piece> fetch(ObjectNode json, List<Piece> pieces, Set<String> failedServers,
			Map<String, String> answers, long deadline, String populateKey) {
		Map<NodeAnnouncement, List<Piece>> byServer = new LinkedHashMap<>();
		List<Piece> retry = new ArrayList<>();
		for (Piece piece : pieces) {
			NodeAnnouncement server = chooseReplica(piece.servers(), failedServers);
			if (server == null) {
				throw StrataException.unavailable("Segment[%s] is on no reachable server (tried %s)", piece.segmentId(),
						piece.servers().stream().map(NodeAnnouncement::hostAndPort).toList());
			}
			byServer.computeIfAbsent(server, key -> new ArrayList<>()).add(piece);
		}
		Map<NodeAnnouncement, CompletableFuture<DataServerClient.Reply>> replies = new LinkedHashMap<>();
		Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
		byServer.forEach((server, serverPieces) -> replies.put(server, this.client.query(server.url(),
				this.protocol.segmentQuery(json, serverPieces.stream().map(Piece::descriptor).toList()), left)));
		for (var entry : replies.entrySet()) {
			NodeAnnouncement server = entry.getKey();
			List<Piece> serverPieces = byServer.get(server);
			DataServerClient.Reply reply;
			try {
				reply = entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				replies.values().forEach(future -> future.cancel(true));
				throw StrataException.timeout("Query timeout: servers did not answer in time");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw StrataException.interrupted("Query interrupted while waiting for data servers");
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof java.net.http.HttpTimeoutException) {
					throw StrataException.timeout("Query timeout: server[%s] did not answer in time",
							server.hostAndPort());
				}
				failedServers.add(server.hostAndPort());
				retry.addAll(serverPieces);
				continue;
			}
			if (reply.status() != 200) {
				if (reply.status() >= 500 && reply.status() != 504 && !reply.body().contains("\"error\"")) {
					failedServers.add(server.hostAndPort());
					retry.addAll(serverPieces);
					continue;
				}
				throw new RelayedError(reply.status(), reply.body());
			}
			Set<SegmentDescriptor> missing = new HashSet<>(this.protocol.readMissingSegments(reply.responseContext()));
			Map<String, String> results = new LinkedHashMap<>();
			for (DataServerProtocol.SegmentResult result : this.protocol.readBySegment(reply.body())) {
				results.put(result.segmentId() + "@" + result.interval(), result.results());
			}
			for (Piece piece : serverPieces) {
				String result = missing.contains(piece.descriptor()) ? null : results.get(pieceKey(piece));
				if (result == null) {
					retry.add(new Piece(piece.descriptor(), piece.segmentId(), piece.servers()
						.stream()
						.filter(candidate -> !candidate.hostAndPort().equals(server.hostAndPort()))
						.toList(), piece.live()));
					continue;
				}
				answers.put(pieceKey(piece), result);
				if (populateKey != null && !piece.live()) {
					this.cache.put(key(piece, populateKey), result.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		return retry;
	}

	/** A random one of the highest-priority replicas not failed yet, so that equal replicas share the load. */
	private static NodeAnnouncement chooseReplica(List<NodeAnnouncement> servers, Set<String> failedServers) {
		List<NodeAnnouncement> live = servers.stream()
			.filter(candidate -> !failedServers.contains(candidate.hostAndPort()))
			.toList();
		if (live.isEmpty()) {
			return null;
		}
		int best = live.stream().mapToInt(NodeAnnouncement::priority).max().orElseThrow();
		List<NodeAnnouncement> top = live.stream().filter(candidate -> candidate.priority() == best).toList();
		return top.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(top.size()));
	}

	private static String pieceKey(Piece piece) {
		return piece.segmentId() + "@" + piece.descriptor().interval();
	}

	private static CacheKey key(Piece piece, String queryKey) {
		return new CacheKey(pieceKey(piece), queryKey);
	}

	private Map<String, Object> context(ObjectNode json) {
		if (!json.path("context").isObject()) {
			return Map.of();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> context = this.mapper.convertValue(json.get("context"), Map.class);
		return context;
	}

	private static String lane(Map<String, Object> context) {
		Object lane = context.get("lane");
		return lane == null ? null : lane.toString();
	}

	private Duration timeout(Map<String, Object> context) {
		Object timeout = context.get("timeout");
		if (timeout == null) {
			return this.properties.timeout();
		}
		try {
			long millis = Long.parseLong(timeout.toString());
			// Druid: 0 means no timeout
			return millis == 0 ? NO_TIMEOUT : millis < 0 ? this.properties.timeout() : Duration.ofMillis(millis);
		}
		catch (NumberFormatException ex) {
			throw StrataException.invalidInput("Query context parameter[timeout] must be a number of milliseconds, not[%s]",
					timeout);
		}
	}

	/**
	 * A data server's own error answer (e.g. a resource limit): unwinds the fan-out and is passed on
	 * to the client as is, already in Druid's shape. Never leaves this class.
	 */
	private static final class RelayedError extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		private final String body;

		RelayedError(int status, String body) {
			super("data server answered " + status, null, false, false);
			this.status = status;
			this.body = body;
		}

	}

}
