package io.strata.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.strata.engine.error.StrataException;
import io.strata.node.StrataNodeApplication;
import io.strata.node.historical.SegmentManager;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.segment.DataSegment;
import org.apache.curator.test.TestingServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's cluster, all in this JVM: an in-process ZooKeeper, an H2 metadata file, a
 * local deep-storage directory and four node processes, each a Spring context of the real node
 * application on its own port: a coordinator, a broker and two historicals in the default tier.
 * All state lives under one directory, emptied when the cluster starts. Nodes talk to each other
 * only over HTTP and ZooKeeper, as separate processes would; only the publish step and the
 * served-segment counts use node beans directly. Not thread-safe: one thread starts, drives and
 * closes it.
 */
final class BenchmarkCluster implements AutoCloseable {

	static final String COORDINATOR = "coordinator";

	static final String BROKER = "broker";

	static final List<String> HISTORICALS = List.of("historical-1", "historical-2");

	private static final Duration POLL = Duration.ofMillis(100);

	private final Path directory;

	private final TestingServer zk;

	private final Map<String, String> common = new LinkedHashMap<>();

	private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private BenchmarkCluster(Path directory) throws Exception {
		this.directory = directory.toAbsolutePath();
		Path zkData = this.directory.resolve("zk");
		Files.createDirectories(zkData);
		this.zk = new TestingServer(-1, zkData.toFile(), true);
		this.common.put("server.port", "0");
		this.common.put("spring.main.banner-mode", "off");
		this.common.put("logging.level.root", "WARN");
		this.common.put("strata.zk.connect", this.zk.getConnectString());
		// long enough that a GC pause under load never drops a historical's announcements
		this.common.put("strata.zk.session-timeout", "30s");
		// a short period loads the segments within a few seconds of publishing
		this.common.put("strata.coordinator.period", "500ms");
		// no balancing moves: the placement the rules make at load time stays put while measuring,
		// so no query meets a segment in the middle of a move
		this.common.put("strata.coordinator.max-segments-to-move", "0");
		this.common.put("spring.datasource.url", "jdbc:h2:file:" + this.directory.resolve("metadata/strata")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
		this.common.put("strata.deep-storage.directory", this.directory.resolve("deep-storage").toString());
	}

	/** Empties {@code directory}, then starts ZooKeeper and the four nodes, the coordinator first. */
	static BenchmarkCluster start(Path directory) throws Exception {
		Directories.deleteRecursively(directory);
		BenchmarkCluster cluster = new BenchmarkCluster(directory);
		try {
			cluster.startNode(COORDINATOR, "coordinator");
			for (String historical : HISTORICALS) {
				cluster.startNode(historical, "historical");
			}
			cluster.startNode(BROKER, "broker");
			return cluster;
		}
		catch (RuntimeException ex) {
			try {
				cluster.close();
			}
			catch (IOException | RuntimeException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	private void startNode(String name, String roles) {
		Map<String, String> properties = new LinkedHashMap<>(this.common);
		properties.put("strata.node.roles", roles);
		properties.put("strata.node.base-dir", this.directory.resolve(name).toString());
		// as command-line arguments: builder properties are only defaults, and the node's own
		// application.properties (an H2 file per base directory) would win over them
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.nodes.put(name, new SpringApplicationBuilder(StrataNodeApplication.class).run(arguments));
	}

	String url(String node) {
		return "http://localhost:" + ((WebServerApplicationContext) context(node)).getWebServer().getPort();
	}

	/** Sets a datasource's load rules through the coordinator's API. */
	void setRules(String dataSource, String rulesJson) {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(url(COORDINATOR) + "/druid/coordinator/v1/rules/" + dataSource))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(rulesJson))
			.build());
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Setting the rules of dataSource[%s] failed: HTTP [%d] %s", dataSource,
					response.statusCode(), response.body());
		}
	}

	/** Pushes the segment files to deep storage and records them in the metadata store. */
	List<DataSegment> publish(List<Path> segmentFiles) {
		return context(COORDINATOR).getBean(SegmentPublisher.class).publish(segmentFiles);
	}

	/**
	 * Waits until the broker's view holds {@code segments} segments of the datasource within
	 * {@code interval}, each on at least one server: then every query over them is answerable.
	 */
	void awaitBrokerServes(String dataSource, String interval, int segments, Duration timeout) {
		String path = "/druid/v2/datasources/" + dataSource + "/candidates?intervals=" + interval;
		await("the broker to serve " + segments + " segments of " + dataSource, timeout, () -> {
			JsonNode candidates = get(BROKER, path);
			int served = 0;
			for (JsonNode candidate : candidates) {
				if (!candidate.path("locations").isEmpty()) {
					served++;
				}
			}
			return served == segments;
		});
	}

	/** How many segments each historical serves, in {@link #HISTORICALS} order. */
	Map<String, Integer> servedByHistorical() {
		Map<String, Integer> served = new LinkedHashMap<>();
		for (String historical : HISTORICALS) {
			served.put(historical, context(historical).getBean(SegmentManager.class).servedSegments().size());
		}
		return served;
	}

	/** The broker's result-cache counters, read from its Prometheus endpoint. */
	CacheCounters brokerCache() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(url(BROKER) + "/actuator/prometheus")).GET().build());
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("The broker's metrics answered HTTP [%d]", response.statusCode());
		}
		return new CacheCounters(metric(response.body(), "strata_broker_cache_hits"),
				metric(response.body(), "strata_broker_cache_misses"));
	}

	private static long metric(String prometheus, String name) {
		double sum = 0;
		for (String line : prometheus.lines().toList()) {
			if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return Math.round(sum);
	}

	private JsonNode get(String node, String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(node) + path)).GET().build());
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Node[%s] answered HTTP [%d] to path[%s]: %s", node,
					response.statusCode(), path, response.body());
		}
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Request[%s] failed", request.uri());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted during request[%s]", request.uri());
		}
	}

	private ConfigurableApplicationContext context(String node) {
		ConfigurableApplicationContext context = this.nodes.get(node);
		if (context == null) {
			throw StrataException.defensive("Node[%s] is not running", node);
		}
		return context;
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw StrataException.timeout("Timed out after [%s] waiting for %s", timeout, what);
			}
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw StrataException.interrupted("Interrupted waiting for %s", what);
			}
		}
	}

	/**
	 * Stops the broker, then the coordinator (so that it does not hand the segments of the first
	 * historical to stop to the other one), then the historicals, then ZooKeeper.
	 */
	@Override
	public void close() throws IOException {
		List<String> order = new ArrayList<>(List.of(BROKER, COORDINATOR));
		order.addAll(HISTORICALS);
		for (String name : order) {
			ConfigurableApplicationContext context = this.nodes.remove(name);
			if (context != null) {
				context.close();
			}
		}
		this.http.close();
		this.zk.close();
	}

}
