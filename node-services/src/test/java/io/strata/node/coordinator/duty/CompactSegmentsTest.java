package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.time.Interval;
import io.strata.node.coordinator.compaction.CompactTaskJson;
import io.strata.node.coordinator.compaction.CompactionCandidate;
import io.strata.node.coordinator.compaction.CompactionCandidateSearch;
import io.strata.node.coordinator.compaction.CompactionConfig;
import io.strata.node.coordinator.compaction.CompactionConfigJson;
import io.strata.node.coordinator.compaction.CompactionStatistics;
import io.strata.node.coordinator.compaction.CompactionStatus;
import io.strata.node.coordinator.compaction.DataSourceCompactionConfig;
import io.strata.node.coordinator.compaction.OverlordClient;
import io.strata.node.coordinator.compaction.TestingOverlordClient;
import io.strata.node.segment.DataSegment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.strata.node.coordinator.duty.DutyFixtures.NOW;
import static io.strata.node.coordinator.duty.DutyFixtures.days;
import static io.strata.node.coordinator.duty.DutyFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

/** The newest-first interval search and the duty submitting compact tasks within the slots. */
class CompactSegmentsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DYNAMIC_STATE = "{\"partitionsSpec\": {\"type\": \"dynamic\", \"maxRowsPerSegment\": 5000000, "
			+ "\"maxTotalRows\": 9223372036854775807}}";

	private final CompactionCandidateSearch search = new CompactionCandidateSearch();

	private final CompactionConfigJson configJson = new CompactionConfigJson();

	// ---- the search ----

	@Test
	void intervalsComeNewestFirstAndTheLastDayIsSkipped() {
		List<DataSegment> used = twoPartitionDays("wiki", 0, 5);

		CompactionStatus status = this.search.search(config("{\"dataSource\": \"wiki\"}"), used, List.of());

		assertThat(intervals(status.candidates())).containsExactly(days(3, 4), days(2, 3), days(1, 2), days(0, 1));
		assertThat(status.awaiting()).isEqualTo(new CompactionStatistics(800, 8, 4));
		assertThat(status.skipped()).isEqualTo(new CompactionStatistics(200, 2, 1));
		assertThat(status.compacted()).isEqualTo(CompactionStatistics.ZERO);
		assertThat(status.scheduleStatus()).isEqualTo(CompactionStatus.ScheduleStatus.RUNNING);
	}

	@Test
	void skipOffsetFromLatestCountsBackFromTheNewestSegmentsEnd() {
		List<DataSegment> used = twoPartitionDays("wiki", 0, 5);

		CompactionStatus threeDays = this.search.search(
				config("{\"dataSource\": \"wiki\", \"skipOffsetFromLatest\": \"P3D\"}"), used, List.of());
		CompactionStatus twelveHours = this.search.search(
				config("{\"dataSource\": \"wiki\", \"skipOffsetFromLatest\": \"PT12H\"}"), used, List.of());
		CompactionStatus none = this.search.search(
				config("{\"dataSource\": \"wiki\", \"skipOffsetFromLatest\": \"PT0S\"}"), used, List.of());

		assertThat(intervals(threeDays.candidates())).containsExactly(days(1, 2), days(0, 1));
		assertThat(threeDays.skipped().intervals()).isEqualTo(3);
		// an interval reaching into the offset is skipped whole
		assertThat(intervals(twelveHours.candidates())).containsExactly(days(3, 4), days(2, 3), days(1, 2), days(0, 1));
		assertThat(intervals(none.candidates())).hasSize(5).first().isEqualTo(days(4, 5));
	}

	@Test
	void intervalsLargerThanInputSegmentSizeBytesAreSkipped() {
		List<DataSegment> used = new ArrayList<>();
		used.add(segment("wiki", 0, "v1", 0, 2, 100));
		used.add(segment("wiki", 0, "v1", 1, 2, 100));
		used.add(segment("wiki", 1, "v1", 0, 2, 50));
		used.add(segment("wiki", 1, "v1", 1, 2, 50));
		used.add(segment("wiki", 9, 1));

		CompactionStatus status = this.search.search(
				config("{\"dataSource\": \"wiki\", \"inputSegmentSizeBytes\": 150}"), used, List.of());

		assertThat(intervals(status.candidates())).containsExactly(days(1, 2));
		assertThat(status.skipped()).isEqualTo(new CompactionStatistics(201, 3, 2));
	}

	@Test
	void segmentsCompactedAsTheConfigAsksAreLeftAloneAndAChangedConfigCompactsThemAgain() {
		List<DataSegment> used = new ArrayList<>();
		used.add(compacted(segment("wiki", 0, "v1", 0, 2, 10), DYNAMIC_STATE));
		used.add(compacted(segment("wiki", 0, "v1", 1, 2, 10), DYNAMIC_STATE));
		used.add(segment("wiki", 1, 10));
		used.add(compacted(segment("wiki", 2, 10),
				"{\"partitionsSpec\": {\"type\": \"hashed\", \"numShards\": 2, \"partitionDimensions\": [\"page\"]}}"));
		used.add(segment("wiki", 9, 10));

		CompactionStatus dynamic = this.search.search(config("{\"dataSource\": \"wiki\"}"), used, List.of());
		CompactionStatus hashed = this.search.search(config("""
				{"dataSource": "wiki", "tuningConfig": {"partitionsSpec":
				  {"type": "hashed", "numShards": 2, "partitionDimensions": ["page"]}}}"""), used, List.of());

		// day 0: compacted as configured; day 1: one segment, nothing to merge; day 2: another partitioning
		assertThat(intervals(dynamic.candidates())).containsExactly(days(2, 3));
		assertThat(dynamic.compacted()).isEqualTo(new CompactionStatistics(30, 3, 2));
		// under hashed partitioning day 2 is done, and the others must be hash-partitioned
		assertThat(intervals(hashed.candidates())).containsExactly(days(1, 2), days(0, 1));
		assertThat(hashed.compacted()).isEqualTo(new CompactionStatistics(10, 1, 1));
	}

	@Test
	void intervalsWithAnActiveCompactTaskAreSkipped() {
		List<DataSegment> used = twoPartitionDays("wiki", 0, 4);

		CompactionStatus status = this.search.search(config("{\"dataSource\": \"wiki\"}"), used,
				List.of(new Interval(days(1, 2).startMillis() + 3_600_000, days(1, 2).endMillis())));

		assertThat(intervals(status.candidates())).containsExactly(days(2, 3), days(0, 1));
		assertThat(status.skipped().intervals()).isEqualTo(2);
	}

	@Test
	void overshadowedSegmentsAndOtherDataSourcesDoNotCount() {
		List<DataSegment> used = new ArrayList<>();
		used.add(segment("wiki", 0, "v1", 0, 1, 10));
		used.add(segment("wiki", 0, "v2", 0, 1, 10));
		used.add(segment("other", 1, "v1", 0, 2, 10));
		used.add(segment("other", 1, "v1", 1, 2, 10));
		used.add(segment("wiki", 5, 10));

		CompactionStatus status = this.search.search(config("{\"dataSource\": \"wiki\"}"), used, List.of());

		assertThat(status.candidates()).isEmpty();
		assertThat(status.compacted()).isEqualTo(new CompactionStatistics(10, 1, 1));
	}

	@Test
	void aSegmentGranularityGroupsSegmentsIntoItsBuckets() {
		List<DataSegment> used = new ArrayList<>();
		used.add(segment("wiki", 0, 10));
		used.add(segment("wiki", 5, 10));
		used.add(segment("wiki", 31, 10));
		used.add(segment("wiki", 40, 10));
		used.add(segment("wiki", 100, 10));

		CompactionStatus status = this.search.search(
				config("{\"dataSource\": \"wiki\", \"granularitySpec\": {\"segmentGranularity\": \"month\"}}"), used,
				List.of());

		// January and February 2024 (31 and 29 days) each become one month; April is within the skip offset
		assertThat(intervals(status.candidates())).containsExactly(days(31, 60), days(0, 31));
		assertThat(status.candidates().getFirst().segments()).hasSize(2);
	}

	// ---- the duty ----

	@Test
	void submitsTheNewestIntervalsAcrossDataSourcesUpToTheFreeSlots() {
		List<DataSegment> used = new ArrayList<>(twoPartitionDays("wiki", 0, 3));
		used.addAll(twoPartitionDays("koalas", 0, 4));
		CompactionConfig config = new CompactionConfig(List.of(config("{\"dataSource\": \"wiki\"}"),
				config("{\"dataSource\": \"koalas\", \"taskPriority\": 30, \"taskContext\": {\"note\": \"kept\"}}")),
				0.5, 3);
		TestingOverlordClient overlord = new TestingOverlordClient(10)
			.withActive(new OverlordClient.ActiveCompaction("running", "koalas", days(2, 3)));

		CompactSegments.Result result = new CompactSegments(overlord).run(config, used, NOW);

		assertThat(result.slots()).isEqualTo(3);
		assertThat(overlord.submitted()).hasSize(2);
		JsonNode first = JSON.readTree(overlord.submitted().get(0));
		JsonNode second = JSON.readTree(overlord.submitted().get(1));
		// koalas' day 2 is taken by the running task; wiki's day 2 is within its skip offset
		assertThat(interval(first)).isEqualTo(days(1, 2).toString());
		assertThat(first.path("dataSource").asString()).isEqualTo("koalas");
		assertThat(interval(second)).isEqualTo(days(1, 2).toString());
		assertThat(second.path("dataSource").asString()).isEqualTo("wiki");
		assertThat(result.submitted()).containsExactly(first.path("id").asString(), second.path("id").asString());
		assertThat(first.path("id").asString()).matches("coordinator-issued_compact_koalas_2024-06-01T00:00:00.000Z_[a-z]{8}");
		assertThat(first.path("context").toString()).isEqualTo("{\"note\":\"kept\",\"priority\":30}");
		assertThat(second.path("context").toString()).isEqualTo("{\"priority\":25}");
		assertThat(result.statuses().keySet()).containsExactly("koalas", "wiki");
		assertThat(result.statuses().get("koalas").skipped().intervals()).isEqualTo(2);
	}

	@Test
	void theSlotsAreTheRatioOfTheCapacityAtLeastOneAndAtMostTheMaximum() {
		CompactionConfig config = CompactionConfig.EMPTY;
		assertThat(config.taskSlots(0)).isEqualTo(1);
		assertThat(config.taskSlots(9)).isEqualTo(1);
		assertThat(config.taskSlots(25)).isEqualTo(2);
		assertThat(config.withSlots(0.5, 3).taskSlots(25)).isEqualTo(3);
		assertThat(config.withSlots(1, 0).taskSlots(25)).isZero();

		List<DataSegment> used = twoPartitionDays("wiki", 0, 6);
		CompactionConfig wiki = config.with(config("{\"dataSource\": \"wiki\"}"));
		TestingOverlordClient overlord = new TestingOverlordClient(20);
		assertThat(new CompactSegments(overlord).run(wiki, used, NOW).submitted()).hasSize(2);
		TestingOverlordClient busy = new TestingOverlordClient(20)
			.withActive(new OverlordClient.ActiveCompaction("a", "other", days(0, 1)))
			.withActive(new OverlordClient.ActiveCompaction("b", "other", days(1, 2)));
		assertThat(new CompactSegments(busy).run(wiki, used, NOW).submitted()).isEmpty();
		TestingOverlordClient off = new TestingOverlordClient(20);
		assertThat(new CompactSegments(off).run(wiki.withSlots(0.1, 0), used, NOW).submitted()).isEmpty();
	}

	@Test
	void withoutAnyConfigTheOverlordIsNotAsked() {
		TestingOverlordClient overlord = new TestingOverlordClient(4);

		assertThat(new CompactSegments(overlord).run(CompactionConfig.EMPTY, twoPartitionDays("wiki", 0, 3), NOW))
			.isEqualTo(CompactSegments.Result.NONE);
		assertThat(overlord.calls()).isZero();
	}

	@Test
	void theCompactTaskHasDruidsShape() {
		DataSourceCompactionConfig config = config("""
				{"dataSource": "wiki", "taskPriority": 40,
				 "tuningConfig": {"maxRowsInMemory": 1000, "partitionsSpec": {"type": "hashed", "numShards": 3, "partitionDimensions": ["page"]}},
				 "granularitySpec": {"segmentGranularity": "DAY"}, "ioConfig": {"dropExisting": true}}""");

		String task = new CompactTaskJson().write("the-id", config, days(0, 1));

		assertThat(task).isEqualTo("{\"type\":\"compact\",\"id\":\"the-id\",\"dataSource\":\"wiki\","
				+ "\"ioConfig\":{\"type\":\"compact\",\"inputSpec\":{\"type\":\"interval\","
				+ "\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\"},\"dropExisting\":true},"
				+ "\"tuningConfig\":{\"maxRowsInMemory\":1000,\"partitionsSpec\":{\"type\":\"hashed\",\"numShards\":3,"
				+ "\"partitionDimensions\":[\"page\"],\"partitionFunction\":\"murmur3_32_abs\",\"maxRowsPerSegment\":null},"
				+ "\"type\":\"index_parallel\",\"forceGuaranteedRollup\":true},"
				+ "\"granularitySpec\":{\"segmentGranularity\":\"DAY\"},\"context\":{\"priority\":40}}");
		// the config itself is not changed by building tasks from it
		assertThat(config.tuningConfig().has("type")).isFalse();
	}

	private DataSourceCompactionConfig config(String json) {
		return this.configJson.readDataSource(json);
	}

	/** Days {@code [from, to)}, each two partitions of 100 bytes. */
	private static List<DataSegment> twoPartitionDays(String dataSource, int from, int to) {
		List<DataSegment> segments = new ArrayList<>();
		for (int day = from; day < to; day++) {
			segments.add(segment(dataSource, day, "v1", 0, 2, 100));
			segments.add(segment(dataSource, day, "v1", 1, 2, 100));
		}
		return segments;
	}

	private static DataSegment compacted(DataSegment segment, String state) {
		return segment.withLastCompactionState(JSON.readTree(state));
	}

	private static List<Interval> intervals(List<CompactionCandidate> candidates) {
		return candidates.stream().map(CompactionCandidate::interval).toList();
	}

	private static String interval(JsonNode task) {
		return task.path("ioConfig").path("inputSpec").path("interval").asString();
	}

}
