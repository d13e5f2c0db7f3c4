package io.strata.node.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.strata.engine.time.Interval;
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
 * The coordinator's placement on a real cluster: adjacent days kept apart, balancing onto a
 * historical that joins later, rules that move data between tiers and drop it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorRulesIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final int DAYS = 6;

	private final JsonMapper json = JsonMapper.builder().build();

	private TestCluster cluster;

	private List<DataSegment> published;

	@BeforeAll
	void start(@TempDir Path directory) throws Exception {
		this.cluster = new TestCluster(directory, TestCluster.Metadata.H2, TestCluster.DeepStorage.LOCAL);
		this.cluster.start("coordinator", "coordinator", Map.of("strata.coordinator.max-segments-to-move", "2"));
		this.cluster.start("a", "historical", Map.of());
		this.cluster.start("b", "historical", Map.of());
		List<Path> files = new UsageSegments(DAYS, 6_000).build(directory.resolve("build"), "2026-11-01T00:00:00.000Z");
		assertThat(this.cluster.post("coordinator", "/druid/coordinator/v1/rules/usage",
				"[{\"type\": \"loadForever\", \"tieredReplicants\": {\"_default_tier\": 1}}]").statusCode()).isEqualTo(200);
		this.published = this.cluster.bean("coordinator", SegmentPublisher.class).publish(files);
	}

	@AfterAll
	void stop() throws Exception {
		this.cluster.close();
	}

	@Test
	@Order(1)
	void newSegmentsAreSpreadSoThatAdjacentDaysLandOnDifferentHistoricals() {
		TestCluster.await("every segment loaded once", WAIT,
				() -> served("a").size() + served("b").size() == DAYS && queueEmpty());
		assertThat(served("a")).hasSize(DAYS / 2);
		for (String server : List.of("a", "b")) {
			List<Interval> days = served(server).stream().map(DataSegment::interval).sorted().toList();
			for (int i = 1; i < days.size(); i++) {
				assertThat(days.get(i).startMillis()).as("%s holds adjacent days %s", server, days)
					.isNotEqualTo(days.get(i - 1).endMillis());
			}
		}
	}

	@Test
	@Order(2)
	void aHistoricalThatJoinsLaterIsGivenItsShareByTheBalancer() {
		this.cluster.start("c", "historical", Map.of());
		TestCluster.await("the balancer to move a third of the segments to the new historical, one copy each", WAIT,
				() -> served("c").size() == DAYS / 3 && served("a").size() + served("b").size() == DAYS - DAYS / 3
						&& queueEmpty());
		assertThat(served("a")).hasSize(DAYS / 3);
		assertThat(served("b")).hasSize(DAYS / 3);
	}

	@Test
	@Order(3)
	void rulesMoveRecentDaysToTheHotTierAndDropTheRest() {
		this.cluster.start("hot", "historical", Map.of("strata.server.tier", "hot"));
		String rules = """
				[{"type": "loadByInterval", "interval": "2026-10-04/2026-10-07", "tieredReplicants": {"hot": 1}},
				 {"type": "dropForever"}]""";
		HttpResponse<String> set = this.cluster.post("coordinator", "/druid/coordinator/v1/rules/usage", rules);
		assertThat(set.statusCode()).isEqualTo(200);
		TestCluster.await("the last three days on the hot tier only, the first three nowhere", WAIT,
				() -> served("hot").size() == 3 && served("a").isEmpty() && served("b").isEmpty() && served("c").isEmpty());
		assertThat(served("hot")).allMatch(segment -> segment.interval().startMillis() >= Interval
			.parse("2026-10-04/2026-10-05").startMillis());
		assertThat(this.cluster.bean("coordinator", SegmentsMetadata.class).usedSegments())
			.as("drop rules unload, they do not mark unused")
			.hasSize(DAYS);
		JsonNode history = this.json.readTree(this.cluster.get("coordinator", "/druid/coordinator/v1/rules/usage/history").body());
		assertThat(history).hasSize(2);
		assertThat(this.cluster.get("coordinator", "/druid/coordinator/v1/loadstatus").body()).isEqualTo("{\"usage\":100.0}");
	}

	@Test
	@Order(4)
	void anInvalidRuleListIsRefusedNamingTheFieldAndChangesNothing() {
		HttpResponse<String> bad = this.cluster.post("coordinator", "/druid/coordinator/v1/rules/usage",
				"[{\"type\": \"loadByPeriod\", \"period\": \"P1X\"}]");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(bad.body()).path("errorMessage").asString()).contains("rules[0].period");
		assertThat(this.json.readTree(this.cluster.get("coordinator", "/druid/coordinator/v1/rules/usage/history").body()))
			.hasSize(2);
		assertThat(this.published).hasSize(DAYS);
	}

	private List<DataSegment> served(String node) {
		return this.cluster.bean(node, SegmentManager.class).servedSegments();
	}

	private boolean queueEmpty() {
		JsonNode queue = this.json.readTree(this.cluster.get("coordinator", "/druid/coordinator/v1/loadqueue?simple").body());
		for (JsonNode server : queue) {
			if (server.path("segmentsToLoad").asInt() != 0 || server.path("segmentsToDrop").asInt() != 0) {
				return false;
			}
		}
		return true;
	}

}
