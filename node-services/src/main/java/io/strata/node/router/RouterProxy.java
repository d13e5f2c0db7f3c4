package io.strata.node.router;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.strata.engine.error.StrataException;
import io.strata.node.config.RouterProperties;
import io.strata.node.query.QueryResponse;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.LeaderElection;
import io.strata.node.zk.NodeAnnouncement;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards requests to the node that answers them. Queries go to the brokers a context
 * {@code brokerService} names, else to a broker picked by Druid's {@code priority} strategy: below {@code minPriority} to the brokers announced under
 * {@code lowPriorityBrokerService} when there are some, else to those under the default service,
 * round robin. Coordinator and overlord APIs go to the current leader. Thread-safe.
 */
public final class RouterProxy implements AutoCloseable {

	private final ClusterView cluster;

	private final RouterProperties properties;

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final AtomicInteger next = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	public RouterProxy(ClusterView cluster, RouterProperties properties, ZkNodes zk, ZkPaths paths) {
		this.cluster = cluster;
		this.properties = properties;
		this.zk = zk;
		this.paths = paths;
	}

	/**
	 * Sends a query to a broker: the one its context's {@code brokerService} names (Druid's
	 * {@code manual} strategy), else by priority; a broker that cannot be reached is skipped for
	 * the next of the same pool.
	 */
	public QueryResponse query(String body) {
		JsonNode context = context(body);
		List<NodeAnnouncement> pool = brokers(priority(context), context.path("brokerService").asString(""));
		int first = Math.floorMod(this.next.getAndIncrement(), pool.size());
		StrataException unreachable = null;
		for (int i = 0; i < pool.size(); i++) {
			NodeAnnouncement broker = pool.get((first + i) % pool.size());
			try {
				return forward("POST", broker.url() + "/druid/v2", body, Map.of("Content-Type", "application/json"));
			}
			catch (StrataException ex) {
				unreachable = ex;
			}
		}
		throw unreachable;
	}

	/** A broker for a request of this priority (round robin within the chosen pool). */
	public NodeAnnouncement chooseBroker(int priority) {
		List<NodeAnnouncement> pool = brokers(priority, "");
		return pool.get(Math.floorMod(this.next.getAndIncrement(), pool.size()));
	}

	private List<NodeAnnouncement> brokers(int priority, String brokerService) {
		List<NodeAnnouncement> brokers = this.cluster.nodes("broker");
		if (brokers.isEmpty()) {
			throw StrataException.unavailable("No broker is announced: the query cannot be routed");
		}
		String wanted = !brokerService.isBlank() ? brokerService
				: priority < this.properties.minPriority() && !this.properties.lowPriorityBrokerService().isBlank()
						? this.properties.lowPriorityBrokerService() : this.properties.defaultBrokerService();
		List<NodeAnnouncement> matching = brokers.stream().filter(b -> b.service().equals(wanted)).toList();
		return matching.isEmpty() ? brokers : matching;
	}

	/** The URL of the leader of {@code role} (coordinator or overlord), else of any node running it. */
	public String leaderUrl(String role) {
		String latch = role.equals("overlord") ? this.paths.overlordLeader() : this.paths.coordinatorLeader();
		java.util.Optional<String> leader = LeaderElection.leaderOf(this.zk, latch);
		if (leader.isPresent()) {
			return "http://" + leader.get();
		}
		return this.cluster.nodes(role)
			.stream()
			.findFirst()
			.map(NodeAnnouncement::url)
			.orElseThrow(() -> StrataException.unavailable("No %s is announced: the request cannot be routed", role));
	}

	/** Forwards a request with the given headers (the caller picks which: hop-by-hop ones must not pass). */
	public QueryResponse forward(String method, String url, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10));
		headers.forEach(request::header);
		request.method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> answerHeaders = new LinkedHashMap<>();
			for (String name : List.of("X-Druid-Response-Context", "X-Druid-Query-Id", "Content-Type", "Location")) {
				response.headers().firstValue(name).ifPresent(value -> answerHeaders.put(name, value));
			}
			return new QueryResponse(response.statusCode(), response.body(), answerHeaders);
		}
		catch (IOException ex) {
			throw StrataException.unavailable("Forwarding to[%s] failed: %s", url, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted while forwarding to[%s]", url);
		}
	}

	/** The query's context; a body that is not JSON has none (the broker then answers with the error). */
	private static JsonNode context(String body) {
		try {
			return JsonMapper.builder().build().readTree(body).path("context");
		}
		catch (tools.jackson.core.JacksonException ex) {
			return tools.jackson.databind.node.MissingNode.getInstance();
		}
	}

	/** Context {@code priority}; one that is not an integer routes as 0 and the broker refuses it. */
	private static int priority(JsonNode context) {
		JsonNode priority = context.path("priority");
		if (priority.isNumber()) {
			return priority.asInt();
		}
		try {
			return priority.isString() ? Integer.parseInt(priority.asString().strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
