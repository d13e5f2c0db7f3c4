package io.strata.node.coordinator.duty;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.ServerState;
import io.strata.node.segment.DataSegment;
import io.strata.node.testing.TestingSegmentsMetadata;
import io.strata.node.zk.NodeAnnouncement;
import org.junit.jupiter.api.Test;

import static io.strata.node.coordinator.duty.DutyFixtures.LARGE;
import static io.strata.node.coordinator.duty.DutyFixtures.NO_LIMITS;
import static io.strata.node.coordinator.duty.DutyFixtures.days;
import static io.strata.node.coordinator.duty.DutyFixtures.historical;
import static io.strata.node.coordinator.duty.DutyFixtures.ids;
import static io.strata.node.coordinator.duty.DutyFixtures.segment;
import static io.strata.node.coordinator.duty.DutyFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link MarkOvershadowedSegmentsUnused} on hand-built runs over an in-memory segments table. */
class MarkOvershadowedSegmentsUnusedTest {

	private static final NodeAnnouncement HOT_1 = historical("hot-1:8083", "hot", LARGE);

	private static final NodeAnnouncement HOT_2 = historical("hot-2:8083", "hot", LARGE);

	private final TestingSegmentsMetadata metadata = new TestingSegmentsMetadata();

	private final MarkOvershadowedSegmentsUnused markOvershadowed = new MarkOvershadowedSegmentsUnused(this.metadata);

	private final DataSegment old = segment("wiki", 1, "v1", 0, 1, 100);

	private final DataSegment newFirst = segment("wiki", 1, "v2", 0, 2, 100);

	private final DataSegment newSecond = segment("wiki", 1, "v2", 1, 2, 100);

	@Test
	void aServedSegmentIsMarkedOnlyOnceTheWholeNewerBlockIsServed() {
		this.metadata.insert(List.of(this.old, this.newFirst, this.newSecond));

		Set<String> halfServed = this.markOvershadowed.run(run(server(HOT_1, List.of(this.old)),
				server(HOT_2, List.of(this.newFirst))));

		assertThat(halfServed).isEmpty();
		assertThat(this.metadata.usedSegments()).containsExactly(this.old, this.newFirst, this.newSecond);

		Set<String> allServed = this.markOvershadowed.run(run(server(HOT_1, List.of(this.old, this.newSecond)),
				server(HOT_2, List.of(this.newFirst))));

		assertThat(allServed).containsExactlyElementsOf(ids(this.old));
		assertThat(this.metadata.usedSegments()).containsExactly(this.newFirst, this.newSecond);
		assertThat(this.metadata.unusedSegments("wiki")).containsExactly(this.old);
	}

	@Test
	void anUnservedSegmentIsMarkedWhenACompleteNewerBlockExistsServedOrNot() {
		this.metadata.insert(List.of(this.old, this.newFirst, this.newSecond));

		Set<String> marked = this.markOvershadowed.run(run(server(HOT_1, List.of(this.newFirst))));

		assertThat(marked).containsExactlyElementsOf(ids(this.old));
		assertThat(this.metadata.usedSegments()).containsExactly(this.newFirst, this.newSecond);
	}

	@Test
	void anIncompleteNewerBlockMarksNothing() {
		this.metadata.insert(List.of(this.old, this.newFirst));

		Set<String> marked = this.markOvershadowed.run(run(server(HOT_1, List.of(this.newFirst))));

		assertThat(marked).isEmpty();
		assertThat(this.metadata.usedSegments()).containsExactly(this.old, this.newFirst);
	}

	@Test
	void aNewerBlockCoveringPartOfTheIntervalMarksNothing() {
		DataSegment twoDays = segment("wiki", days(1, 3), "v1", 0, 1, 100);
		DataSegment firstDay = segment("wiki", days(1, 2), "v2", 0, 1, 100);
		this.metadata.insert(List.of(twoDays, firstDay));

		Set<String> served = this.markOvershadowed.run(run(server(HOT_1, List.of(twoDays, firstDay))));
		Set<String> unserved = this.markOvershadowed.run(run());

		assertThat(served).isEmpty();
		assertThat(unserved).isEmpty();
		assertThat(this.metadata.usedSegments()).containsExactly(firstDay, twoDays);
	}

	@Test
	void aSegmentWithAnInconsistentCorePartitionCountIsSkippedAndTheRestMarked() {
		// v2 of day 1: partition 1 claims 3 core partitions where partition 0 claims 2
		DataSegment inconsistent = segment("wiki", 1, "v2", 1, 3, 100);
		DataSegment otherOld = segment("wiki", 5, "v1", 0, 1, 100);
		DataSegment otherNew = segment("wiki", 5, "v2", 0, 1, 100);
		this.metadata.insert(List.of(this.old, this.newFirst, inconsistent, otherOld, otherNew));

		Set<String> marked = this.markOvershadowed.run(run(server(HOT_1, List.of(this.old, this.newFirst,
				inconsistent, otherOld, otherNew))));

		assertThat(marked).containsExactlyElementsOf(ids(otherOld));
		assertThat(this.metadata.usedSegments()).containsExactly(this.old, this.newFirst, inconsistent, otherNew);
	}

	private CoordinatorRun run(ServerState... servers) {
		return DutyFixtures.run(this.metadata.usedSegments(), this.metadata.dataSources(true), List.of(servers),
				Map.of(), List.of(), NO_LIMITS);
	}

}
