package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.DynamicConfig;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.ServerState;
import io.strata.node.coordinator.balancer.CostBalancer;
import io.strata.node.segment.DataSegment;
import io.strata.node.zk.LoadRequest.Action;
import io.strata.node.zk.NodeAnnouncement;
import org.junit.jupiter.api.Test;

import static io.strata.node.coordinator.duty.DutyFixtures.LARGE;
import static io.strata.node.coordinator.duty.DutyFixtures.NO_LIMITS;
import static io.strata.node.coordinator.duty.DutyFixtures.historical;
import static io.strata.node.coordinator.duty.DutyFixtures.loading;
import static io.strata.node.coordinator.duty.DutyFixtures.segment;
import static io.strata.node.coordinator.duty.DutyFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link BalanceSegments} on hand-built runs, writing to real load queues in an in-process ZooKeeper. */
class BalanceSegmentsTest extends LoadQueueDutyTest {

	private static final NodeAnnouncement HOT_1 = historical("hot-1:8083", "hot", LARGE);

	private static final NodeAnnouncement HOT_2 = historical("hot-2:8083", "hot", LARGE);

	private static final NodeAnnouncement COLD_1 = historical("cold-1:8083", "cold", LARGE);

	private static final NodeAnnouncement COLD_2 = historical("cold-2:8083", "cold", LARGE);

	private BalanceSegments balance;

	@Override
	void newDuty(LoadQueuePeon peon) {
		this.balance = new BalanceSegments(peon, new CostBalancer());
	}

	@Test
	void movesSegmentsFromALoadedServerToAnEmptyOneOfTheSameTierAndRecordsWhereFrom() {
		List<DataSegment> days = days("wiki", 0, 4);
		Map<String, String> movingFrom = new HashMap<>();

		int moved = this.balance.run(run(days, new DynamicConfig(10, 10), server(HOT_1, days), server(HOT_2, List.of())),
				movingFrom);

		assertThat(moved).isPositive();
		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).hasSize(moved).containsOnlyKeys(movingFrom.keySet()).allSatisfy(
				(id, action) -> assertThat(action).isEqualTo(Action.LOAD));
		assertThat(movingFrom).hasSize(moved).allSatisfy((id, from) -> assertThat(from).isEqualTo(HOT_1.hostAndPort()));
	}

	@Test
	void movesAtMostMaxSegmentsToMovePerTier() {
		List<DataSegment> hotDays = days("wiki", 0, 10);
		List<DataSegment> coldDays = days("logs", 0, 10);
		List<DataSegment> used = new ArrayList<>(hotDays);
		used.addAll(coldDays);
		Map<String, String> movingFrom = new HashMap<>();

		int moved = this.balance.run(run(used, new DynamicConfig(2, 10), server(HOT_1, hotDays),
				server(HOT_2, List.of()), server(COLD_1, coldDays), server(COLD_2, List.of())), movingFrom);

		assertThat(moved).isEqualTo(4);
		assertThat(queued(HOT_2)).hasSize(2);
		assertThat(queued(COLD_2)).hasSize(2);
		assertThat(movingFrom).hasSize(4);
	}

	@Test
	void leavesATierWithQueuedRequestsAlone() {
		List<DataSegment> hotDays = days("wiki", 0, 4);
		List<DataSegment> coldDays = days("logs", 0, 4);
		DataSegment stillLoading = segment("wiki", 50, 100);
		List<DataSegment> used = new ArrayList<>(hotDays);
		used.addAll(coldDays);
		used.add(stillLoading);
		Map<String, String> movingFrom = new HashMap<>();

		int moved = this.balance.run(run(used, NO_LIMITS, server(HOT_1, hotDays),
				server(HOT_2, List.of(), List.of(loading(stillLoading))), server(COLD_1, coldDays),
				server(COLD_2, List.of())), movingFrom);

		assertThat(moved).isPositive();
		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(queued(COLD_2)).hasSize(moved);
		assertThat(movingFrom).hasSize(moved).allSatisfy((id, from) -> assertThat(from).isEqualTo(COLD_1.hostAndPort()));
	}

	@Test
	void movesNothingWhenMaxSegmentsToMoveIsZero() {
		List<DataSegment> days = days("wiki", 0, 4);
		Map<String, String> movingFrom = new HashMap<>();

		int moved = this.balance.run(run(days, new DynamicConfig(0, 10), server(HOT_1, days), server(HOT_2, List.of())),
				movingFrom);

		assertThat(moved).isZero();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(movingFrom).isEmpty();
	}

	@Test
	void movesNothingAcrossTiers() {
		List<DataSegment> days = days("wiki", 0, 4);
		Map<String, String> movingFrom = new HashMap<>();

		int moved = this.balance.run(run(days, NO_LIMITS, server(HOT_1, days), server(COLD_1, List.of())), movingFrom);

		assertThat(moved).isZero();
		assertThat(queued(COLD_1)).isEmpty();
		assertThat(movingFrom).isEmpty();
	}

	@Test
	void movesNeitherSegmentsAlreadyMovingNorUnusedOnes() {
		List<DataSegment> days = days("wiki", 0, 4);
		Map<String, String> movingFrom = new HashMap<>();
		movingFrom.put(days.get(0).id().toString(), HOT_1.hostAndPort());
		movingFrom.put(days.get(1).id().toString(), HOT_1.hostAndPort());
		// days 2 and 3 are served but no longer used
		List<DataSegment> used = days.subList(0, 2);

		int moved = this.balance.run(run(used, NO_LIMITS, server(HOT_1, days), server(HOT_2, List.of())), movingFrom);

		assertThat(moved).isZero();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(movingFrom).hasSize(2);
	}

	private static List<DataSegment> days(String dataSource, int fromDay, int toDay) {
		List<DataSegment> segments = new ArrayList<>();
		for (int day = fromDay; day < toDay; day++) {
			segments.add(segment(dataSource, day, 100));
		}
		return segments;
	}

	private static CoordinatorRun run(List<DataSegment> used, DynamicConfig config, ServerState... servers) {
		return DutyFixtures.run(used, List.of(servers), Map.of(), List.of(), config);
	}

	private Map<String, Action> queued(NodeAnnouncement server) {
		return ZooKeeperLoadQueues.actions(this.peon, server.hostAndPort());
	}

}
