package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.s3.S3ClientFactory;
import io.strata.s3.TestingS3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch ingestion end to end (issue 5) on real ZooKeeper, H2 and local deep storage: a master
 * (coordinator + overlord), a data node (historical + indexer), a {@code batch}-category
 * middleManager and a query node (broker + router). Generated usage files are ingested with
 * {@code index_parallel} tasks through the router, queried through the broker, re-indexed one day
 * under continuous queries, compacted on the {@code batch} worker, and a malformed file fails its
 * task with a report naming the line. The tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchIngestionIT {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String API = "/druid/indexer/v1";

	private static final int DAYS = 3;

	private final JsonMapper json = JsonMapper.builder().build();

	private Path directory;

	private TestCluster cluster;

	private UsageSegments data;

	private TestingS3Server s3;

	@BeforeAll
	void startCluster(@TempDir Path temporary) throws Exception {
		this.directory = temporary;
		this.cluster = new TestCluster(temporary, TestCluster.Metadata.H2, TestCluster.DeepStorage.LOCAL);
		this.s3 = TestingS3Server.start("usage-input");
		// deep storage stays local; the S3 settings only serve s3 input sources
		Map<String, String> s3Input = Map.of("strata.deep-storage.s3.endpoint", this.s3.endpoint().toString(),
				"strata.deep-storage.s3.path-style-access", "true", "strata.deep-storage.s3.access-key",
				TestingS3Server.ACCESS_KEY, "strata.deep-storage.s3.secret-key", TestingS3Server.SECRET_KEY);
		this.cluster.start("master", "coordinator,overlord", Map.of("strata.overlord.period", "100ms"));
		Map<String, String> data = new java.util.HashMap<>(s3Input);
		data.put("strata.worker.capacity", "2");
		this.cluster.start("data", "historical,indexer", data);
		Map<String, String> batch = new java.util.HashMap<>(s3Input);
		batch.putAll(Map.of("strata.worker.capacity", "1", "strata.worker.category", "batch"));
		this.cluster.start("batch", "middleManager", batch);
		this.cluster.start("query", "broker,router", Map.of());
		TestCluster.await("the overlord to see both workers", WAIT,
				() -> this.cluster.get("master", API + "/workers").statusCode() == 200
						&& get("master", API + "/workers").size() == 2);
		this.data = new UsageSegments(DAYS, 30_000);
		Files.createDirectories(temporary.resolve("input"));
		Files.write(temporary.resolve("input").resolve("usage-events.ndjson"), this.data.ndjson());
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.s3 != null) {
			this.s3.close();
		}
	}

	@Test
	@Order(1)
	void aGeneratedFileIngestedByATaskAnswersAsTheEngineDoesOverTheSameRows() {
		String id = submit(indexTask(localInput(this.directory.resolve("input"), "usage-*.ndjson"), "", "{\"type\": \"dynamic\"}"));
		JsonNode status = awaitComplete(id);
		assertThat(status.path("statusCode").asString()).as(status.toString()).isEqualTo("SUCCESS");
		JsonNode report = get("query", API + "/task/" + id + "/reports").path("ingestionStatsAndErrors").path("payload");
		assertThat(report.path("ingestionState").asString()).isEqualTo("COMPLETED");
		assertThat(report.path("rowStats").path("buildSegments").path("processed").asLong()).isEqualTo(30_000);
		assertThat(report.path("rowStats").path("buildSegments").path("unparseable").asLong()).isZero();
		awaitServed(DAYS);

		List<Segment> segments = UsageSegments.open(this.data.build(this.directory.resolve("engine"), "2026-01-01T00:00:00.000Z"));
		try {
			QueryRunner engine = new QueryRunner();
			for (String query : UsageSegments.queries()) {
				JsonNode expected = this.json.readTree(engine.run(query, segments));
				assertThat(expected.isEmpty()).as("the engine finds rows for " + query).isFalse();
				HttpResponse<String> answer = this.cluster.post("query", "/druid/v2", query);
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				assertThat(this.json.readTree(answer.body())).as(query).isEqualTo(expected);
			}
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	@Order(2)
	void reindexingADayReplacesItAtOnceWhileQueriesRun() throws Exception {
		String day = "2026-10-02T00:00:00.000Z/2026-10-03T00:00:00.000Z";
		long before = dayCalls(day);
		assertThat(before).isPositive();
		// the day's file twice: the re-indexed day counts every call twice, so answers tell the versions apart
		Path twice = Files.createDirectories(this.directory.resolve("reindex"));
		Files.write(twice.resolve("a.ndjson"), this.data.ndjson());
		Files.write(twice.resolve("b.ndjson"), this.data.ndjson());
		Set<Long> seen = ConcurrentHashMap.newKeySet();
		AtomicBoolean reading = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		Thread reader = Thread.ofPlatform().start(() -> {
			while (reading.get()) {
				seen.add(dayCalls(day));
				reads.incrementAndGet();
			}
		});
		try {
			String id = submit(indexTask(localInput(twice, "*.ndjson"), "\"intervals\": [\"" + day + "\"]",
					"{\"type\": \"hashed\", \"numShards\": 2, \"partitionDimensions\": [\"accountId\"]}"));
			JsonNode status = awaitComplete(id);
			assertThat(status.path("statusCode").asString()).as(status.toString()).isEqualTo("SUCCESS");
			JsonNode report = get("query", API + "/task/" + id + "/reports").path("ingestionStatsAndErrors").path("payload");
			assertThat(report.path("rowStats").path("buildSegments").path("thrownAway").asLong())
				.as("rows of other days are outside the interval").isPositive();
			TestCluster.await("the broker to answer from the new version", WAIT, () -> dayCalls(day) == 2 * before);
			Thread.sleep(300);
		}
		finally {
			reading.set(false);
			reader.join();
		}
		assertThat(reads.get()).isGreaterThan(5);
		assertThat(seen).as("every answer is all old or all new").containsOnly(before, 2 * before);
		JsonNode dayChunk = get("query", "/druid/v2/datasources/usage/candidates?intervals=" + day);
		assertThat(dayChunk).hasSize(2);
		assertThat(dayChunk.findValuesAsString("version")).allSatisfy(version -> assertThat(version).isGreaterThan("2026"));
		List<DataSegment> reindexed = this.cluster.bean("master", SegmentsMetadata.class).usedSegments().stream()
			.filter(segment -> segment.interval().toString().equals(day))
			.filter(segment -> segment.version().equals(dayChunk.get(0).path("version").asString()))
			.toList();
		assertThat(reindexed).hasSize(2).allSatisfy(segment -> assertThat(segment.shardSpec())
			.isEqualTo(new ShardSpec.Hashed(segment.id().partitionNum(), 2, segment.id().partitionNum(), 2, List.of("accountId"))));
	}

	@Test
	@Order(3)
	void compactionRunsOnTheBatchWorkerAndLeavesEveryAnswerAsItWas() {
		String day = "2026-10-03T00:00:00.000Z/2026-10-04T00:00:00.000Z";
		// re-ingest the day in many small segments first
		String small = submit(indexTask(localInput(this.directory.resolve("input"), "usage-*.ndjson"),
				"\"intervals\": [\"" + day + "\"]", "{\"type\": \"dynamic\", \"maxRowsPerSegment\": 1000}"));
		assertThat(awaitComplete(small).path("statusCode").asString()).isEqualTo("SUCCESS");
		TestCluster.await("the broker to serve the small segments", WAIT, () -> candidates(day).size() > 3);
		int before = candidates(day).size();
		List<JsonNode> answers = new ArrayList<>();
		for (String query : UsageSegments.queries()) {
			answers.add(this.json.readTree(this.cluster.post("query", "/druid/v2", query).body()));
		}
		HttpResponse<String> config = this.cluster.post("query", API + "/worker", """
				{"selectStrategy": {"type": "equalDistributionWithCategorySpec",
				  "workerCategorySpec": {"strong": true, "categoryMap": {"compact": {"defaultCategory": "batch"}}}}}""");
		assertThat(config.statusCode()).as(config.body()).isEqualTo(200);

		String id = submit("""
				{"type": "compact", "dataSource": "usage",
				 "ioConfig": {"type": "compact", "inputSpec": {"type": "interval", "interval": "%s"}},
				 "tuningConfig": {"type": "index_parallel", "partitionsSpec": {"type": "dynamic"}}}""".formatted(day));
		JsonNode status = awaitComplete(id);
		assertThat(status.path("statusCode").asString()).as(status.toString()).isEqualTo("SUCCESS");
		assertThat(status.path("location").path("port").asInt()).as("ran on the batch worker")
			.isEqualTo(this.cluster.port("batch"));
		TestCluster.await("the broker to serve the compacted day", WAIT, () -> candidates(day).size() == 1);
		assertThat(before).isGreaterThan(1);
		String compactedVersion = candidates(day).get(0).path("version").asString();
		DataSegment compacted = this.cluster.bean("master", SegmentsMetadata.class).usedSegments().stream()
			.filter(segment -> segment.version().equals(compactedVersion) && segment.interval().toString().equals(day))
			.findFirst().orElseThrow();
		assertThat(compacted.lastCompactionState().path("partitionsSpec").path("type").asString()).isEqualTo("dynamic");
		for (int i = 0; i < UsageSegments.queries().size(); i++) {
			JsonNode after = this.json.readTree(this.cluster.post("query", "/druid/v2", UsageSegments.queries().get(i)).body());
			if (UsageSegments.queries().get(i).contains("HLLSketchMerge")) {
				assertSameExceptSketches(after, answers.get(i));
			}
			else {
				assertThat(after).as(UsageSegments.queries().get(i)).isEqualTo(answers.get(i));
			}
		}
	}

	@Test
	@Order(4)
	void aMalformedFileFailsItsTaskWithAReportNamingTheLine() throws Exception {
		Path bad = Files.createDirectories(this.directory.resolve("bad"));
		Files.writeString(bad.resolve("broken.ndjson"), """
				{"timestamp": "2026-10-05T00:00:00Z", "accountId": "a", "apiName": "x", "statusCode": 200}
				{"timestamp": "2026-10-05T00:01:00Z", "accountId": "b", "apiName": "x", "statusCode": 200}
				{"timestamp": "2026-10-05T00:02:00Z", "accountId": "c", "apiName":
				""", StandardCharsets.UTF_8);
		String strict = submit(indexTask(localInput(bad, "*.ndjson"), "", "{\"type\": \"dynamic\"}")
			.replace("\"partitionsSpec\"", "\"maxParseExceptions\": 0, \"partitionsSpec\""));
		JsonNode failed = awaitComplete(strict);
		assertThat(failed.path("statusCode").asString()).isEqualTo("FAILED");
		assertThat(failed.path("errorMsg").asString()).contains("broken.ndjson").contains("line[3]");
		JsonNode report = get("query", API + "/task/" + strict + "/reports").path("ingestionStatsAndErrors").path("payload");
		assertThat(report.path("errorMsg").asString()).contains("broken.ndjson").contains("line[3]");

		String lenient = submit(indexTask(localInput(bad, "*.ndjson"), "", "{\"type\": \"dynamic\"}")
			.replace("\"partitionsSpec\"", "\"maxParseExceptions\": 5, \"maxSavedParseExceptions\": 5, \"partitionsSpec\""));
		JsonNode succeeded = awaitComplete(lenient);
		assertThat(succeeded.path("statusCode").asString()).isEqualTo("SUCCESS");
		JsonNode payload = get("query", API + "/task/" + lenient + "/reports").path("ingestionStatsAndErrors").path("payload");
		assertThat(payload.path("rowStats").path("buildSegments").path("processed").asLong()).isEqualTo(2);
		assertThat(payload.path("rowStats").path("buildSegments").path("unparseable").asLong()).isEqualTo(1);
		assertThat(payload.path("unparseableEvents").path("buildSegments").get(0).path("details").get(0).asString())
			.contains("broken.ndjson").contains("line[3]");
	}

	@Test
	@Order(5)
	void filesInS3AreAppendedToADayWithoutReplacingIt() {
		String day = "2026-10-06T00:00:00.000Z/2026-10-07T00:00:00.000Z";
		String first = "{\"timestamp\": \"2026-10-06T10:00:00Z\", \"accountId\": \"a\", \"apiName\": \"x\", \"statusCode\": 200}\n"
				.repeat(3);
		String second = "{\"timestamp\": \"2026-10-06T11:00:00Z\", \"accountId\": \"b\", \"apiName\": \"y\", \"statusCode\": 200}\n"
				.repeat(4);
		try (S3Client client = S3ClientFactory.create(this.s3.settings())) {
			client.putObject(request -> request.bucket("usage-input").key("day6/part-1.ndjson"), RequestBody.fromString(first));
			client.putObject(request -> request.bucket("usage-input").key("later/part-2.ndjson"), RequestBody.fromString(second));
		}
		String overwrite = submit(indexTask("{\"type\": \"s3\", \"prefixes\": [\"s3://usage-input/day6/\"]}", "",
				"{\"type\": \"dynamic\"}"));
		assertThat(awaitComplete(overwrite).path("statusCode").asString()).isEqualTo("SUCCESS");
		TestCluster.await("the first file's rows", WAIT, () -> dayCalls(day) == 3);
		String version = candidates(day).get(0).path("version").asString();

		String append = submit(indexTask("{\"type\": \"s3\", \"uris\": [\"s3://usage-input/later/part-2.ndjson\"]}", "",
				"{\"type\": \"dynamic\"}").replace("\"inputFormat\"", "\"appendToExisting\": true, \"inputFormat\""));
		assertThat(awaitComplete(append).path("statusCode").asString()).isEqualTo("SUCCESS");
		TestCluster.await("both files' rows", WAIT, () -> dayCalls(day) == 7);
		JsonNode chunk = candidates(day);
		assertThat(chunk).hasSize(2);
		assertThat(chunk.findValuesAsString("version")).as("an append keeps the day's version").containsOnly(version);
		assertThat(chunk.findValues("partitionNumber")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(0, 1);

		String missing = submit(indexTask("{\"type\": \"s3\", \"uris\": [\"s3://usage-input/none.ndjson\"]}", "",
				"{\"type\": \"dynamic\"}"));
		JsonNode failed = awaitComplete(missing);
		assertThat(failed.path("statusCode").asString()).isEqualTo("FAILED");
		assertThat(failed.path("errorMsg").asString()).contains("s3://usage-input/none.ndjson");
	}

	private static String localInput(Path baseDir, String filter) {
		return "{\"type\": \"local\", \"baseDir\": \"%s\", \"filter\": \"%s\"}".formatted(baseDir, filter);
	}

	private static String indexTask(String inputSource, String intervals, String partitionsSpec) {
		String schema = UsageSegments.SCHEMA.replace("\"rollup\": true}",
				"\"rollup\": true" + (intervals.isEmpty() ? "" : ", " + intervals) + "}");
		return """
				{"type": "index_parallel", "spec": {
				  "dataSchema": %s,
				  "ioConfig": {"type": "index_parallel", "inputSource": %s, "inputFormat": {"type": "json"}},
				  "tuningConfig": {"type": "index_parallel", "partitionsSpec": %s}}}""".formatted(schema, inputSource,
				partitionsSpec);
	}

	private String submit(String task) {
		HttpResponse<String> response = this.cluster.post("query", API + "/task", task);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("task").asString();
	}

	private JsonNode awaitComplete(String id) {
		JsonNode[] status = new JsonNode[1];
		TestCluster.await("task " + id + " to complete", WAIT, () -> {
			status[0] = get("master", API + "/task/" + id + "/status").path("status");
			return !status[0].path("statusCode").asString().equals("RUNNING");
		});
		return status[0];
	}

	private void awaitServed(int segments) {
		TestCluster.await("the broker to serve " + segments + " segments", WAIT,
				() -> get("query", "/druid/v2/datasources/usage/candidates?intervals=2026-10-01/2026-10-05").size() == segments);
	}

	private JsonNode candidates(String interval) {
		return get("query", "/druid/v2/datasources/usage/candidates?intervals=" + interval);
	}

	private long dayCalls(String day) {
		String query = """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "all",
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""".formatted(day);
		JsonNode rows = this.json.readTree(this.cluster.post("query", "/druid/v2", query).body());
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("calls").asLong();
	}

	private JsonNode get(String node, String path) {
		HttpResponse<String> response = this.cluster.get(node, path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/** Sketch estimates may move by the order sketches are merged in; every other value must not. */
	private static void assertSameExceptSketches(JsonNode actual, JsonNode expected) {
		assertThat(actual.size()).isEqualTo(expected.size());
		for (int i = 0; i < actual.size(); i++) {
			JsonNode a = actual.get(i).path("result");
			JsonNode e = expected.get(i).path("result");
			assertThat(a.path("calls")).isEqualTo(e.path("calls"));
			assertThat(a.path("bytes")).isEqualTo(e.path("bytes"));
			assertThat(a.path("users").asDouble()).isCloseTo(e.path("users").asDouble(),
					org.assertj.core.data.Percentage.withPercentage(3));
		}
	}

}
