package io.strata.node.coordinator.compaction;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.node.zk.LeaderElection;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link OverlordClient} over Druid's overlord API on the leader found in ZooKeeper: task lists
 * ({@code /tasks?state=waiting|pending|running&type=compact}), each task's payload once for its
 * interval ({@code /task/{id}}), {@code /workers} and {@code POST /task}. Thread-safe.
 */
public final class HttpOverlordClient implements OverlordClient, AutoCloseable {

	private static final String API = "/druid/indexer/v1";

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** Intervals of active compact tasks by id: a payload never changes, so it is fetched once. */
	private final Map<String, OverlordClient.ActiveCompaction> known = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	public HttpOverlordClient(ZkNodes zk, ZkPaths paths) {
		this.zk = zk;
		this.paths = paths;
	}

	@Override
	public List<ActiveCompaction> activeCompactions() {
		String leader = leader();
		List<ActiveCompaction> active = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (String state : List.of("waiting", "pending", "running")) {
			for (JsonNode task : get(leader, API + "/tasks?state=" + state + "&type=compact")) {
				String id = task.path("id").asString();
				if (ids.add(id)) {
					ActiveCompaction compaction = this.known.get(id);
					if (compaction == null) {
						compaction = fetch(leader, id, task.path("dataSource").asString());
						this.known.put(id, compaction);
					}
					active.add(compaction);
				}
			}
		}
		this.known.keySet().retainAll(ids);
		return active;
	}

	private ActiveCompaction fetch(String leader, String id, String dataSource) {
		JsonNode payload = get(leader, API + "/task/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).path("payload");
		JsonNode inputSpec = payload.path("ioConfig").path("inputSpec");
		Interval interval;
		if (inputSpec.path("interval").isString()) {
			interval = Interval.parse(inputSpec.path("interval").asString());
		}
		else {
			// a segments input spec: the umbrella of its segments' intervals
			long start = Long.MAX_VALUE;
			long end = Long.MIN_VALUE;
			for (JsonNode segment : inputSpec.path("segments")) {
				Interval of = Interval.parse(segment.path("interval").asString());
				start = Math.min(start, of.startMillis());
				end = Math.max(end, of.endMillis());
			}
			interval = start < end ? new Interval(start, end) : Interval.ETERNITY;
		}
		return new ActiveCompaction(id, dataSource, interval);
	}

	@Override
	public int totalWorkerCapacity() {
		int total = 0;
		for (JsonNode worker : get(leader(), API + "/workers")) {
			total += worker.path("worker").path("capacity").asInt();
		}
		return total;
	}

	@Override
	public void submit(String taskJson) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + leader() + API + "/task"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(taskJson))
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Overlord refused compact task: HTTP %d: %s", response.statusCode(),
					response.body());
		}
	}

	private String leader() {
		return LeaderElection.leaderOf(this.zk, this.paths.overlordLeader())
			.orElseThrow(() -> StrataException.unavailable("No overlord leader to run compact tasks"));
	}

	private JsonNode get(String leader, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + leader + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Overlord[%s] answered HTTP %d to %s: %s", leader, response.statusCode(),
					path, response.body());
		}
		return this.mapper.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw StrataException.unavailable("Overlord request %s failed: %s", request.uri(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted while calling the overlord at %s", request.uri());
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
