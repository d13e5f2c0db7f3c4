package io.strata.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Druid's timeline rules one at a time: versions, partial covers, completeness, extras,
 * removal, overshadowing and clipping. {@link SegmentTimelineOracleTest} checks the same rules
 * on random timelines.
 */
class SegmentTimelineTest {

	private static final String DATA_SOURCE = "usage";

	private static final long HOUR_MILLIS = 3_600_000L;

	private final SegmentTimeline<String> timeline = new SegmentTimeline<>(DATA_SOURCE);

	@Test
	void singleVersionShowsOneChunkPerInterval() {
		add("2026-01-01/2026-01-02", "v1", 0, 2);
		add("2026-01-01/2026-01-02", "v1", 1, 2);
		add("2026-01-02/2026-01-03", "v1", 0, 1);

		assertThat(shown(this.timeline.visible())).containsExactly(
				chunk("2026-01-01/2026-01-02", "v1", 0, 1), chunk("2026-01-02/2026-01-03", "v1", 0));
		assertThat(this.timeline.overshadowed()).isEmpty();
		assertThat(this.timeline.isEmpty()).isFalse();
	}

	@Test
	void newerVersionReplacesOlderCompletely() {
		add("2026-01-01/2026-01-02", "v1", 0, 2);
		add("2026-01-01/2026-01-02", "v1", 1, 2);
		add("2026-01-01/2026-01-02", "v2", 0, 1);

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v2", 0));
		assertThat(this.timeline.overshadowed()).containsExactly(id("2026-01-01/2026-01-02", "v1", 0),
				id("2026-01-01/2026-01-02", "v1", 1));
	}

	@Test
	void dayReindexReplacesHourSegments() {
		long dayStart = Interval.parse("2026-01-01/2026-01-02").startMillis();
		for (int hour = 0; hour < 24; hour++) {
			add(Interval.of(dayStart + hour * HOUR_MILLIS, dayStart + (hour + 1) * HOUR_MILLIS), "v1", 0, 1);
		}
		add("2026-01-01/2026-01-02", "v2", 0, 1);

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v2", 0));
		assertThat(this.timeline.overshadowed()).hasSize(24).isSorted();
	}

	@Test
	void newerVersionCoveringPartSplitsTheOlderChunk() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 0, 1);

		assertThat(shown(this.timeline.visible())).containsExactly(
				chunk("2026-01-01T00:00:00Z/2026-01-01T06:00:00Z", "v1", 0),
				chunk("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 0),
				chunk("2026-01-01T12:00:00Z/2026-01-02T00:00:00Z", "v1", 0));
	}

	@Test
	void monthReindexOverDaysWithAnOlderMonthBeneath() {
		add("2026-01-01/2026-02-01", "v1", 0, 1);
		add("2026-01-10/2026-01-11", "v2", 0, 1);
		add("2026-01-20/2026-01-21", "v3", 0, 1);
		add("2026-01-15/2026-02-01", "v2", 0, 1);

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-10", "v1", 0),
				chunk("2026-01-10/2026-01-11", "v2", 0), chunk("2026-01-11/2026-01-15", "v1", 0),
				chunk("2026-01-15/2026-01-20", "v2", 0), chunk("2026-01-20/2026-01-21", "v3", 0),
				chunk("2026-01-21/2026-02-01", "v2", 0));
		assertThat(this.timeline.overshadowed()).isEmpty();
	}

	@Test
	void incompleteNewerBlockStaysInvisibleUntilItsLastCorePartition() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-01/2026-01-02", "v2", 0, 3);
		add("2026-01-01/2026-01-02", "v2", 2, 3);

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0));
		assertThat(this.timeline.overshadowed()).isEmpty();

		add("2026-01-01/2026-01-02", "v2", 1, 3);

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v2", 0, 1, 2));
		assertThat(this.timeline.overshadowed()).containsExactly(id("2026-01-01/2026-01-02", "v1", 0));
	}

	@Test
	void extraPartitionsAreShownButDoNotCompleteABlock() {
		add("2026-01-01/2026-01-02", "v1", 3, 2);
		add("2026-01-01/2026-01-02", "v1", 2, 2);
		assertThat(this.timeline.visible()).isEmpty();

		add("2026-01-01/2026-01-02", "v1", 0, 2);
		add("2026-01-01/2026-01-02", "v1", 1, 2);
		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0, 1, 2, 3));

		add("2026-01-01/2026-01-02", "v1", 7, 2);
		assertThat(shown(this.timeline.visible())).containsExactly(
				chunk("2026-01-01/2026-01-02", "v1", 0, 1, 2, 3, 7));
	}

	@Test
	void noCoreCountMakesAnyPartitionComplete() {
		add("2026-01-01/2026-01-02", "v1", 5, 0);
		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 5));

		add("2026-01-01/2026-01-02", "v2", 3, 0);
		add("2026-01-01/2026-01-02", "v2", 1, 0);
		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v2", 1, 3));
		assertThat(this.timeline.overshadowed()).containsExactly(id("2026-01-01/2026-01-02", "v1", 5));
	}

	@Test
	void removingTheNewerVersionMakesTheOlderVisibleAgainInOneChunk() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 0, 2);
		add("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 1, 2);
		assertThat(this.timeline.visible()).hasSize(3);

		assertThat(this.timeline.remove(id("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 1))).isTrue();

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0));
		assertThat(this.timeline.remove(id("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 1))).isFalse();

		assertThat(this.timeline.remove(id("2026-01-01T06:00:00Z/2026-01-01T12:00:00Z", "v2", 0))).isTrue();
		assertThat(this.timeline.remove(id("2026-01-01/2026-01-02", "v1", 0))).isTrue();
		assertThat(this.timeline.visible()).isEmpty();
		assertThat(this.timeline.isEmpty()).isTrue();
	}

	@Test
	void removingTheOverlayOfAFullCoverBringsTheOlderBack() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-01/2026-01-02", "v2", 0, 1);
		this.timeline.remove(id("2026-01-01/2026-01-02", "v2", 0));

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0));
		assertThat(this.timeline.overshadowed()).isEmpty();
	}

	@Test
	void overshadowedNeedsFullCoverByCompleteStrictlyNewerBlocks() {
		// full cover by two adjacent newer segments
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-01T00:00:00Z/2026-01-01T12:00:00Z", "v2", 0, 1);
		add("2026-01-01T12:00:00Z/2026-01-02T00:00:00Z", "v3", 0, 1);
		// partial cover
		add("2026-01-02/2026-01-03", "v1", 0, 1);
		add("2026-01-02T00:00:00Z/2026-01-02T23:00:00Z", "v2", 0, 1);
		// cover by a newer block that is incomplete
		add("2026-01-03/2026-01-04", "v1", 0, 1);
		add("2026-01-03/2026-01-04", "v2", 1, 2);
		// same version, different interval
		add("2026-01-04/2026-01-05", "v1", 0, 1);
		add("2026-01-04/2026-01-06", "v1", 0, 1);
		// full cover by two newer segments with a gap between them
		add("2026-01-07/2026-01-08", "v1", 0, 1);
		add("2026-01-07T00:00:00Z/2026-01-07T12:00:00Z", "v2", 0, 1);
		add("2026-01-07T13:00:00Z/2026-01-08T00:00:00Z", "v2", 0, 1);

		assertThat(this.timeline.overshadowed()).containsExactly(id("2026-01-01/2026-01-02", "v1", 0));
	}

	@Test
	void incompleteBlockIsOvershadowedWhenNewerCompleteBlocksCoverIt() {
		add("2026-01-01/2026-01-02", "v1", 0, 2);
		add("2026-01-01/2026-01-02", "v2", 0, 1);

		assertThat(this.timeline.overshadowed()).containsExactly(id("2026-01-01/2026-01-02", "v1", 0));
	}

	@Test
	void lookupClipsChunksToTheQueryInterval() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		add("2026-01-02/2026-01-03", "v1", 0, 1);
		add("2026-01-05/2026-01-06", "v1", 0, 1);

		assertThat(shown(this.timeline.lookup(Interval.parse("2026-01-01T12:00:00Z/2026-01-02T06:00:00Z"))))
			.containsExactly(chunk("2026-01-01T12:00:00Z/2026-01-02T00:00:00Z", "v1", 0),
					chunk("2026-01-02T00:00:00Z/2026-01-02T06:00:00Z", "v1", 0));
		assertThat(shown(this.timeline.lookup(Interval.parse("2026-01-02T12:00:00Z/2026-01-05T06:00:00Z"))))
			.containsExactly(chunk("2026-01-02T12:00:00Z/2026-01-03T00:00:00Z", "v1", 0),
					chunk("2026-01-05T00:00:00Z/2026-01-05T06:00:00Z", "v1", 0));
		assertThat(this.timeline.lookup(Interval.parse("2026-01-03/2026-01-05"))).isEmpty();
		assertThat(this.timeline.lookup(Interval.parse("2026-01-01T05:00:00Z/2026-01-01T05:00:00Z"))).isEmpty();
		assertThat(shown(this.timeline.lookup(Interval.ETERNITY))).containsExactly(
				chunk("2026-01-01/2026-01-02", "v1", 0), chunk("2026-01-02/2026-01-03", "v1", 0),
				chunk("2026-01-05/2026-01-06", "v1", 0));
	}

	@Test
	void aChunkIsTheVisiblePartOfItsBlockEvenWhenLookedUpAcrossACut() {
		add("2026-01-01/2026-01-03", "v1", 0, 1);
		add("2026-01-02/2026-01-03", "v2", 0, 1);

		assertThat(shown(this.timeline.lookup(Interval.parse("2025-12-31/2026-01-02T12:00:00Z")))).containsExactly(
				chunk("2026-01-01/2026-01-02", "v1", 0), chunk("2026-01-02T00:00:00Z/2026-01-02T12:00:00Z", "v2", 0));
	}

	@Test
	void eternitySegmentsAreHeld() {
		this.timeline.add(new SegmentId(DATA_SOURCE, Interval.ETERNITY, "v1", 0), 1, "all");
		add("2026-01-01/2026-01-02", "v2", 0, 1);

		List<TimelineChunk<String>> visible = this.timeline.visible();
		assertThat(visible).extracting(TimelineChunk::version).containsExactly("v1", "v2", "v1");
		assertThat(visible.get(0).interval().startMillis()).isEqualTo(Interval.ETERNITY.startMillis());
		assertThat(visible.get(2).interval().endMillis()).isEqualTo(Interval.ETERNITY.endMillis());
	}

	@Test
	void addingTheSameIdAgainReplacesItsPayload() {
		SegmentId id = id("2026-01-01/2026-01-02", "v1", 0);
		this.timeline.add(id, 1, "first");
		this.timeline.add(id, 1, "second");

		assertThat(this.timeline.all()).singleElement()
			.isEqualTo(new TimelineSegment<>(id, 1, "second"));
		assertThat(this.timeline.visible().get(0).partitions()).extracting(TimelineSegment::payload)
			.containsExactly("second");
	}

	@Test
	void theOnlySegmentOfABlockMayChangeItsCoreCount() {
		SegmentId id = id("2026-01-01/2026-01-02", "v1", 0);
		this.timeline.add(id, 2, "first");
		assertThat(this.timeline.visible()).isEmpty();

		this.timeline.add(id, 1, "second");

		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0));
	}

	@Test
	void aSegmentDisagreeingWithItsBlockOnTheCoreCountIsRefused() {
		add("2026-01-01/2026-01-02", "v1", 0, 2);

		assertThatThrownBy(() -> add("2026-01-01/2026-01-02", "v1", 1, 3))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.hasMessageContaining("corePartitions[3]")
			.hasMessageContaining("[2]");
		assertThat(this.timeline.all()).hasSize(1);
	}

	@Test
	void segmentsOfAnotherDataSourceOrOfAnEmptyIntervalAreRefused() {
		SegmentId foreign = new SegmentId("other", Interval.parse("2026-01-01/2026-01-02"), "v1", 0);
		assertThatThrownBy(() -> this.timeline.add(foreign, 1, "x")).isInstanceOf(StrataException.class)
			.hasMessageContaining("dataSource[usage]");

		SegmentId empty = new SegmentId(DATA_SOURCE, Interval.of(5, 5), "v1", 0);
		assertThatThrownBy(() -> this.timeline.add(empty, 1, "x")).isInstanceOf(StrataException.class)
			.hasMessageContaining("empty");
		assertThat(this.timeline.isEmpty()).isTrue();
		assertThat(this.timeline.remove(foreign)).isFalse();
	}

	@Test
	void returnedChunksAreSnapshots() {
		add("2026-01-01/2026-01-02", "v1", 0, 1);
		List<TimelineChunk<String>> before = this.timeline.visible();

		add("2026-01-01/2026-01-02", "v1", 1, 1);

		assertThat(shown(before)).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0));
		assertThat(shown(this.timeline.visible())).containsExactly(chunk("2026-01-01/2026-01-02", "v1", 0, 1));
	}

	private void add(String interval, String version, int partitionNum, int corePartitions) {
		add(Interval.parse(interval), version, partitionNum, corePartitions);
	}

	private void add(Interval interval, String version, int partitionNum, int corePartitions) {
		SegmentId id = new SegmentId(DATA_SOURCE, interval, version, partitionNum);
		this.timeline.add(id, corePartitions, id.toString());
	}

	private static SegmentId id(String interval, String version, int partitionNum) {
		return new SegmentId(DATA_SOURCE, Interval.parse(interval), version, partitionNum);
	}

	/** A chunk as text: its interval, version and partition numbers. */
	private static String chunk(String interval, String version, int... partitionNums) {
		List<Integer> numbers = new ArrayList<>();
		for (int partitionNum : partitionNums) {
			numbers.add(partitionNum);
		}
		return Interval.parse(interval) + " " + version + " " + numbers;
	}

	private static List<String> shown(List<TimelineChunk<String>> chunks) {
		List<String> result = new ArrayList<>();
		for (TimelineChunk<String> chunk : chunks) {
			List<Integer> numbers = new ArrayList<>();
			for (TimelineSegment<String> segment : chunk.partitions()) {
				assertThat(segment.id().version()).isEqualTo(chunk.version());
				assertThat(segment.id().interval().contains(chunk.interval())).isTrue();
				numbers.add(segment.id().partitionNum());
			}
			result.add(chunk.interval() + " " + chunk.version() + " " + numbers);
		}
		return result;
	}

}
