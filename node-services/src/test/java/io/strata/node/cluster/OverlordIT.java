package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.segment.ShardSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlord and its workers (issue 5) on real ZooKeeper and an H2 metadata store: an overlord,
 * a router, and two workers of capacity 2, one an indexer in the default category and one a
 * middleManager in category {@code batch}. Tasks are Druid's {@code noop}; locks and segment
 * inserts (with stream offsets, exactly once) are driven through the task action endpoint as a
 * task would. The tests run in order;
 * the last one replaces the overlord.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlordIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String API = "/druid/indexer/v1";

	private final JsonMapper json = JsonMapper.builder().build();

	private TestCluster cluster;

	private String overlord = "overlord";

	@BeforeAll
	void startCluster(@TempDir Path directory) throws Exception {
		this.cluster = new TestCluster(directory, TestCluster.Metadata.H2, TestCluster.DeepStorage.LOCAL);
		this.cluster.start("overlord", "overlord", Map.of("strata.overlord.period", "100ms"));
		this.cluster.start("indexer", "indexer", Map.of("strata.worker.capacity", "2"));
		this.cluster.start("batch", "middleManager",
				Map.of("strata.worker.capacity", "2", "strata.worker.category", "batch"));
		this.cluster.start("router", "router", Map.of());
		TestCluster.await("the overlord to lead and see both workers", WAIT,
				() -> this.cluster.get(this.overlord, API + "/isLeader").statusCode() == 200
						&& get(API + "/workers").size() == 2);
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	@Order(1)
	void aNoopTaskRunsToSuccessWithDruidsStatusShape() {
		String id = submit("{\"type\": \"noop\", \"runTime\": 300, \"context\": {\"note\": \"kept\"}}");
		assertThat(id).startsWith("noop_none_");
		JsonNode status = awaitComplete(id);
		assertThat(fieldNames(status)).containsExactly("id", "groupId", "type", "createdTime", "queueInsertionTime",
				"statusCode", "status", "runnerStatusCode", "duration", "location", "dataSource", "errorMsg");
		assertThat(status.path("id").asString()).isEqualTo(id);
		assertThat(status.path("groupId").asString()).isEqualTo(id);
		assertThat(status.path("type").asString()).isEqualTo("noop");
		assertThat(status.path("createdTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(status.path("statusCode").asString()).isEqualTo("SUCCESS");
		assertThat(status.path("status").asString()).isEqualTo("SUCCESS");
		assertThat(status.path("runnerStatusCode").asString()).isEqualTo("NONE");
		assertThat(status.path("duration").asLong()).isGreaterThanOrEqualTo(300);
		assertThat(status.path("location").path("host").asString()).isEqualTo("localhost");
		assertThat(status.path("location").path("port").asInt())
			.isIn(this.cluster.port("indexer"), this.cluster.port("batch"));
		assertThat(status.path("location").path("tlsPort").asInt()).isEqualTo(-1);
		assertThat(status.path("dataSource").asString()).isEqualTo("none");
		assertThat(status.path("errorMsg").isNull()).isTrue();

		JsonNode payload = get(API + "/task/" + id);
		assertThat(payload.path("task").asString()).isEqualTo(id);
		assertThat(payload.path("payload").path("type").asString()).isEqualTo("noop");
		assertThat(payload.path("payload").path("id").asString()).isEqualTo(id);
		assertThat(payload.path("payload").path("runTime").asInt()).isEqualTo(300);
		assertThat(payload.path("payload").path("context").path("note").asString()).isEqualTo("kept");
		HttpResponse<String> log = this.cluster.get("router", API + "/task/" + id + "/log");
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(log.body()).contains("Running task[" + id + "]").contains("finished with status[SUCCESS]");
		assertThat(ids(get(API + "/completeTasks"))).contains(id);
		assertThat(ids(get(API + "/tasks?state=complete&max=1"))).containsExactly(id);
		assertThat(ids(get(API + "/tasks?state=complete&datasource=other"))).isEmpty();
	}

	@Test
	@Order(2)
	void malformedTasksAndUnknownIdsGetDruidErrors() {
		HttpResponse<String> badField = this.cluster.post("router", API + "/task", "{\"type\": \"noop\", \"runTime\": \"soon\"}");
		assertThat(badField.statusCode()).isEqualTo(400);
		JsonNode error = this.json.readTree(badField.body());
		assertThat(error.path("error").asString()).isEqualTo("druidException");
		assertThat(error.path("errorCode").asString()).isEqualTo("invalidInput");
		assertThat(error.path("errorMessage").asString()).contains("runTime");

		HttpResponse<String> badType = this.cluster.post(this.overlord, API + "/task", "{\"type\": \"index_hadoop\"}");
		assertThat(badType.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(badType.body()).path("errorMessage").asString()).contains("type")
			.contains("index_hadoop");
		assertThat(this.cluster.post(this.overlord, API + "/task", "{\"type\": ").statusCode()).isEqualTo(400);
		assertThat(this.cluster.post(this.overlord, API + "/task", "{\"runTime\": 5}").statusCode()).isEqualTo(400);
		assertThat(this.cluster.get(this.overlord, API + "/tasks?state=finished").statusCode()).isEqualTo(400);

		for (String path : List.of("/task/nope/status", "/task/nope", "/task/nope/log")) {
			HttpResponse<String> missing = this.cluster.get(this.overlord, API + path);
			assertThat(missing.statusCode()).as(path).isEqualTo(404);
			JsonNode notFound = this.json.readTree(missing.body());
			assertThat(notFound.path("errorCode").asString()).isEqualTo("notFound");
			assertThat(notFound.path("errorMessage").asString()).contains("nope");
		}
		assertThat(this.cluster.post(this.overlord, API + "/task/nope/shutdown", "").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(3)
	void theCategorySpecRoutesATaskTypeToTheBatchWorker() {
		String config = """
				{"selectStrategy": {"type": "equalDistributionWithCategorySpec",
				  "workerCategorySpec": {"strong": true, "categoryMap": {
				    "noop": {"defaultCategory": "batch", "categoryAffinity": {"ingest": "_default_worker_category"}}}}}}""";
		assertThat(this.cluster.post("router", API + "/worker", config).statusCode()).isEqualTo(200);
		assertThat(get(API + "/worker").toString()).isEqualTo("{\"type\":\"default\",\"selectStrategy\":{"
				+ "\"type\":\"equalDistributionWithCategorySpec\",\"workerCategorySpec\":{\"categoryMap\":{\"noop\":{"
				+ "\"defaultCategory\":\"batch\",\"categoryAffinity\":{\"ingest\":\"_default_worker_category\"}}},"
				+ "\"strong\":true}},\"autoScaler\":null}");
		List<String> toBatch = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			toBatch.add(submit("{\"type\": \"noop\", \"runTime\": 100, \"dataSource\": \"compaction\"}"));
		}
		String toIndexer = submit("{\"type\": \"noop\", \"runTime\": 100, \"dataSource\": \"ingest\"}");
		for (String id : toBatch) {
			assertThat(awaitComplete(id).path("location").path("port").asInt()).as(id).isEqualTo(this.cluster.port("batch"));
		}
		assertThat(awaitComplete(toIndexer).path("location").path("port").asInt()).isEqualTo(this.cluster.port("indexer"));

		HttpResponse<String> bad = this.cluster.post(this.overlord, API + "/worker",
				"{\"selectStrategy\": {\"type\": \"javascript\"}}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("selectStrategy.type");
		assertThat(this.cluster.post(this.overlord, API + "/worker", "{\"selectStrategy\": {\"type\": \"equalDistribution\"}}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void tenTasksNeverRunBeyondTheWorkersCapacity() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			ids.add(submit("{\"type\": \"noop\", \"runTime\": 1200, \"dataSource\": \"capacity\"}"));
		}
		AtomicInteger mostRunning = new AtomicInteger();
		AtomicInteger mostPending = new AtomicInteger();
		TestCluster.await("all ten tasks to complete", WAIT, () -> {
			JsonNode running = get(API + "/runningTasks");
			Map<Integer, Integer> perWorker = new LinkedHashMap<>();
			running.forEach(task -> perWorker.merge(task.path("location").path("port").asInt(), 1, Integer::sum));
			perWorker.values().forEach(count -> assertThat(count).as("tasks on one worker").isLessThanOrEqualTo(2));
			assertThat(running.size()).as("tasks running").isLessThanOrEqualTo(4);
			for (JsonNode worker : get(API + "/workers")) {
				assertThat(worker.path("currCapacityUsed").asInt()).isLessThanOrEqualTo(worker.path("worker").path("capacity").asInt());
			}
			mostRunning.accumulateAndGet(running.size(), Math::max);
			mostPending.accumulateAndGet(get(API + "/pendingTasks").size(), Math::max);
			return ids(get(API + "/tasks?state=complete&datasource=capacity")).containsAll(ids);
		});
		assertThat(mostRunning.get()).isEqualTo(4);
		assertThat(mostPending.get()).isGreaterThan(0);
		for (String id : ids) {
			assertThat(status(id).path("statusCode").asString()).isEqualTo("SUCCESS");
		}
	}

	@Test
	@Order(5)
	void exclusiveLocksOnOverlappingIntervalsAreNeverHeldTogether() {
		String first = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"locked\"}");
		String second = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"locked\"}");
		String urgent = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"locked\", \"context\": {\"priority\": 50}}");
		JsonNode firstLock = action(first, tryAcquire("2026-10-01/2026-10-03"));
		assertThat(firstLock.path("type").asString()).isEqualTo("EXCLUSIVE");
		assertThat(firstLock.path("granularity").asString()).isEqualTo("timeChunk");
		assertThat(firstLock.path("interval").asString()).isEqualTo("2026-10-01T00:00:00.000Z/2026-10-03T00:00:00.000Z");
		assertThat(action(second, tryAcquire("2026-10-02/2026-10-04")).isNull()).isTrue();

		assertThat(action(first, "{\"type\": \"lockRelease\", \"interval\": \"2026-10-01/2026-10-03\"}").isNull()).isTrue();
		JsonNode secondLock = action(second, tryAcquire("2026-10-02/2026-10-04"));
		assertThat(secondLock.path("version").asString()).isGreaterThan(firstLock.path("version").asString());
		assertThat(action(first, tryAcquire("2026-10-01/2026-10-03")).isNull()).isTrue();
		assertThat(action(second, "{\"type\": \"lockList\"}")).hasSize(1);

		// a segment under the lock is inserted; one outside it is refused
		DataSegmentJson segmentJson = new DataSegmentJson();
		DataSegment covered = segment("locked", "2026-10-02/2026-10-03", secondLock.path("version").asString());
		JsonNode published = action(second, insert(segmentJson.toJson(covered)));
		assertThat(published.path("success").asBoolean()).isTrue();
		assertThat(this.cluster.bean(this.overlord, SegmentsMetadata.class).existing(List.of(covered.id())))
			.containsExactly(covered.id().toString());
		HttpResponse<String> outside = postAction(second,
				insert(segmentJson.toJson(segment("locked", "2026-10-05/2026-10-06", secondLock.path("version").asString()))));
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("not covered by a lock");

		// higher priority revokes: the lower task can no longer publish
		JsonNode urgentLock = action(urgent, tryAcquire("2026-10-02/2026-10-03"));
		assertThat(urgentLock.path("priority").asInt()).isEqualTo(50);
		assertThat(urgentLock.path("version").asString()).isGreaterThan(secondLock.path("version").asString());
		HttpResponse<String> revoked = postAction(second, insert(segmentJson.toJson(segment("locked",
				"2026-10-03/2026-10-04", secondLock.path("version").asString()))));
		assertThat(revoked.statusCode()).isEqualTo(400);
		assertThat(revoked.body()).contains("revoked");

		for (String id : List.of(first, second, urgent)) {
			assertThat(this.cluster.post("router", API + "/task/" + id + "/shutdown", "").statusCode()).isEqualTo(200);
			JsonNode status = awaitComplete(id);
			assertThat(status.path("statusCode").asString()).isEqualTo("FAILED");
			assertThat(status.path("errorMsg").asString()).isEqualTo("Shutdown request from user");
		}
		TestCluster.await("the workers to stop the shut-down tasks", WAIT,
				() -> this.cluster.get("indexer", "/druid/worker/v1/tasks").body().equals("[]")
						&& this.cluster.get("batch", "/druid/worker/v1/tasks").body().equals("[]"));
	}

	@Test
	@Order(6)
	void aLockVersionIsNewerThanEveryUsedSegmentVersionOfItsInterval() {
		String future = "2099-01-01T00:00:00.000Z";
		this.cluster.bean(this.overlord, SegmentsMetadata.class)
			.insert(List.of(segment("reindexed", "2026-11-01/2026-11-02", future)));
		String task = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"reindexed\"}");
		JsonNode lock = action(task, tryAcquire("2026-11-01/2026-11-03"));
		assertThat(lock.path("version").asString()).isGreaterThan(future);
		JsonNode elsewhere = action(task, tryAcquire("2026-12-01/2026-12-02"));
		assertThat(elsewhere.path("version").asString()).isLessThan(future);
		assertThat(this.cluster.post(this.overlord, API + "/datasources/reindexed/shutdownAllTasks", "").statusCode())
			.isEqualTo(200);
		assertThat(awaitComplete(task).path("statusCode").asString()).isEqualTo("FAILED");
		assertThat(this.cluster.post(this.overlord, API + "/datasources/reindexed/shutdownAllTasks", "").statusCode())
			.isEqualTo(404);
	}

	@Test
	@Order(7)
	void aSecondPublishFromTheSameStartOffsetsIsRefusedAndInsertsNothing() {
		String first = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"stream\"}");
		String replica = submit("{\"type\": \"noop\", \"runTime\": 60000, \"dataSource\": \"stream\"}");
		String firstVersion = action(first, tryAcquire("2026-09-01/2026-09-02")).path("version").asString();
		String replicaVersion = action(replica, tryAcquire("2026-09-02/2026-09-03")).path("version").asString();
		DataSegmentJson segmentJson = new DataSegmentJson();
		DataSegment firstSegment = segment("stream", "2026-09-01/2026-09-02", firstVersion);
		DataSegment replicaSegment = segment("stream", "2026-09-02/2026-09-03", replicaVersion);
		String fromStart = offsets("start", "\"0\": 0, \"1\": 0");

		JsonNode published = action(first,
				insert(segmentJson.toJson(firstSegment), fromStart, offsets("end", "\"0\": 100, \"1\": 50")));
		assertThat(published.path("success").asBoolean()).isTrue();

		HttpResponse<String> twice = postAction(replica,
				insert(segmentJson.toJson(replicaSegment), fromStart, offsets("end", "\"0\": 120, \"1\": 60")));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(twice.body()).path("errorMessage").asString())
			.startsWith("Inconsistent metadata state")
			.contains("dataSource[stream]");
		SegmentsMetadata segments = this.cluster.bean(this.overlord, SegmentsMetadata.class);
		assertThat(segments.existing(List.of(firstSegment.id(), replicaSegment.id())))
			.containsExactly(firstSegment.id().toString());
		DataSourceMetadataStore offsets = this.cluster.bean(this.overlord, DataSourceMetadataStore.class);
		assertThat(offsets.read("stream")).contains(StreamOffsets.of("topic", Map.of(0, 100L, 1, 50L)));

		HttpResponse<String> halfCommit = postAction(replica, "{\"type\": \"segmentTransactionalInsert\", \"segments\": ["
				+ segmentJson.toJson(replicaSegment) + "], \"startMetadata\": " + fromStart + "}");
		assertThat(halfCommit.statusCode()).isEqualTo(400);
		assertThat(halfCommit.body()).contains("endMetadata");

		// from where the first ended, the replica's data goes in
		assertThat(action(replica, insert(segmentJson.toJson(replicaSegment), offsets("start", "\"0\": 100"),
				offsets("end", "\"0\": 130"))).path("success").asBoolean()).isTrue();
		assertThat(offsets.read("stream")).contains(StreamOffsets.of("topic", Map.of(0, 130L, 1, 50L)));
		assertThat(segments.existing(List.of(replicaSegment.id()))).containsExactly(replicaSegment.id().toString());
		assertThat(this.cluster.post(this.overlord, API + "/datasources/stream/shutdownAllTasks", "").statusCode())
			.isEqualTo(200);
	}

	@Test
	@Order(8)
	void aTaskRunningWhileTheOverlordIsReplacedCompletesAndNoTaskIsLost() {
		String longTask = submit("{\"type\": \"noop\", \"runTime\": 5000, \"dataSource\": \"restart\"}");
		TestCluster.await("the long task to run", WAIT,
				() -> status(longTask).path("runnerStatusCode").asString().equals("RUNNING"));
		List<String> queued = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			queued.add(submit("{\"type\": \"noop\", \"runTime\": 3000, \"dataSource\": \"restart\"}"));
		}
		this.cluster.stop(this.overlord);
		this.overlord = "overlord-2";
		this.cluster.start(this.overlord, "overlord", Map.of("strata.overlord.period", "100ms"));
		TestCluster.await("the new overlord to lead", WAIT,
				() -> this.cluster.get(this.overlord, API + "/isLeader").statusCode() == 200);

		JsonNode status = awaitComplete(longTask);
		assertThat(status.path("statusCode").asString()).isEqualTo("SUCCESS");
		assertThat(status.path("duration").asLong()).isGreaterThanOrEqualTo(5000);
		String log = this.cluster.get("router", API + "/task/" + longTask + "/log").body();
		assertThat(log.split("Running task\\[", -1)).as("started once, adopted by the new overlord, not run again")
			.hasSize(2);
		for (String id : queued) {
			assertThat(awaitComplete(id).path("statusCode").asString()).as(id).isEqualTo("SUCCESS");
		}

		this.cluster.start("overlord-3", "overlord", Map.of());
		HttpResponse<String> follower = this.cluster.get("overlord-3", API + "/tasks");
		assertThat(follower.statusCode()).isEqualTo(307);
		assertThat(follower.headers().firstValue("Location"))
			.hasValue("http://localhost:" + this.cluster.port(this.overlord) + API + "/tasks");
		assertThat(this.cluster.get("overlord-3", API + "/isLeader").statusCode()).isEqualTo(404);
		assertThat(this.cluster.get("overlord-3", API + "/leader").body())
			.isEqualTo("http://localhost:" + this.cluster.port(this.overlord));
	}

	private String submit(String task) {
		HttpResponse<String> response = this.cluster.post("router", API + "/task", task);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(fieldNames(body)).containsExactly("task");
		return body.path("task").asString();
	}

	private JsonNode status(String id) {
		JsonNode body = get(API + "/task/" + id + "/status");
		assertThat(body.path("task").asString()).isEqualTo(id);
		return body.path("status");
	}

	private JsonNode awaitComplete(String id) {
		TestCluster.await("task " + id + " to complete", WAIT,
				() -> !status(id).path("statusCode").asString().equals("RUNNING"));
		return status(id);
	}

	private static String tryAcquire(String interval) {
		return "{\"type\": \"lockTryAcquire\", \"lockType\": \"EXCLUSIVE\", \"interval\": \"" + interval + "\"}";
	}

	private static String insert(String segmentPayload) {
		return "{\"type\": \"segmentTransactionalInsert\", \"segments\": [" + segmentPayload + "]}";
	}

	private static String insert(String segmentPayload, String startMetadata, String endMetadata) {
		return "{\"type\": \"segmentTransactionalInsert\", \"segments\": [" + segmentPayload + "], \"startMetadata\": "
				+ startMetadata + ", \"endMetadata\": " + endMetadata + "}";
	}

	/** Druid's Kafka commit metadata of topic {@code topic}. */
	private static String offsets(String kind, String partitionOffsets) {
		return "{\"type\": \"kafka\", \"partitions\": {\"type\": \"" + kind + "\", \"stream\": \"topic\", "
				+ "\"partitionOffsetMap\": {" + partitionOffsets + "}}}";
	}

	private HttpResponse<String> postAction(String taskId, String action) {
		return this.cluster.post(this.overlord, API + "/action", "{\"task\": \"" + taskId + "\", \"action\": " + action + "}");
	}

	private JsonNode action(String taskId, String action) {
		HttpResponse<String> response = postAction(taskId, action);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("result");
	}

	private static DataSegment segment(String dataSource, String interval, String version) {
		SegmentId id = new SegmentId(dataSource, Interval.parse(interval), version, 0);
		return new DataSegment(id, new LoadSpec.Local("/nowhere/" + id), List.of("d"), List.of("m"),
				new ShardSpec.Numbered(0, 1), DataSegment.BINARY_VERSION, 100);
	}

	private JsonNode get(String path) {
		HttpResponse<String> response = this.cluster.get(this.overlord, path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static List<String> ids(JsonNode tasks) {
		List<String> ids = new ArrayList<>();
		tasks.forEach(task -> ids.add(task.path("id").asString()));
		return ids;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.properties().forEach(property -> names.add(property.getKey()));
		return names;
	}

}
