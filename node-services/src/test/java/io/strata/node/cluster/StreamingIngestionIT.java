package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.avro.wire.ConfluentAvroSerializer;
import io.strata.engine.time.Interval;
import io.strata.node.historical.SegmentManager;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time ingestion end to end: an in-process KRaft broker, Strata's schema registry, the
 * MariaDB metadata store, real ZooKeeper, a coordinator+overlord node, a historical, a broker and
 * router, and a middleManager running as its own operating-system process (so that it can be
 * killed as abruptly as a crash). Usage events are produced in the Confluent wire format with the
 * serializer the usage gateway uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingIngestionIT {

	private static final String TOPIC = "usage-live";

	private static final String TWIN_TOPIC = "usage-twin";

	private static final String SMALL_TOPIC = "usage-small";

	private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, TWIN_TOPIC,
			SMALL_TOPIC);

	private final JsonMapper json = JsonMapper.builder().build();

	private TestCluster cluster;

	private SchemaRegistryServer registry;

	private KafkaProducer<String, UsageEvent> producer;

	private KafkaProducer<String, byte[]> rawProducer;

	private Path directory;

	/** Events produced to {@link #TOPIC} and acknowledged, by the test's own count. */
	private final AtomicLong produced = new AtomicLong();

	@BeforeAll
	void start(@TempDir Path directory) throws Exception {
		this.directory = directory;
		KAFKA.afterPropertiesSet();
		this.registry = new SchemaRegistryServer(directory.resolve("registry")).start(0);
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
		this.producer = new KafkaProducer<>(config, new StringSerializer(),
				new ConfluentAvroSerializer<>(new SchemaRegistryClient(this.registry.url())));
		this.rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
		this.cluster = new TestCluster(directory, TestCluster.Metadata.MARIADB, TestCluster.DeepStorage.LOCAL);
		this.cluster.start("master", "coordinator,overlord", Map.of("strata.overlord.supervisor-period", "300ms"));
		this.cluster.start("historical", "historical", Map.of());
		this.cluster.start("query", "broker,router", Map.of("strata.broker.use-cache", "true",
				"strata.broker.populate-cache", "true"));
		startWorker();
		TestCluster.await("the overlord to lead", Duration.ofSeconds(60),
				() -> this.cluster.get("master", "/druid/indexer/v1/isLeader").statusCode() == 200);
	}

	private void startWorker() throws Exception {
		this.cluster.startProcess("worker", "middleManager", Map.of("strata.worker.capacity", "6",
				"strata.server.processing-threads", "2"));
		TestCluster.await("the worker to announce itself", Duration.ofSeconds(60),
				() -> this.cluster.get("master", "/druid/indexer/v1/workers").body().contains("\"capacity\":6"));
	}

	@AfterAll
	void stop() throws Exception {
		this.producer.close();
		this.rawProducer.close();
		this.cluster.close();
		this.registry.close();
		KAFKA.destroy();
	}

	@Test
	@Order(1)
	void producedEventsAreQueryableWithinASecondAndTheSameAfterHandoff() throws Exception {
		submitSupervisor("live", TOPIC, 2, 1, "PT20S");
		TestCluster.await("two reading tasks", Duration.ofSeconds(60), () -> status("live").path("payload")
			.path("activeTasks")
			.size() == 2 && allReading(status("live")));

		// the first event of a day allocates its segment (a lock and a metadata row) and warms the
		// consumer and the registry lookup: measured apart, in docs/benchmarks.md
		send(TOPIC, Instant.now(), "first");
		TestCluster.await("the first event to be queryable", Duration.ofSeconds(10), () -> count("live") == 1);
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long before = count("live");
			long sent = System.nanoTime();
			send(TOPIC, Instant.now(), "acct-" + i);
			TestCluster.await("event " + i + " to be queryable", Duration.ofSeconds(10), () -> count("live") == before + 1);
			latencies.add((System.nanoTime() - sent) / 1_000_000);
		}
		assertThat(latencies).as("ms from the producer's acknowledgement to a broker answer counting the event")
			.allSatisfy(ms -> assertThat(ms).isLessThan(1000));

		for (int i = 0; i < 500; i++) {
			send(TOPIC, Instant.now(), "acct-" + (i % 7));
		}
		this.producer.flush();
		TestCluster.await("all events live", Duration.ofSeconds(30), () -> count("live") == this.produced.get());
		String liveAnswer = perAccount("live");

		// the first task group ends after its taskDuration, publishes and hands off to the historical
		TestCluster.await("the first segments published and loaded", Duration.ofSeconds(90),
				() -> !servedByHistorical("live").isEmpty());
		List<DataSegment> published = usedSegments("live");
		assertThat(published).isNotEmpty();
		assertThat(this.cluster.bean("master", DataSourceMetadataStore.class).read("live")).isPresent();
		TestCluster.await("the answer to hold after handoff", Duration.ofSeconds(30),
				() -> count("live") == this.produced.get());
		assertThat(perAccount("live")).isEqualTo(liveAnswer);
	}

	@Test
	@Order(2)
	void lateAndUnparseableMessagesAreCountedKeptAsideAndReported() throws Exception {
		long before = count("live");
		this.rawProducer.send(new ProducerRecord<>(TOPIC, 0, "bad", "not avro at all".getBytes())).get();
		// the Confluent magic byte, then a schema id the registry never issued
		this.rawProducer.send(new ProducerRecord<>(TOPIC, 0, "bad", new byte[] { 0, 0, 0, 39, 15, 1, 2, 3 })).get();
		send(TOPIC, Instant.now().minus(3, ChronoUnit.HOURS), "late-account");
		send(TOPIC, Instant.now(), "on-time");
		this.producer.flush();
		TestCluster.await("the on-time event", Duration.ofSeconds(30), () -> count("live") == before + 1);
		this.produced.addAndGet(-1);

		TestCluster.await("a report naming the rejections", Duration.ofSeconds(30), () -> {
			for (JsonNode task : status("live").path("payload").path("activeTasks")) {
				HttpResponse<String> reports = this.cluster.get("master",
						"/druid/indexer/v1/task/" + task.path("id").asString() + "/reports");
				if (reports.statusCode() != 200) {
					continue;
				}
				JsonNode payload = this.json.readTree(reports.body()).path("ingestionStatsAndErrors").path("payload");
				JsonNode stats = payload.path("rowStats").path("buildSegments");
				if (stats.path("unparseable").asLong() >= 2 && stats.path("thrownAway").asLong() >= 1) {
					String events = payload.path("unparseableEvents").path("buildSegments").toString();
					assertThat(events).contains("partition 0").contains("offset").contains("unparseable Avro message");
					return true;
				}
			}
			return false;
		});
		assertThat(perAccount("live")).doesNotContain("late-account");
	}

	@Test
	@Order(3)
	void killingTheWorkerLosesAndDuplicatesNothing() throws Exception {
		try (Traffic _ = new Traffic(TOPIC)) {
			Thread.sleep(3000);
			this.cluster.kill("worker");
			Thread.sleep(1000);
			startWorker();
			Thread.sleep(3000);
		}
		TestCluster.await("every event exactly once after the worker crash", Duration.ofSeconds(120),
				() -> count("live") == this.produced.get());
		Thread.sleep(2000);
		assertThat(count("live")).isEqualTo(this.produced.get());
	}

	@Test
	@Order(4)
	void restartingTheOverlordLosesAndDuplicatesNothing() throws Exception {
		try (Traffic _ = new Traffic(TOPIC)) {
			Thread.sleep(2000);
			this.cluster.stop("master");
			Thread.sleep(1000);
			this.cluster.start("master", "coordinator,overlord", Map.of("strata.overlord.supervisor-period", "300ms"));
			Thread.sleep(3000);
		}
		TestCluster.await("every event exactly once after the overlord restart", Duration.ofSeconds(120),
				() -> count("live") == this.produced.get());
		// a later task group publishes and hands off what the adopted tasks read
		TestCluster.await("segments published after the restart", Duration.ofSeconds(90),
				() -> this.cluster.bean("master", DataSourceMetadataStore.class)
					.read("live")
					.map(offsets -> offsets.partitionOffsets().values().stream().mapToLong(Long::longValue).sum())
					.orElse(0L) >= this.produced.get());
		assertThat(count("live")).isEqualTo(this.produced.get());
	}

	@Test
	@Order(5)
	void twoReplicasAnswerAsOne() throws Exception {
		submitSupervisor("single", TWIN_TOPIC, 1, 1, "PT15S");
		submitSupervisor("replicated", TWIN_TOPIC, 1, 2, "PT15S");
		TestCluster.await("three reading tasks", Duration.ofSeconds(60),
				() -> status("replicated").path("payload").path("activeTasks").size() == 2
						&& status("single").path("payload").path("activeTasks").size() == 1);
		for (int i = 0; i < 300; i++) {
			sendTo(TWIN_TOPIC, Instant.now(), "acct-" + (i % 5));
		}
		for (int i = 0; i < 10; i++) {
			// the transformSpec's filter throws these away
			this.producer.send(new ProducerRecord<>(TWIN_TOPIC, "probe", event(Instant.now(), "probe", "internal.health"))).get();
		}
		this.producer.flush();
		TestCluster.await("both datasources live", Duration.ofSeconds(30),
				() -> count("single") == 300 && count("replicated") == 300);
		assertThat(perAccount("replicated")).isEqualTo(perAccount("single")).doesNotContain("probe");
		assertThat(this.cluster.post("query", "/druid/v2", """
				{"queryType": "topN", "dataSource": "replicated", "granularity": "all", "intervals": ["2000-01-01/2100-01-01"],
				 "dimension": "apiUpper", "metric": "calls", "threshold": 5,
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""").body())
			.as("the transformSpec's expression").contains("\"apiUpper\":\"INSIGHTS\",\"calls\":300");
		TestCluster.await("the replicated group published once and handed off", Duration.ofSeconds(90),
				() -> !servedByHistorical("replicated").isEmpty());
		assertThat(usedSegments("replicated")).extracting(segment -> segment.interval())
			.doesNotHaveDuplicates();
		assertThat(count("replicated")).isEqualTo(300);
		assertThat(perAccount("replicated")).isEqualTo(perAccount("single"));
	}

	@Test
	@Order(6)
	void aBatchReindexOfTheRawArchiveReplacesADaysRealtimeSegments() throws Exception {
		Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
		List<UsageEvent> events = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			events.add(event(yesterday.plusSeconds(i * 7L), "old-" + (i % 4)));
		}
		for (UsageEvent event : events) {
			this.producer.send(new ProducerRecord<>(TWIN_TOPIC, event.getAccountId().toString(), event)).get();
		}
		Interval dayInterval = Interval.of(yesterday.truncatedTo(ChronoUnit.DAYS).toEpochMilli(),
				yesterday.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toEpochMilli());
		String day = dayInterval.toString();
		TestCluster.await("yesterday's realtime segment handed off", Duration.ofSeconds(90),
				() -> servedByHistorical("single").stream().anyMatch(segment -> segment.interval().equals(dayInterval)));
		String expected = perAccount("single", day);
		assertThat(expected).contains("old-0");
		String realtimeVersion = usedSegments("single").stream()
			.filter(segment -> segment.interval().equals(dayInterval))
			.findFirst()
			.orElseThrow()
			.version();

		// the raw archive as the gateway's archiver writes it: Parquet files of UsageEvent per hour
		Path archive = this.directory.resolve("archive/usage/dt=" + day.substring(0, 10) + "/hour=05");
		Files.createDirectories(archive);
		try (ParquetWriter<UsageEvent> writer = AvroParquetWriter
			.<UsageEvent>builder(new LocalOutputFile(archive.resolve("usage-twin-0-0-199.parquet")))
			.withConf(new PlainParquetConfiguration())
			.withSchema(UsageEvent.getClassSchema())
			.withDataModel(SpecificData.getForClass(UsageEvent.class))
			.build()) {
			for (UsageEvent event : events) {
				writer.write(event);
			}
		}
		AtomicBoolean reading = new AtomicBoolean(true);
		AtomicReference<String> wrong = new AtomicReference<>();
		Thread reader = Thread.ofPlatform().start(() -> {
			while (reading.get()) {
				String answer = perAccount("single", day);
				if (!answer.equals(expected)) {
					wrong.compareAndSet(null, answer);
				}
			}
		});
		String task = this.json.readTree(this.cluster.post("master", "/druid/indexer/v1/task", reindexTask(day,
				this.directory.resolve("archive/usage").toString())).body()).path("task").asString();
		TestCluster.await("the re-index to succeed", Duration.ofSeconds(90), () -> this.cluster
			.get("master", "/druid/indexer/v1/task/" + task + "/status")
			.body()
			.contains("\"SUCCESS\""));
		TestCluster.await("the new version to be served", Duration.ofSeconds(60),
				() -> servedByHistorical("single").stream()
					.anyMatch(segment -> segment.interval().equals(dayInterval)
							&& segment.version().compareTo(realtimeVersion) > 0));
		TestCluster.await("the realtime version to be overshadowed", Duration.ofSeconds(60),
				() -> usedSegments("single").stream()
					.noneMatch(segment -> segment.interval().equals(dayInterval)
							&& segment.version().equals(realtimeVersion)));
		Thread.sleep(500);
		reading.set(false);
		reader.join();
		assertThat(wrong.get()).as("an answer during the re-index").isNull();
		assertThat(perAccount("single", day)).isEqualTo(expected);
	}

	@Test
	@Order(7)
	void aSegmentReachingMaxRowsPerSegmentEndsTheTaskGroupBeforeItsDuration() throws Exception {
		submitSupervisor("small", SMALL_TOPIC, 1, 1, "PT1H",
				spec -> spec.replace("\"maxRowsInMemory\": 1000", "\"maxRowsInMemory\": 1000, \"maxRowsPerSegment\": 40"));
		TestCluster.await("a reading task", Duration.ofSeconds(60),
				() -> status("small").path("payload").path("activeTasks").size() == 1 && allReading(status("small")));
		for (int i = 0; i < 50; i++) {
			// distinct accounts: no rollup, one row each
			sendTo(SMALL_TOPIC, Instant.now(), "row-" + i);
		}
		TestCluster.await("the first group to end and publish long before its hour", Duration.ofSeconds(60),
				() -> usedSegments("small").size() == 1);
		for (int i = 50; i < 100; i++) {
			sendTo(SMALL_TOPIC, Instant.now(), "row-" + i);
		}
		TestCluster.await("the next group to end at the limit too", Duration.ofSeconds(60),
				() -> usedSegments("small").size() == 2);
		assertThat(usedSegments("small")).extracting(segment -> segment.id().partitionNum())
			.as("two segments of the same day").containsExactlyInAnyOrder(0, 1);
		TestCluster.await("every row counted once", Duration.ofSeconds(30), () -> count("small") == 100);
	}

	// ---------------------------------------------------------------------------------------------

	/** Sends usage events continuously from its own thread until closed; counts what Kafka acknowledged. */
	private final class Traffic implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		Traffic(String topic) {
			this.thread = Thread.ofPlatform().start(() -> {
				int i = 0;
				while (this.running.get()) {
					try {
						send(topic, Instant.now(), "traffic-" + (i++ % 11));
						Thread.sleep(4);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
		}

		@Override
		public void close() {
			this.running.set(false);
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private void send(String topic, Instant time, String account) throws Exception {
		sendTo(topic, time, account);
		if (topic.equals(TOPIC)) {
			this.produced.incrementAndGet();
		}
	}

	private void sendTo(String topic, Instant time, String account) throws Exception {
		this.producer.send(new ProducerRecord<>(topic, account, event(time, account))).get();
	}

	private static UsageEvent event(Instant time, String account) {
		return event(time, account, "insights");
	}

	private static UsageEvent event(Instant time, String account, String api) {
		return UsageEvent.newBuilder()
			.setEventId(java.util.UUID.randomUUID().toString())
			.setTimestamp(time)
			.setAccountId(account)
			.setApiName(api)
			.setStatusCode(200)
			.setSource(UsageSource.API)
			.setLatencyMs(12)
			.setBytes(100)
			.build();
	}

	private void submitSupervisor(String dataSource, String topic, int taskCount, int replicas, String duration) {
		submitSupervisor(dataSource, topic, taskCount, replicas, duration, spec -> spec);
	}

	private void submitSupervisor(String dataSource, String topic, int taskCount, int replicas, String duration,
			java.util.function.UnaryOperator<String> edit) {
		String spec = """
				{"type": "kafka",
				 "spec": {
				   "dataSchema": {"dataSource": "%s",
				     "timestampSpec": {"column": "timestamp", "format": "millis"},
				     "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "apiUpper"]},
				     "metricsSpec": [{"type": "count", "name": "calls"}, {"type": "longSum", "name": "bytes", "fieldName": "bytes"}],
				     "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute"},
				     "transformSpec": {"transforms": [{"type": "expression", "name": "apiUpper", "expression": "upper(apiName)"}],
				       "filter": {"type": "not", "field": {"type": "selector", "dimension": "apiName", "value": "internal.health"}}}},
				   "ioConfig": {"topic": "%s", "consumerProperties": {"bootstrap.servers": "%s"},
				     "taskCount": %d, "replicas": %d, "taskDuration": "%s", "useEarliestOffset": true,
				     "completionTimeout": "PT2M", "lateMessageRejectionPeriod": "P2D",
				     "inputFormat": {"type": "avro_stream", "avroBytesDecoder": {"type": "schema_registry", "url": "%s"}}},
				   "tuningConfig": {"type": "kafka", "maxRowsInMemory": 1000, "intermediatePersistPeriod": "PT2S",
				     "maxParseExceptions": 100, "maxSavedParseExceptions": 10}}}"""
			.formatted(dataSource, topic, KAFKA.getBrokersAsString(), taskCount, replicas, duration,
					this.registry.url());
		if (dataSource.equals("live")) {
			// three hours late is too late for this one
			spec = spec.replace("\"P2D\"", "\"PT1H\"");
		}
		HttpResponse<String> response = this.cluster.post("query", "/druid/indexer/v1/supervisor", edit.apply(spec));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private String reindexTask(String day, String archive) {
		return """
				{"type": "index_parallel", "spec": {
				  "dataSchema": {"dataSource": "single",
				    "timestampSpec": {"column": "timestamp", "format": "auto"},
				    "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode"]},
				    "metricsSpec": [{"type": "count", "name": "calls"}, {"type": "longSum", "name": "bytes", "fieldName": "bytes"}],
				    "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute", "intervals": ["%s"]}},
				  "ioConfig": {"type": "index_parallel",
				    "inputSource": {"type": "local", "baseDir": "%s", "filter": "*.parquet"},
				    "inputFormat": {"type": "parquet"}},
				  "tuningConfig": {"type": "index_parallel", "partitionsSpec": {"type": "dynamic"}}}}"""
			.formatted(day, archive);
	}

	private JsonNode status(String supervisor) {
		return this.json.readTree(this.cluster.get("master", "/druid/indexer/v1/supervisor/" + supervisor + "/status").body());
	}

	private static boolean allReading(JsonNode status) {
		for (JsonNode task : status.path("payload").path("activeTasks")) {
			if (task.path("currentOffsets").isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** Sum of {@code calls} over all time through the broker; -1 while the broker cannot answer (a node is down). */
	private long count(String dataSource) {
		HttpResponse<String> response = this.cluster.post("query", "/druid/v2", """
				{"queryType": "timeseries", "dataSource": "%s", "granularity": "all",
				 "intervals": ["2000-01-01/2100-01-01"],
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""".formatted(dataSource));
		if (response.statusCode() != 200) {
			return -1;
		}
		JsonNode rows = this.json.readTree(response.body());
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("calls").asLong();
	}

	private String perAccount(String dataSource) {
		return perAccount(dataSource, "2000-01-01/2100-01-01");
	}

	private String perAccount(String dataSource, String interval) {
		HttpResponse<String> response = this.cluster.post("query", "/druid/v2", """
				{"queryType": "groupBy", "dataSource": "%s", "granularity": "all", "intervals": ["%s"],
				 "dimensions": ["accountId"],
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
				                  {"type": "longSum", "name": "bytes", "fieldName": "bytes"}]}"""
			.formatted(dataSource, interval));
		return response.statusCode() + " " + response.body();
	}

	private List<DataSegment> usedSegments(String dataSource) {
		return this.cluster.bean("master", SegmentsMetadata.class)
			.usedSegments()
			.stream()
			.filter(segment -> segment.dataSource().equals(dataSource))
			.toList();
	}

	private List<DataSegment> servedByHistorical(String dataSource) {
		return this.cluster.bean("historical", SegmentManager.class)
			.servedSegments()
			.stream()
			.filter(segment -> segment.dataSource().equals(dataSource))
			.toList();
	}

}
