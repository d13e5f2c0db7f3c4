package io.strata.node.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskType;
import io.strata.node.task.TaskTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-compaction and the kill task (issue 5) on a coordinator, an overlord and one indexer, with
 * real ZooKeeper, H2 and local deep storage. The coordinator's own compaction period is long: runs
 * are triggered with {@code POST /compaction/compact}. Where this build has no real {@code compact}
 * task type, the overlord and the indexer get one that just succeeds, to see the submission through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompactionIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String COORDINATOR = "/druid/coordinator/v1";

	private static final String OVERLORD = "/druid/indexer/v1";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private TestCluster cluster;

	private Path directory;

	@BeforeAll
	void startCluster(@TempDir Path directory) throws Exception {
		this.directory = directory;
		this.cluster = new TestCluster(directory, TestCluster.Metadata.H2, TestCluster.DeepStorage.LOCAL);
		this.cluster.start("coordinator", "coordinator", Map.of("strata.coordinator.compaction-period", "1h"));
		this.cluster.start("overlord", "overlord", Map.of("strata.overlord.period", "100ms"),
				CompactionIT::fakeCompactIfAbsent);
		this.cluster.start("indexer", "indexer", Map.of("strata.worker.capacity", "2"), CompactionIT::fakeCompactIfAbsent);
		TestCluster.await("the leaders and the worker", WAIT,
				() -> this.cluster.get("coordinator", COORDINATOR + "/isLeader").statusCode() == 200
						&& this.cluster.get("overlord", OVERLORD + "/isLeader").statusCode() == 200
						&& get("overlord", OVERLORD + "/workers").size() == 1);
	}

	@AfterAll
	void stopCluster() throws Exception {
		this.http.close();
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void theCoordinatorSubmitsACompactTaskForTheIntervalThatNeedsItOnly() {
		SegmentsMetadata segments = this.cluster.bean("overlord", SegmentsMetadata.class);
		// Oct 1: two partitions (to merge); Oct 2: one segment (nothing to do); Oct 3: two, but the newest day
		segments.insert(List.of(segment("usage", "2026-10-01/2026-10-02", "v1", 0, 2, new LoadSpec.Local("/none/1")),
				segment("usage", "2026-10-01/2026-10-02", "v1", 1, 2, new LoadSpec.Local("/none/2")),
				segment("usage", "2026-10-02/2026-10-03", "v1", 0, 1, new LoadSpec.Local("/none/3")),
				segment("usage", "2026-10-03/2026-10-04", "v1", 0, 2, new LoadSpec.Local("/none/4")),
				segment("usage", "2026-10-03/2026-10-04", "v1", 1, 2, new LoadSpec.Local("/none/5"))));
		HttpResponse<String> posted = this.cluster.post("coordinator", COORDINATOR + "/config/compaction", """
				{"dataSource": "usage", "taskPriority": 30, "skipOffsetFromLatest": "P1D",
				 "tuningConfig": {"partitionsSpec": {"type": "dynamic", "maxRowsPerSegment": 1000}},
				 "taskContext": {"note": "kept"}}""");
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

		assertThat(this.cluster.post("coordinator", COORDINATOR + "/compaction/compact", "").statusCode()).isEqualTo(200);

		TestCluster.await("a compact task on the overlord", WAIT, () -> !compactTasks().isEmpty());
		for (JsonNode task : compactTasks()) {
			String id = task.path("id").asString();
			assertThat(id).startsWith("coordinator-issued_compact_usage_");
			JsonNode payload = get("overlord", OVERLORD + "/task/" + id).path("payload");
			assertThat(payload.path("type").asString()).isEqualTo("compact");
			assertThat(payload.path("ioConfig").path("inputSpec").path("interval").asString())
				.isEqualTo("2026-10-01T00:00:00.000Z/2026-10-02T00:00:00.000Z");
			assertThat(payload.path("tuningConfig").path("partitionsSpec").path("maxRowsPerSegment").asInt()).isEqualTo(1000);
			assertThat(payload.path("context").path("priority").asInt()).isEqualTo(30);
			assertThat(payload.path("context").path("note").asString()).isEqualTo("kept");
		}
		JsonNode status = get("coordinator", COORDINATOR + "/compaction/status?dataSource=usage").path("latestStatus").get(0);
		assertThat(status.path("dataSource").asString()).isEqualTo("usage");
		assertThat(status.path("scheduleStatus").asString()).isEqualTo("RUNNING");
		assertThat(status.path("intervalCountCompacted").asInt()).isEqualTo(1);
		assertThat(status.path("segmentCountCompacted").asInt()).isEqualTo(1);
		assertThat(status.path("intervalCountAwaitingCompaction").asInt() + status.path("intervalCountSkipped").asInt())
			.isEqualTo(2);
		assertThat(get("coordinator", COORDINATOR + "/compaction/progress?dataSource=usage").has("remainingSegmentSize"))
			.isTrue();
	}

	@Test
	void theCompactionConfigApiRoundTripsAndRefusesBadConfigs() {
		String body = "{\"dataSource\": \"koalas\", \"inputSegmentSizeBytes\": 5000, "
				+ "\"tuningConfig\": {\"partitionsSpec\": {\"type\": \"hashed\", \"numShards\": 2, \"partitionDimensions\": [\"page\"]}}}";
		assertThat(postAs("/config/compaction", body, "ops", "first").statusCode()).isEqualTo(200);
		JsonNode own = get("coordinator", COORDINATOR + "/config/compaction/koalas");
		assertThat(own.path("dataSource").asString()).isEqualTo("koalas");
		assertThat(own.path("taskPriority").asInt()).isEqualTo(25);
		assertThat(own.path("inputSegmentSizeBytes").asLong()).isEqualTo(5000);
		assertThat(own.path("skipOffsetFromLatest").asString()).isEqualTo("P1D");
		assertThat(own.path("tuningConfig").path("partitionsSpec").path("numShards").asInt()).isEqualTo(2);

		assertThat(postAs("/config/compaction/taskslots?ratio=0.5&max=4", "", "ops", "slots").statusCode()).isEqualTo(200);
		JsonNode cluster = get("coordinator", COORDINATOR + "/config/compaction");
		assertThat(cluster.path("compactionTaskSlotRatio").asDouble()).isEqualTo(0.5);
		assertThat(cluster.path("maxCompactionTaskSlots").asInt()).isEqualTo(4);
		List<String> names = new ArrayList<>();
		cluster.path("compactionConfigs").forEach(config -> names.add(config.path("dataSource").asString()));
		assertThat(names).contains("koalas");

		HttpResponse<String> bad = this.cluster.post("coordinator", COORDINATOR + "/config/compaction",
				"{\"dataSource\": \"koalas\", \"tuningConfig\": {\"partitionsSpec\": {\"type\": \"range\"}}}");
		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode error = this.json.readTree(bad.body());
		assertThat(error.path("error").asString()).isEqualTo("druidException");
		assertThat(error.path("errorMessage").asString()).contains("tuningConfig.partitionsSpec.type");
		assertThat(this.cluster.post("coordinator", COORDINATOR + "/config/compaction", "{\"taskPriority\": 1}").body())
			.contains("dataSource");
		assertThat(this.cluster.post("coordinator", COORDINATOR + "/config/compaction/taskslots?ratio=2", "")
			.statusCode()).isEqualTo(400);
		assertThat(this.cluster.get("coordinator", COORDINATOR + "/config/compaction/nothing").statusCode()).isEqualTo(404);
		assertThat(this.cluster.get("coordinator", COORDINATOR + "/compaction/status?dataSource=nothing").statusCode())
			.isEqualTo(404);
		assertThat(this.cluster.get("coordinator", COORDINATOR + "/compaction/progress").statusCode()).isEqualTo(400);
		assertThat(get("coordinator", COORDINATOR + "/compaction/status?dataSource=koalas").path("latestStatus").get(0)
			.path("dataSource").asString()).isEqualTo("koalas");

		assertThat(delete(COORDINATOR + "/config/compaction/koalas").statusCode()).isEqualTo(200);
		assertThat(delete(COORDINATOR + "/config/compaction/koalas").statusCode()).isEqualTo(404);
		assertThat(this.cluster.get("coordinator", COORDINATOR + "/config/compaction/koalas").statusCode()).isEqualTo(404);

		JsonNode history = get("coordinator", COORDINATOR + "/config/compaction/koalas/history");
		assertThat(history).hasSize(3);
		assertThat(history.get(0).path("compactionConfig").path("inputSegmentSizeBytes").asLong()).isEqualTo(5000);
		assertThat(history.get(0).path("auditInfo").path("author").asString()).isEqualTo("ops");
		assertThat(history.get(0).path("auditInfo").path("comment").asString()).isEqualTo("first");
		assertThat(history.get(1).path("globalConfig").path("maxCompactionTaskSlots").asInt()).isEqualTo(4);
		assertThat(history.get(2).path("compactionConfig").isNull()).isTrue();
		assertThat(history.get(2).path("auditTime").asString()).endsWith("Z");
		assertThat(get("coordinator", COORDINATOR + "/config/compaction/koalas/history?count=1")).hasSize(1);
	}

	@Test
	void aKillTaskDeletesUnusedSegmentsFromDeepStorageAndMetadataAndLeavesUsedOnes() throws IOException {
		SegmentsMetadata metadata = this.cluster.bean("overlord", SegmentsMetadata.class);
		DeepStorage deepStorage = this.cluster.bean("overlord", DeepStorage.class);
		List<DataSegment> unused = List.of(pushed(deepStorage, "2026-10-01/2026-10-02", "v1", 0, 2),
				pushed(deepStorage, "2026-10-01/2026-10-02", "v1", 1, 2),
				pushed(deepStorage, "2026-10-02/2026-10-03", "v1", 0, 1));
		DataSegment usedInside = pushed(deepStorage, "2026-10-02/2026-10-03", "v2", 0, 1);
		DataSegment usedOutside = pushed(deepStorage, "2026-10-03/2026-10-04", "v1", 0, 1);
		DataSegment unusedOutside = pushed(deepStorage, "2026-10-05/2026-10-06", "v1", 0, 1);
		List<DataSegment> all = new ArrayList<>(unused);
		all.addAll(List.of(usedInside, usedOutside, unusedOutside));
		metadata.insert(all);
		List<SegmentId> unusedIds = new ArrayList<>(unused.stream().map(DataSegment::id).toList());
		unusedIds.add(unusedOutside.id());
		assertThat(metadata.markUnused(unusedIds)).isEqualTo(4);

		// another version only: nothing goes
		String versioned = submit("{\"type\": \"kill\", \"dataSource\": \"killme\", \"interval\": \"2026-10-05/2026-10-06\", "
				+ "\"versions\": [\"v0\"]}");
		assertThat(awaitComplete(versioned).path("statusCode").asString()).isEqualTo("SUCCESS");
		assertThat(metadata.existing(List.of(unusedOutside.id()))).hasSize(1);

		String kill = submit("{\"type\": \"kill\", \"dataSource\": \"killme\", \"interval\": \"2026-10-01/2026-10-03\", "
				+ "\"batchSize\": 2}");
		JsonNode status = awaitComplete(kill);
		assertThat(status.path("statusCode").asString()).as(status.toString()).isEqualTo("SUCCESS");

		for (DataSegment segment : unused) {
			assertThat(Path.of(((LoadSpec.Local) segment.loadSpec()).path())).as(segment.id().toString()).doesNotExist();
		}
		assertThat(metadata.existing(unused.stream().map(DataSegment::id).toList())).isEmpty();
		for (DataSegment kept : List.of(usedInside, usedOutside, unusedOutside)) {
			assertThat(Path.of(((LoadSpec.Local) kept.loadSpec()).path())).as(kept.id().toString()).exists();
		}
		assertThat(metadata.existing(List.of(usedInside.id(), usedOutside.id(), unusedOutside.id()))).hasSize(3);
		assertThat(metadata.usedSegments()).contains(usedInside, usedOutside);

		JsonNode report = get("overlord", OVERLORD + "/task/" + kill + "/reports").path("killUnusedSegments");
		assertThat(report.path("type").asString()).isEqualTo("killUnusedSegments");
		assertThat(report.path("taskId").asString()).isEqualTo(kill);
		assertThat(report.path("payload").toString())
			.isEqualTo("{\"numSegmentsKilled\":3,\"numBatchesProcessed\":2,\"numSegmentsMarkedAsUnused\":0}");
		assertThat(this.cluster.post("overlord", OVERLORD + "/task", "{\"type\": \"kill\", \"dataSource\": \"killme\"}")
			.body()).contains("interval");
	}

	/** A segment object really in deep storage, and its descriptor. */
	private DataSegment pushed(DeepStorage deepStorage, String interval, String version, int partition, int partitions)
			throws IOException {
		SegmentId id = new SegmentId("killme", Interval.parse(interval), version, partition);
		Path file = Files.writeString(Files.createTempFile(this.directory, "segment", ".strata"), id.toString());
		DataSegment segment = segment("killme", interval, version, partition, partitions, deepStorage.push(id, file));
		assertThat(Path.of(((LoadSpec.Local) segment.loadSpec()).path())).exists();
		return segment;
	}

	private static DataSegment segment(String dataSource, String interval, String version, int partition, int partitions,
			LoadSpec loadSpec) {
		SegmentId id = new SegmentId(dataSource, Interval.parse(interval), version, partition);
		return new DataSegment(id, loadSpec, List.of("d"), List.of("m"), new ShardSpec.Numbered(partition, partitions),
				DataSegment.BINARY_VERSION, 100);
	}

	private List<JsonNode> compactTasks() {
		List<JsonNode> tasks = new ArrayList<>();
		get("overlord", OVERLORD + "/tasks?type=compact").forEach(tasks::add);
		return tasks;
	}

	private String submit(String task) {
		HttpResponse<String> response = this.cluster.post("overlord", OVERLORD + "/task", task);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("task").asString();
	}

	private JsonNode awaitComplete(String id) {
		TestCluster.await("task " + id + " to complete", WAIT, () -> !get("overlord", OVERLORD + "/task/" + id + "/status")
			.path("status").path("statusCode").asString().equals("RUNNING"));
		return get("overlord", OVERLORD + "/task/" + id + "/status").path("status");
	}

	private HttpResponse<String> postAs(String path, String body, String author, String comment) {
		return send(HttpRequest.newBuilder(URI.create(this.cluster.url("coordinator") + COORDINATOR + path))
			.header("Content-Type", "application/json")
			.header("X-Druid-Author", author)
			.header("X-Druid-Comment", comment)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.cluster.url("coordinator") + path)).DELETE().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException("Request " + request.uri() + " failed", ex);
		}
	}

	private JsonNode get(String node, String path) {
		HttpResponse<String> response = this.cluster.get(node, path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/** Registers, as the primary registry, the node's task types plus a fake {@code compact} when there is none. */
	private static void fakeCompactIfAbsent(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("taskTypesWithCompact", TaskTypes.class, () -> {
			List<TaskType> types = new ArrayList<>(context.getBeanProvider(TaskType.class).orderedStream().toList());
			if (types.stream().noneMatch(type -> type.name().equals("compact"))) {
				types.add(new SucceedingCompactTaskType());
			}
			return new TaskTypes(types);
		}, definition -> definition.setPrimary(true));
	}

	/** A {@code compact} task that checks Druid's fields and succeeds after a moment, compacting nothing. */
	private static final class SucceedingCompactTaskType implements TaskType {

		@Override
		public String name() {
			return "compact";
		}

		@Override
		public int defaultPriority() {
			return 25;
		}

		@Override
		public TaskExecutor parse(SpecNode payload) {
			String dataSource = payload.requiredString("dataSource");
			Interval.parse(payload.requiredObject("ioConfig").requiredObject("inputSpec").requiredString("interval"));
			return new TaskExecutor() {
				@Override
				public String dataSource() {
					return dataSource;
				}

				@Override
				public TaskResult run(TaskContext context) throws InterruptedException {
					Thread.sleep(500);
					return TaskResult.success();
				}
			};
		}

	}

}
