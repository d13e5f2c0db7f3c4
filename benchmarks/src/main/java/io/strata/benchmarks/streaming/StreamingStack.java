package io.strata.benchmarks.streaming;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.wire.ConfluentAvroSerializer;
import io.strata.engine.error.StrataException;
import io.strata.node.StrataNodeApplication;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the streaming benchmark runs against, in this JVM: a one-node KRaft Kafka broker with
 * the two topics, Strata's schema registry, an in-process ZooKeeper, and four Strata nodes, each a
 * Spring context of the real node application on its own port, sharing an H2 metadata file and a
 * local deep-storage directory under one work directory: {@code master} (coordinator, overlord),
 * {@code historical}, {@code worker} (middleManager, where the {@code index_kafka} tasks run) and
 * {@code broker}. The nodes talk over HTTP and ZooKeeper only, as separate processes would, and so
 * does the benchmark. Not thread-safe, except {@link #count} and {@link #rowsRead}, which any
 * thread may call.
 */
final class StreamingStack implements AutoCloseable {

	/** The topic of the freshness run. */
	static final String LIVE_TOPIC = "usage-live";

	/** The topic pre-filled for the ingestion-rate run. */
	static final String BACKLOG_TOPIC = "usage-backlog";

	static final String MASTER = "master";

	static final String BROKER = "broker";

	static final String WORKER = "worker";

	private static final Duration POLL = Duration.ofMillis(100);

	private final Path directory;

	private final EmbeddedKafkaKraftBroker kafka;

	private final SchemaRegistryServer registry;

	private final SchemaRegistryClient registryClient;

	private final TestingServer zk;

	private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> urls = new HashMap<>();

	private StreamingStack(Path directory, int partitions) throws Exception {
		this.directory = directory.toAbsolutePath();
		// the nodes' contexts set WARN when they start; Kafka and ZooKeeper start before them
		LoggingSystem.get(StreamingStack.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		this.kafka = new EmbeddedKafkaKraftBroker(1, partitions, LIVE_TOPIC, BACKLOG_TOPIC);
		// the idempotent producer's and read_committed consumer's internal topics: one replica here
		this.kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1"));
		this.kafka.afterPropertiesSet();
		this.registry = new SchemaRegistryServer(this.directory.resolve("registry")).start(0);
		this.registryClient = new SchemaRegistryClient(this.registry.url());
		Path zkData = this.directory.resolve("zk");
		Files.createDirectories(zkData);
		this.zk = new TestingServer(-1, zkData.toFile(), true);
	}

	/** Starts everything under {@code directory} (which must be empty or absent) and waits until tasks can run. */
	static StreamingStack start(Path directory, int partitions) throws Exception {
		StreamingStack stack = new StreamingStack(directory, partitions);
		try {
			stack.startNode(MASTER, "coordinator,overlord", Map.of());
			stack.startNode("historical", "historical", Map.of());
			stack.startNode(WORKER, "middleManager", Map.of("strata.worker.capacity", "2"));
			stack.startNode(BROKER, "broker", Map.of());
			await("the overlord to lead", Duration.ofSeconds(60),
					() -> stack.get(MASTER, "/druid/indexer/v1/isLeader").statusCode() == 200);
			await("the worker to announce itself", Duration.ofSeconds(60),
					() -> stack.get(MASTER, "/druid/indexer/v1/workers").body().contains("\"capacity\":2"));
			return stack;
		}
		catch (Exception ex) {
			try {
				stack.close();
			}
			catch (Exception cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	private void startNode(String name, String roles, Map<String, String> extra) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		// every context sets up logging again: the Kafka broker and clients in this JVM stay quiet too
		properties.put("logging.level.kafka", "ERROR");
		properties.put("logging.level.org.apache.kafka", "ERROR");
		properties.put("strata.node.roles", roles);
		properties.put("strata.node.base-dir", this.directory.resolve(name).toString());
		properties.put("strata.zk.connect", this.zk.getConnectString());
		// long enough that a GC pause under load never drops a node's announcements
		properties.put("strata.zk.session-timeout", "30s");
		// the supervisor starts its task within a second of the submit
		properties.put("strata.overlord.supervisor-period", "1s");
		properties.put("strata.coordinator.period", "500ms");
		properties.put("strata.server.processing-threads", "2");
		properties.put("spring.datasource.url", "jdbc:h2:file:" + this.directory.resolve("metadata/strata")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
		properties.put("strata.deep-storage.directory", this.directory.resolve("deep-storage").toString());
		properties.putAll(extra);
		// as command-line arguments: builder properties are only defaults, and the node's own
		// application.properties (an H2 file per base directory) would win over them
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataNodeApplication.class)
			.run(arguments);
		this.nodes.put(name, context);
		this.urls.put(name,
				"http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	String bootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	URI registryUrl() {
		return this.registry.url();
	}

	/**
	 * A producer configured as the gateway's (idempotent, {@code acks=all}, linger 5 ms, lz4, 128 KiB
	 * batches) writing UsageEvents in the Confluent wire format; the caller closes it.
	 */
	KafkaProducer<String, UsageEvent> producer() {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
		return new KafkaProducer<>(config, new StringSerializer(), new ConfluentAvroSerializer<>(this.registryClient));
	}

	/** Records on a topic: the sum of its partitions' end offsets. */
	long endOffsets(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo partition : consumer.partitionsFor(topic)) {
				partitions.add(new TopicPartition(topic, partition.partition()));
			}
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	void submitSupervisor(String spec) {
		HttpResponse<String> response = post(MASTER, "/druid/indexer/v1/supervisor", spec);
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Submitting a supervisor failed: HTTP [%d] %s", response.statusCode(),
					response.body());
		}
	}

	/** Druid's supervisor status report ({@code payload.activeTasks}, {@code payload.aggregateLag}, ...). */
	JsonNode supervisorStatus(String id) {
		HttpResponse<String> response = get(MASTER, "/druid/indexer/v1/supervisor/" + id + "/status");
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("The status of supervisor[%s] answered HTTP [%d] %s", id,
					response.statusCode(), response.body());
		}
		return this.json.readTree(response.body());
	}

	/** The id of the supervisor's reading task, once it has one. */
	Optional<String> activeTask(String id) {
		JsonNode tasks = supervisorStatus(id).path("payload").path("activeTasks");
		return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).path("id").asString());
	}

	/** Ends a supervisor: its task publishes what it read and hands off. */
	void terminateSupervisor(String id) {
		HttpResponse<String> response = post(MASTER, "/druid/indexer/v1/supervisor/" + id + "/terminate", "");
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("Terminating supervisor[%s] failed: HTTP [%d] %s", id,
					response.statusCode(), response.body());
		}
	}

	/** Waits until the overlord runs no task and has none pending. */
	void awaitNoTasks(Duration timeout) {
		await("every task to end", timeout, () -> get(MASTER, "/druid/indexer/v1/runningTasks").body().equals("[]")
				&& get(MASTER, "/druid/indexer/v1/pendingTasks").body().equals("[]"));
	}

	/**
	 * Events the running task has read (processed, unparseable and thrown away), from its chat
	 * handler on the worker, as its supervisor asks; empty before the task has started reading.
	 */
	Optional<Long> rowsRead(String task) {
		HttpResponse<String> response = get(WORKER, "/druid/worker/v1/chat/" + task + "/rowStats");
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("The row stats of task[%s] answered HTTP [%d] %s", task,
					response.statusCode(), response.body());
		}
		JsonNode totals = this.json.readTree(response.body()).path("totals").path("buildSegments");
		return Optional.of(totals.path("processed").asLong() + totals.path("unparseable").asLong()
				+ totals.path("thrownAway").asLong());
	}

	/**
	 * The {@code calls} of a datasource over all time through the broker's {@code /druid/v2}, of one
	 * account or (when {@code account} is null) of all: a timeseries as a dashboard would ask it.
	 */
	long count(String dataSource, String account) {
		String filter = account == null ? ""
				: ", \"filter\": {\"type\": \"selector\", \"dimension\": \"accountId\", \"value\": \"" + account + "\"}";
		HttpResponse<String> response = post(BROKER, "/druid/v2", """
				{"queryType": "timeseries", "dataSource": "%s", "granularity": "all",
				 "intervals": ["2000-01-01/2100-01-01"]%s,
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}"""
			.formatted(dataSource, filter));
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("The broker answered HTTP [%d] to a count of dataSource[%s]: %s",
					response.statusCode(), dataSource, response.body());
		}
		JsonNode rows = this.json.readTree(response.body());
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("calls").asLong();
	}

	/** Rows of a datasource after rollup, through the broker (Druid's query-time {@code count}). */
	long rows(String dataSource) {
		HttpResponse<String> response = post(BROKER, "/druid/v2", """
				{"queryType": "timeseries", "dataSource": "%s", "granularity": "all",
				 "intervals": ["2000-01-01/2100-01-01"], "aggregations": [{"type": "count", "name": "rows"}]}"""
			.formatted(dataSource));
		if (response.statusCode() != 200) {
			throw StrataException.unavailable("The broker answered HTTP [%d] to a row count of dataSource[%s]: %s",
					response.statusCode(), dataSource, response.body());
		}
		JsonNode rows = this.json.readTree(response.body());
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("rows").asLong();
	}

	private HttpResponse<String> get(String node, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.urls.get(node) + path)).GET().build());
	}

	private HttpResponse<String> post(String node, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.urls.get(node) + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
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

	static void await(String what, Duration timeout, BooleanSupplier condition) {
		if (!waitFor(timeout, condition)) {
			throw StrataException.timeout("Timed out after [%s] waiting for %s", timeout, what);
		}
	}

	/** Checks {@code condition} every 100 ms until it holds (true) or {@code timeout} has passed (false). */
	static boolean waitFor(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw StrataException.interrupted("Interrupted waiting for a condition");
			}
		}
		return true;
	}

	/** Stops the broker, the worker, the historical and the master, then ZooKeeper, the registry and Kafka. */
	@Override
	public void close() throws IOException {
		List<String> order = new ArrayList<>(List.of(BROKER, WORKER, "historical", MASTER));
		for (String name : order) {
			ConfigurableApplicationContext context = this.nodes.remove(name);
			if (context != null) {
				context.close();
			}
		}
		this.http.close();
		this.zk.close();
		this.registryClient.close();
		this.registry.close();
		this.kafka.destroy();
	}

}
