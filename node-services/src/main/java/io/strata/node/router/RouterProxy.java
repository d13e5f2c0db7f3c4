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
import io.strata.node.zk.NodeAnnouncement;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards requests to the node that answers them. Queries go to a broker picked by Druid's
 * {@code priority} strategy: below {@code minPriority} to the brokers announced under
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

	public QueryResponse query(String body) {
		NodeAnnouncement broker = chooseBroker(priority(body));
		return forward("POST", broker.url() + "/druid/v2", body, "application/json");
	}

	/** A broker for a query of this priority. */
	public NodeAnnouncement chooseBroker(int priority) {
		List<NodeAnnouncement> brokers = this.cluster.nodes("broker");
		if (brokers.isEmpty()) {
			throw StrataException.unavailable("No broker is announced: the query cannot be routed");
		}
		String wanted = priority < this.properties.minPriority() && !this.properties.lowPriorityBrokerService().isBlank()
				? this.properties.lowPriorityBrokerService() : this.properties.defaultBrokerService();
		List<NodeAnnouncement> matching = brokers.stream().filter(b -> b.service().equals(wanted)).toList();
		List<NodeAnnouncement> pool = matching.isEmpty() ? brokers : matching;
		return pool.get(Math.floorMod(this.next.getAndIncrement(), pool.size()));
	}

	/** The URL of the leader of {@code role} (coordinator or overlord). */
	public String leaderUrl(String role) {
		if (role.equals("coordinator")) {
			List<String> participants = this.zk.children(this.paths.coordinatorLeader());
			// Curator's leader latch: the participant with the lowest sequence number leads
			String first = participants.stream()
				.min((a, b) -> a.substring(a.lastIndexOf('-') + 1).compareTo(b.substring(b.lastIndexOf('-') + 1)))
				.orElse(null);
			if (first != null) {
				try {
					byte[] id = this.zk.curator().getData().forPath(this.paths.coordinatorLeader() + "/" + first);
					if (id != null && id.length > 0) {
						return "http://" + new String(id, java.nio.charset.StandardCharsets.UTF_8);
					}
				}
				catch (Exception ex) {
					// the leader changed between listing and reading: fall through to any coordinator
				}
			}
		}
		return this.cluster.nodes(role)
			.stream()
			.findFirst()
			.map(NodeAnnouncement::url)
			.orElseThrow(() -> StrataException.unavailable("No %s is announced: the request cannot be routed", role));
	}

	public QueryResponse forward(String method, String url, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null || body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().firstValue("X-Druid-Response-Context").ifPresent(v -> headers.put("X-Druid-Response-Context", v));
			response.headers().firstValue("Content-Type").ifPresent(v -> headers.put("Content-Type", v));
			return new QueryResponse(response.statusCode(), response.body(), headers);
		}
		catch (IOException ex) {
			throw StrataException.unavailable("Forwarding to[%s] failed: %s", url, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted while forwarding to[%s]", url);
		}
	}

	private static int priority(String body) {
		try {
			JsonNode priority = JsonMapper.builder().build().readTree(body).path("context").path("priority");
			return priority.isMissingNode() || priority.isNull() ? 0 : Integer.parseInt(priority.asString().strip());
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
