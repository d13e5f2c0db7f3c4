package io.strata.node.coordinator.duty;

import java.util.List;
import java.util.Map;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.ServerState;
import io.strata.node.segment.DataSegment;
import io.strata.node.zk.LoadRequest.Action;
import io.strata.node.zk.NodeAnnouncement;
import org.junit.jupiter.api.Test;

import static io.strata.node.coordinator.duty.DutyFixtures.LARGE;
import static io.strata.node.coordinator.duty.DutyFixtures.NO_LIMITS;
import static io.strata.node.coordinator.duty.DutyFixtures.dropping;
import static io.strata.node.coordinator.duty.DutyFixtures.historical;
import static io.strata.node.coordinator.duty.DutyFixtures.loading;
import static io.strata.node.coordinator.duty.DutyFixtures.segment;
import static io.strata.node.coordinator.duty.DutyFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link DropUnusedSegments} on hand-built runs, writing to real load queues in an in-process ZooKeeper. */
class DropUnusedSegmentsTest extends LoadQueueDutyTest {

	private static final NodeAnnouncement HOT_1 = historical("hot-1:8083", "hot", LARGE);

	private static final NodeAnnouncement COLD_1 = historical("cold-1:8083", "cold", LARGE);

	private DropUnusedSegments dropUnused;

	@Override
	void newDuty(LoadQueuePeon peon) {
		this.dropUnused = new DropUnusedSegments(peon);
	}

	@Test
	void dropsEveryServedCopyOfASegmentThatIsNotUsed() {
		DataSegment used = segment("wiki", 1, 100);
		DataSegment unused = segment("wiki", 2, 100);
		DataSegment unusedLoading = segment("wiki", 3, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(used, unused)),
				server(COLD_1, List.of(unused, unusedLoading, used), List.of(loading(unusedLoading))));

		int dropped = this.dropUnused.run(run(List.of(used), List.of("wiki"), servers));

		assertThat(dropped).isEqualTo(3);
		assertThat(queued(HOT_1)).containsExactly(Map.entry(unused.id().toString(), Action.DROP));
		assertThat(queued(COLD_1)).containsExactly(Map.entry(unused.id().toString(), Action.DROP),
				Map.entry(unusedLoading.id().toString(), Action.DROP));
	}

	@Test
	void neverDropsSegmentsOfADataSourceTheMetadataStoreDoesNotKnow() {
		DataSegment wiki = segment("wiki", 1, 100);
		DataSegment logs = segment("logs", 1, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(wiki, logs)), server(COLD_1, List.of(logs)));

		// logs has no row at all: a metadata store that lost it, or the wrong one
		int dropped = this.dropUnused.run(run(List.of(), List.of("wiki"), servers));

		assertThat(dropped).isEqualTo(1);
		assertThat(queued(HOT_1)).containsExactly(Map.entry(wiki.id().toString(), Action.DROP));
		assertThat(queued(COLD_1)).isEmpty();
	}

	@Test
	void anEmptyMetadataStoreDropsNothing() {
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment("wiki", 1, 100), segment("logs", 2, 100))),
				server(COLD_1, List.of(segment("wiki", 1, 100))));

		int dropped = this.dropUnused.run(run(List.of(), List.of(), servers));

		assertThat(dropped).isZero();
		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(COLD_1)).isEmpty();
	}

	@Test
	void aDropAlreadyQueuedIsNotQueuedAgain() {
		DataSegment unused = segment("wiki", 2, 100);
		// the snapshot still shows the drop the historical has since done and removed
		List<ServerState> servers = List.of(server(HOT_1, List.of(unused), List.of(dropping(unused))));

		int dropped = this.dropUnused.run(run(List.of(segment("wiki", 1, 100)), List.of("wiki"), servers));

		assertThat(dropped).isZero();
		assertThat(queued(HOT_1)).isEmpty();
	}

	private static CoordinatorRun run(List<DataSegment> used, List<String> known, List<ServerState> servers) {
		return DutyFixtures.run(used, known, servers, Map.of(), List.of(), NO_LIMITS);
	}

	private Map<String, Action> queued(NodeAnnouncement server) {
		return ZooKeeperLoadQueues.actions(this.peon, server.hostAndPort());
	}

}
