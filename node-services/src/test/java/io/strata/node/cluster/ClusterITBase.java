package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.time.Interval;
import io.strata.node.broker.lane.Permit;
import io.strata.node.broker.lane.QueryScheduler;
import io.strata.node.coordinator.Coordinator;
import io.strata.node.historical.SegmentManager;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.segment.DataSegment;
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
 * The cluster of issue 4 end to end: a coordinator, a broker, a router and two historicals in two
 * tiers on real ZooKeeper, a real metadata store and real deep storage. Segments built by the
 * engine are published, loaded by rule, queried through the broker and the router, replaced by a
 * newer version and survive the loss of a historical. One cluster per subclass; the tests run in
 * order and build on each other's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClusterITBase {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final int DAYS = 4;

	private static final Interval REINDEXED_DAY = Interval.parse("2026-10-02T00:00:00.000Z/2026-10-03T00:00:00.000Z");

	private static final String RULES = """
			[{"type": "loadForever", "tieredReplicants": {"hot": 1, "_default_tier": 1}}]""";

	private final JsonMapper json = JsonMapper.builder().build();

	private Path directory;

	private TestCluster cluster;

	private UsageSegments data;

	private List<Path> v1Files;

	abstract TestCluster.Metadata metadata();

	abstract TestCluster.DeepStorage deepStorage();

	@BeforeAll
	void startCluster(@TempDir Path temporary) throws Exception {
		this.directory = temporary;
		this.cluster = new TestCluster(this.directory, metadata(), deepStorage());
		this.cluster.start("coordinator", "coordinator", Map.of());
		this.cluster.start("hot", "historical", Map.of("strata.server.tier", "hot", "strata.server.priority", "10"));
		this.cluster.start("cold", "historical", Map.of("strata.server.tier", "_default_tier"));
		this.cluster.start("broker", "broker", Map.of());
		this.cluster.start("router", "router", Map.of());
		this.data = new UsageSegments(DAYS, 40_000);
		this.v1Files = this.data.build(this.directory.resolve("build-v1"), "2026-11-01T00:00:00.000Z");
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	@Order(0)
	void everyNodeUsesTheMetadataStoreAndDeepStorageUnderTest() throws Exception {
		for (String node : List.of("coordinator", "hot", "cold", "broker", "router")) {
			try (var connection = this.cluster.bean(node, javax.sql.DataSource.class).getConnection()) {
				String product = connection.getMetaData().getDatabaseProductName();
				assertThat(product).as(node).isEqualTo(metadata() == TestCluster.Metadata.H2 ? "H2" : "MySQL");
			}
			assertThat(this.cluster.bean(node, io.strata.node.deepstorage.DeepStorage.class)).as(node)
				.isInstanceOf(deepStorage() == TestCluster.DeepStorage.S3 ? io.strata.node.deepstorage.s3.S3DeepStorage.class
						: io.strata.node.deepstorage.local.LocalDeepStorage.class);
		}
	}

	@Test
	@Order(1)
	void publishedSegmentsAreLoadedOnEveryTierTheRulesName() {
		HttpResponse<String> setRules = this.cluster.post("router", "/druid/coordinator/v1/rules/usage", RULES);
		assertThat(setRules.statusCode()).isEqualTo(200);
		assertThat(this.cluster.get("coordinator", "/druid/coordinator/v1/rules/usage").body())
			.isEqualTo("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"hot\":1,\"_default_tier\":1}}]");

		List<DataSegment> published = this.cluster.bean("coordinator", SegmentPublisher.class).publish(this.v1Files);
		assertThat(published).hasSize(DAYS);
		// publishing the same ids again is refused before anything is pushed over the published objects
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.cluster.bean("coordinator", SegmentPublisher.class).publish(this.v1Files))
			.hasMessageContaining("already published");

		TestCluster.await("both tiers to serve every segment", WAIT,
				() -> served("hot") == DAYS && served("cold") == DAYS);
		TestCluster.await("the coordinator to report usage fully loaded", WAIT, () -> {
			JsonNode status = get("coordinator", "/druid/coordinator/v1/loadstatus");
			return status.path("usage").asDouble(0) == 100.0;
		});
		TestCluster.await("the broker to see every segment", WAIT,
				() -> get("broker", "/druid/v2/datasources/usage/candidates?intervals=2026-10-01/2026-10-05").size() == DAYS);
		assertThat(get("router", "/druid/v2/datasources").toString()).isEqualTo("[\"usage\"]");
		JsonNode servers = get("router", "/druid/coordinator/v1/servers?simple");
		assertThat(servers).hasSize(2);
		assertThat(servers.findValuesAsString("tier")).containsExactlyInAnyOrder("hot", "_default_tier");
		assertThat(get("coordinator", "/druid/coordinator/v1/loadstatus?simple").path("usage").asInt(-1)).isZero();
		assertThat(this.cluster.bean("coordinator", Coordinator.class).stats().rules().underReplicatedCount()).isZero();
	}

	@Test
	@Order(2)
	void brokerAndRouterAnswerAsTheEngineDoesOverTheSameSegments() {
		List<Segment> segments = UsageSegments.open(this.v1Files);
		try {
			QueryRunner engine = new QueryRunner();
			for (String query : UsageSegments.queries()) {
				JsonNode expected = this.json.readTree(engine.run(query, segments));
				assertThat(expected.isEmpty()).as("the engine finds rows for " + query).isFalse();
				HttpResponse<String> broker = this.cluster.post("broker", "/druid/v2", query);
				assertThat(broker.statusCode()).as(broker.body()).isEqualTo(200);
				assertThat(this.json.readTree(broker.body())).as(query).isEqualTo(expected);
				HttpResponse<String> router = this.cluster.post("router", "/druid/v2/", query);
				assertThat(this.json.readTree(router.body())).as(query).isEqualTo(expected);
			}
		}
		finally {
			segments.forEach(Segment::close);
		}
	}

	@Test
	@Order(3)
	void cachedAnswersEqualFreshOnes() {
		String query = UsageSegments.queries().get(1);
		String first = this.cluster.post("broker", "/druid/v2", query).body();
		String cached = this.cluster.post("broker", "/druid/v2", query).body();
		String uncached = this.cluster
			.post("broker", "/druid/v2", query.replace("\"granularity\"", "\"context\": {\"useCache\": false}, \"granularity\""))
			.body();
		assertThat(cached).isEqualTo(first).isEqualTo(uncached);
		String metrics = this.cluster.get("broker", "/actuator/prometheus").body();
		assertThat(metric(metrics, "strata_broker_cache_hits")).isGreaterThanOrEqualTo(DAYS);
	}

	@Test
	@Order(4)
	void theCacheContextKeysDecideWhetherTheCacheIsReadAndFilled() {
		// a query asked nowhere else in this class: nothing of it is cached yet
		String query = UsageSegments.queries().get(2)
			.replace("\"value\": \"200\"", "\"value\": \"429\"")
			.replace("\"limitSpec\"", "\"context\": {CONTEXT}, \"limitSpec\"");
		String noPopulate = query.replace("{CONTEXT}", "{\"populateCache\": false}");
		double hits = cacheHits();
		this.cluster.post("broker", "/druid/v2", noPopulate);
		this.cluster.post("broker", "/druid/v2", noPopulate);
		assertThat(cacheHits()).as("nothing was put in for the second to find").isEqualTo(hits);
		String populate = query.replace("{CONTEXT}", "{}");
		this.cluster.post("broker", "/druid/v2", populate);
		this.cluster.post("broker", "/druid/v2", populate);
		assertThat(cacheHits()).as("the second read every piece from the cache").isEqualTo(hits + 3);
		this.cluster.post("broker", "/druid/v2", query.replace("{CONTEXT}", "{\"useCache\": \"false\"}"));
		assertThat(cacheHits()).isEqualTo(hits + 3);
	}

	@Test
	@Order(5)
	void aFullBrokerAnswers429WithDruidsCapacityError() {
		QueryScheduler scheduler = this.cluster.bean("broker", QueryScheduler.class);
		List<Permit> held = new ArrayList<>();
		try {
			for (int i = 0; i < 32; i++) {
				held.add(scheduler.admit(null, 0));
			}
			HttpResponse<String> full = this.cluster.post("router", "/druid/v2", UsageSegments.queries().getFirst());
			assertThat(full.statusCode()).isEqualTo(429);
			JsonNode error = this.json.readTree(full.body());
			assertThat(error.path("error").asString()).isEqualTo("Query capacity exceeded");
			assertThat(error.path("errorMessage").asString()).isEqualTo(
					"Too many concurrent queries, total query capacity of 32 exceeded. Please try your query again later.");
		}
		finally {
			held.forEach(Permit::close);
		}
		assertThat(this.cluster.post("router", "/druid/v2", UsageSegments.queries().getFirst()).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(6)
	void aHistoricalListsTheSegmentsItDoesNotServeAsMissing() {
		DataSegment served = this.cluster.bean("hot", SegmentManager.class).servedSegments().getFirst();
		String scoped = """
				{"queryType": "timeseries", "dataSource": "usage", "granularity": "all",
				 "aggregations": [{"type": "count", "name": "rows"}],
				 "intervals": {"type": "segments", "segments": [
				   {"itvl": "%s", "ver": "%s", "part": 0},
				   {"itvl": "2030-01-01T00:00:00.000Z/2030-01-02T00:00:00.000Z", "ver": "v9", "part": 3}]}}"""
			.formatted(served.interval(), served.version());
		HttpResponse<String> response = this.cluster.post("hot", "/druid/v2", scoped);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer).hasSize(1);
		assertThat(answer.get(0).path("result").path("segment").asString()).isEqualTo(served.id().toString());
		assertThat(response.headers().firstValue("X-Druid-Response-Context")).hasValue(
				"{\"missingSegments\":[{\"itvl\":\"2030-01-01T00:00:00.000Z/2030-01-02T00:00:00.000Z\",\"ver\":\"v9\",\"part\":3}]}");
	}

	@Test
	@Order(7)
	void malformedQueriesGetDruidErrors() {
		HttpResponse<String> response = this.cluster.post("router", "/druid/v2", "{\"queryType\": \"timeseries\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = this.json.readTree(response.body());
		assertThat(error.path("error").asString()).isEqualTo("druidException");
		assertThat(error.path("errorCode").asString()).isEqualTo("invalidInput");
		assertThat(error.path("errorMessage").asString()).contains("dataSource");

		String slow = UsageSegments.queries().getFirst()
			.replace("\"granularity\"", "\"context\": {\"timeout\": 1, \"useCache\": false}, \"granularity\"");
		HttpResponse<String> timedOut = this.cluster.post("broker", "/druid/v2", slow);
		assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(504);
		assertThat(this.json.readTree(timedOut.body()).path("error").asString()).isEqualTo("Query timeout");
	}

	@Test
	@Order(8)
	void everyRoleExposesHealthAndPrometheusMetrics() {
		for (String node : List.of("coordinator", "hot", "broker", "router")) {
			assertThat(this.cluster.get(node, "/status/health").body()).isEqualTo("true");
			assertThat(get(node, "/actuator/health").path("status").asString()).isEqualTo("UP");
			assertThat(get(node, "/status").path("version").asString()).isEqualTo("37.0.0");
		}
		String broker = this.cluster.get("broker", "/actuator/prometheus").body();
		assertThat(metric(broker, "strata_query_time_seconds_count")).isPositive();
		assertThat(broker).contains("strata_query_time_seconds_count{outcome=\"failure\"");
		assertThat(broker).contains("jvm_memory_used_bytes");
		assertThat(metric(this.cluster.get("hot", "/actuator/prometheus").body(), "strata_historical_segments_loaded"))
			.isEqualTo(DAYS);
		assertThat(metric(this.cluster.get("hot", "/actuator/prometheus").body(), "strata_query_segment_time_seconds_count"))
			.isPositive();
		String coordinator = this.cluster.get("coordinator", "/actuator/prometheus").body();
		assertThat(metric(coordinator, "strata_coordinator_segments_unavailable")).isZero();
		assertThat(coordinator).contains("strata_coordinator_segments_under_replicated");
	}

	@Test
	@Order(9)
	void aNewerVersionReplacesTheOldOneAtOnceForEveryQuery() throws Exception {
		String dayQuery = """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "all",
				 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"}]}""".formatted(REINDEXED_DAY);
		long before = calls(this.cluster.post("broker", "/druid/v2", dayQuery).body());
		assertThat(before).isPositive();
		List<Long> seen = new CopyOnWriteArrayList<>();
		List<String> failures = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread reader = Thread.ofPlatform().start(() -> {
			while (running.get()) {
				HttpResponse<String> response = this.cluster.post("broker", "/druid/v2", dayQuery);
				if (response.statusCode() == 200) {
					seen.add(calls(response.body()));
				}
				else {
					failures.add(response.body());
				}
			}
		});
		List<Path> v2 = this.data.buildDay(this.directory.resolve("build-v2"), REINDEXED_DAY, "2026-11-02T00:00:00.000Z",
				2);
		this.cluster.bean("coordinator", SegmentPublisher.class).publish(v2);
		TestCluster.await("the old version of the day to be marked unused and dropped", WAIT,
				() -> this.cluster.bean("coordinator", SegmentsMetadata.class).unusedSegments("usage").size() == 1
						&& served("hot") == DAYS + 1 && served("cold") == DAYS + 1);
		TestCluster.await("the reader to see the new version", WAIT, () -> !seen.isEmpty() && seen.getLast() == 2 * before);
		running.set(false);
		reader.join();
		assertThat(failures).isEmpty();
		assertThat(seen).isNotEmpty().allMatch(calls -> calls == before || calls == 2 * before).contains(before);
		int firstNew = seen.indexOf(2 * before);
		assertThat(seen.subList(firstNew, seen.size())).as("never back to the old version").allMatch(c -> c == 2 * before);
		assertThat(this.cluster.bean("coordinator", SegmentsMetadata.class).unusedSegments("usage").getFirst().version())
			.isEqualTo("2026-11-01T00:00:00.000Z");
	}

	@Test
	@Order(10)
	void losingAHistoricalFailsNoQueryAndItsReplicaComesBackFromDeepStorage() throws InterruptedException {
		String query = UsageSegments.queries().getFirst();
		String expected = this.cluster.post("broker", "/druid/v2", query).body();
		// queries keep running while the hot historical stops answering (it stays announced): those
		// caught mid-flight and those after must all be retried on the replica
		List<String> failures = new CopyOnWriteArrayList<>();
		AtomicInteger answered = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		String uncached = query.replace("\"granularity\"", "\"context\": {\"useCache\": false}, \"granularity\"");
		List<Thread> readers = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			readers.add(Thread.ofPlatform().start(() -> {
				while (running.get()) {
					HttpResponse<String> response = this.cluster.post("broker", "/druid/v2", uncached);
					if (response.statusCode() != 200 || !response.body().equals(expected)) {
						failures.add(response.statusCode() + " " + response.body());
					}
					answered.incrementAndGet();
				}
			}));
		}
		TestCluster.await("queries to be running", WAIT, () -> answered.get() > 20);
		this.cluster.cutOff("hot");
		int atCut = answered.get();
		TestCluster.await("more queries after the cut", WAIT, () -> answered.get() > atCut + 40);
		running.set(false);
		for (Thread reader : readers) {
			reader.join();
		}
		assertThat(failures).isEmpty();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = this.cluster.post("broker", "/druid/v2", query);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(expected);
		}
		this.cluster.stop("hot");
		TestCluster.await("the coordinator to see the hot tier under-replicated", WAIT,
				() -> this.cluster.bean("coordinator", Coordinator.class).stats().rules().underReplicatedCount() > 0);
		assertThat(this.cluster.post("router", "/druid/v2", query).body()).isEqualTo(expected);
		this.cluster.start("hot2", "historical", Map.of("strata.server.tier", "hot"));
		TestCluster.await("the new hot historical to load every used segment from deep storage", WAIT,
				() -> served("hot2") == DAYS + 1);
		TestCluster.await("no segment under-replicated", WAIT,
				() -> this.cluster.bean("coordinator", Coordinator.class).stats().rules().underReplicatedCount() == 0);
		assertThat(this.cluster.post("router", "/druid/v2", query).body()).isEqualTo(expected);
	}

	@Test
	@Order(11)
	void aRestartedHistoricalServesItsCacheWithoutDownloading() {
		String query = UsageSegments.queries().getFirst();
		String expected = this.cluster.post("broker", "/druid/v2", query).body();
		this.cluster.stop("cold");
		this.cluster.start("cold", "historical", Map.of("strata.server.tier", "_default_tier"));
		assertThat(served("cold")).isEqualTo(DAYS + 1);
		assertThat(this.cluster.bean("cold", SegmentManager.class).downloads()).isZero();
		TestCluster.await("the broker to see the restarted historical", WAIT,
				() -> get("broker", "/druid/v2/datasources/usage/candidates?intervals=2026-10-01/2026-10-05")
					.findValuesAsString("name")
					.contains("localhost:" + this.cluster.port("cold")));
		assertThat(this.cluster.post("broker", "/druid/v2", query).body()).isEqualTo(expected);
	}

	@Test
	@Order(12)
	void aSecondCoordinatorTakesOverWhenTheLeaderGoes() {
		this.cluster.start("coordinator2", "coordinator", Map.of());
		assertThat(this.cluster.bean("coordinator2", SegmentsMetadata.class).usedSegments()).hasSize(DAYS + 1);
		TestCluster.await("the second coordinator to join the election", WAIT,
				() -> this.cluster.get("coordinator2", "/druid/coordinator/v1/leader").statusCode() == 200);
		assertThat(this.cluster.get("coordinator", "/druid/coordinator/v1/isLeader").statusCode()).isEqualTo(200);
		assertThat(this.cluster.get("coordinator2", "/druid/coordinator/v1/isLeader").statusCode()).isEqualTo(404);
		assertThat(this.cluster.get("coordinator2", "/druid/coordinator/v1/leader").body())
			.isEqualTo(this.cluster.url("coordinator"));
		HttpResponse<String> follower = this.cluster.get("coordinator2", "/druid/coordinator/v1/loadstatus?simple");
		assertThat(follower.statusCode()).as("a follower sends API calls to the leader").isEqualTo(307);
		assertThat(follower.headers().firstValue("Location"))
			.hasValue(this.cluster.url("coordinator") + "/druid/coordinator/v1/loadstatus?simple");
		this.cluster.stop("coordinator");
		TestCluster.await("the second coordinator to lead", WAIT,
				() -> this.cluster.get("coordinator2", "/druid/coordinator/v1/isLeader").statusCode() == 200);
		TestCluster.await("the router to send coordinator calls to the new leader", WAIT,
				() -> this.cluster.get("router", "/druid/coordinator/v1/leader").body().equals(this.cluster.url("coordinator2")));
		TestCluster.await("the new leader to have run", WAIT,
				() -> this.cluster.bean("coordinator2", Coordinator.class).stats().usedSegments().getOrDefault("usage", 0) == DAYS + 1);
		assertThat(get("router", "/druid/coordinator/v1/loadstatus").path("usage").asDouble()).isEqualTo(100.0);
	}

	private double cacheHits() {
		return metric(this.cluster.get("broker", "/actuator/prometheus").body(), "strata_broker_cache_hits");
	}

	private int served(String node) {
		return this.cluster.bean(node, SegmentManager.class).servedSegments().size();
	}

	private JsonNode get(String node, String path) {
		HttpResponse<String> response = this.cluster.get(node, path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private long calls(String body) {
		JsonNode rows = this.json.readTree(body);
		return rows.isEmpty() ? 0 : rows.get(0).path("result").path("calls").asLong();
	}

	private static double metric(String prometheus, String name) {
		return prometheus.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
