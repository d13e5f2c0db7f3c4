package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.DynamicConfig;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.RuleOutcome;
import io.strata.node.coordinator.ServerState;
import io.strata.node.coordinator.balancer.CostBalancer;
import io.strata.node.coordinator.rule.Rule;
import io.strata.node.segment.DataSegment;
import io.strata.node.zk.LoadRequest.Action;
import io.strata.node.zk.NodeAnnouncement;
import org.junit.jupiter.api.Test;

import static io.strata.node.coordinator.duty.DutyFixtures.LARGE;
import static io.strata.node.coordinator.duty.DutyFixtures.NO_LIMITS;
import static io.strata.node.coordinator.duty.DutyFixtures.days;
import static io.strata.node.coordinator.duty.DutyFixtures.dropping;
import static io.strata.node.coordinator.duty.DutyFixtures.historical;
import static io.strata.node.coordinator.duty.DutyFixtures.loading;
import static io.strata.node.coordinator.duty.DutyFixtures.segment;
import static io.strata.node.coordinator.duty.DutyFixtures.server;
import static io.strata.node.coordinator.duty.DutyFixtures.tiers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunRules} on hand-built runs, writing to real load queues in an in-process ZooKeeper.
 * Each test reads back what was queued; the ServerState of a run is a snapshot, so a request the
 * snapshot shows as queued is not in ZooKeeper unless the duty wrote it again.
 */
class RunRulesTest extends LoadQueueDutyTest {

	private static final NodeAnnouncement HOT_1 = historical("hot-1:8083", "hot", LARGE);

	private static final NodeAnnouncement HOT_2 = historical("hot-2:8083", "hot", LARGE);

	private static final NodeAnnouncement HOT_3 = historical("hot-3:8083", "hot", LARGE);

	private static final NodeAnnouncement HOT_4 = historical("hot-4:8083", "hot", LARGE);

	private static final NodeAnnouncement COLD_1 = historical("cold-1:8083", "cold", LARGE);

	private static final NodeAnnouncement COLD_2 = historical("cold-2:8083", "cold", LARGE);

	/** Every segment not of wiki: one copy on hot. */
	private static final List<Rule> ONE_HOT_COPY = List.of(new Rule.LoadForever(tiers("hot", 1)));

	private RunRules runRules;

	@Override
	void newDuty(LoadQueuePeon peon) {
		this.runRules = new RunRules(peon, new CostBalancer());
	}

	@Test
	void aLoadRuleBringsEachNamedTierToItsReplicaCount() {
		DataSegment missing = segment("wiki", 10, 100);
		DataSegment complete = segment("wiki", 9, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(complete)), server(HOT_2, List.of(complete)),
				server(HOT_3, List.of()), server(COLD_1, List.of(complete)), server(COLD_2, List.of()));

		RuleOutcome outcome = this.runRules.run(run(List.of(missing, complete), servers,
				new Rule.LoadForever(tiers("hot", 2, "cold", 1))), new HashMap<>());

		assertThat(loadsOf(missing, HOT_1, HOT_2, HOT_3)).hasSize(2);
		assertThat(loadsOf(missing, COLD_1, COLD_2)).hasSize(1);
		assertThat(loadsOf(complete, HOT_1, HOT_2, HOT_3, COLD_1, COLD_2)).isEmpty();
		assertThat(dropsOn(HOT_1, HOT_2, HOT_3, COLD_1, COLD_2)).isEmpty();
		assertThat(outcome.assigned()).isEqualTo(3);
		assertThat(outcome.dropped()).isZero();
	}

	@Test
	void aNewCopyGoesToTheCheapestServerNotTheEmptiest() {
		// hot-1 holds the next day of wiki (a costly neighbour) and little else; hot-2 is fuller,
		// but only with another datasource's segment months away, which costs nothing
		DataSegment neighbour = segment("wiki", 11, 10);
		DataSegment farAway = segment("logs", 100, 1000);
		DataSegment missing = segment("wiki", 10, 10);
		NodeAnnouncement sparse = historical("hot-1:8083", "hot", 10_000);
		NodeAnnouncement fuller = historical("hot-2:8083", "hot", 10_000);

		this.runRules.run(run(List.of(neighbour, farAway, missing),
				List.of(server(sparse, List.of(neighbour)), server(fuller, List.of(farAway))), ONE_HOT_COPY.get(0)),
				new HashMap<>());

		assertThat(queued(sparse)).isEmpty();
		assertThat(queued(fuller)).containsExactly(Map.entry(missing.id().toString(), Action.LOAD));
	}

	@Test
	void aNewCopyNeverGoesWhereItWouldExceedMaxSize() {
		DataSegment sixty = segment("logs", 100, 60);
		DataSegment nineHundred = segment("logs", 130, 900);
		DataSegment fifty = segment("wiki", 10, 50);
		DataSegment tooLarge = segment("wiki", 20, 200);
		// the emptier server (and so the first choice) has 40 bytes left; the other 100
		NodeAnnouncement small = historical("hot-1:8083", "hot", 100);
		NodeAnnouncement big = historical("hot-2:8083", "hot", 1000);

		RuleOutcome outcome = this.runRules.run(run(List.of(sixty, nineHundred, fifty, tooLarge),
				List.of(server(small, List.of(sixty)), server(big, List.of(nineHundred))), ONE_HOT_COPY.get(0)),
				new HashMap<>());

		assertThat(queued(small)).isEmpty();
		assertThat(queued(big)).containsExactly(Map.entry(fifty.id().toString(), Action.LOAD));
		assertThat(outcome.assigned()).isEqualTo(1);
		assertThat(outcome.unavailable()).isEqualTo(2);
	}

	@Test
	void queuedAndJustPlannedLoadsCountAgainstMaxSize() {
		DataSegment queuedLoad = segment("wiki", 5, 60);
		DataSegment older = segment("wiki", 30, 30);
		DataSegment newer = segment("wiki", 31, 30);
		NodeAnnouncement only = historical("hot-1:8083", "hot", 100);

		RuleOutcome outcome = this.runRules.run(run(List.of(queuedLoad, older, newer),
				List.of(server(only, List.of(), List.of(loading(queuedLoad)))), ONE_HOT_COPY.get(0)), new HashMap<>());

		// 60 queued + 30 planned leave 10 bytes: the newest segment goes first, the older waits
		assertThat(queued(only)).containsExactly(Map.entry(newer.id().toString(), Action.LOAD));
		assertThat(outcome.assigned()).isEqualTo(1);
	}

	@Test
	void replicasBeyondTheFirstCopyAreThrottledButFirstCopiesAreNot() {
		DataSegment first = segment("wiki", 1, 100);
		DataSegment second = segment("wiki", 2, 100);
		DataSegment third = segment("wiki", 3, 100);
		DataSegment servedOnce = segment("wiki", 4, 100);
		List<DataSegment> used = List.of(first, second, third, servedOnce);
		List<ServerState> servers = List.of(server(HOT_1, List.of(servedOnce)), server(HOT_2, List.of()),
				server(HOT_3, List.of()));
		Rule twoHotCopies = new Rule.LoadForever(tiers("hot", 2));

		RuleOutcome oneReplica = this.runRules.run(run(used, servers, new DynamicConfig(100, 1), twoHotCopies),
				new HashMap<>());

		// newest first: servedOnce takes the one replica allowed; the others get their first copy only
		assertThat(oneReplica.assigned()).isEqualTo(4);
		assertThat(loadsOf(servedOnce, HOT_1, HOT_2, HOT_3)).hasSize(1);
		assertThat(loadsOf(third, HOT_1, HOT_2, HOT_3)).hasSize(1);
		assertThat(loadsOf(second, HOT_1, HOT_2, HOT_3)).hasSize(1);
		assertThat(loadsOf(first, HOT_1, HOT_2, HOT_3)).hasSize(1);

		emptyQueues();
		RuleOutcome noReplicas = this.runRules.run(run(used, servers, new DynamicConfig(100, 0), twoHotCopies),
				new HashMap<>());

		assertThat(noReplicas.assigned()).isEqualTo(3);
		assertThat(loadsOf(servedOnce, HOT_1, HOT_2, HOT_3)).isEmpty();
		for (DataSegment unserved : List.of(first, second, third)) {
			assertThat(loadsOf(unserved, HOT_1, HOT_2, HOT_3)).hasSize(1);
		}
	}

	@Test
	void surplusCopiesAreDroppedFromTheFullestServer() {
		DataSegment segment = segment("wiki", 10, 100);
		DataSegment filler = segment("logs", 100, 500);
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment, filler)),
				server(HOT_3, List.of(segment)));

		RuleOutcome outcome = this.runRules.run(run(List.of(segment, filler), servers,
				new Rule.LoadForever(tiers("hot", 2))), new HashMap<>());

		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).containsExactly(Map.entry(segment.id().toString(), Action.DROP));
		assertThat(queued(HOT_3)).isEmpty();
		assertThat(outcome.dropped()).isEqualTo(1);
	}

	@Test
	void surplusCopiesStayWhileALoadOfTheSegmentIsStillQueued() {
		DataSegment segment = segment("wiki", 10, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment)),
				server(HOT_3, List.of(segment)), server(HOT_4, List.of(), List.of(loading(segment))));

		RuleOutcome outcome = this.runRules.run(run(List.of(segment), servers, new Rule.LoadForever(tiers("hot", 2))),
				new HashMap<>());

		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(queued(HOT_3)).isEmpty();
		assertThat(queued(HOT_4)).isEmpty();
		assertThat(outcome.dropped()).isZero();
	}

	@Test
	void surplusCopiesStayUntilEveryTiersWantedCopiesAreServed() {
		DataSegment segment = segment("wiki", 10, 100);
		Rule hotAndCold = new Rule.LoadForever(tiers("hot", 1, "cold", 1));
		List<ServerState> coldLoading = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment)),
				server(COLD_1, List.of(), List.of(loading(segment))));

		RuleOutcome whileLoading = this.runRules.run(run(List.of(segment), coldLoading, hotAndCold), new HashMap<>());

		assertThat(whileLoading.dropped()).isZero();
		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(queued(COLD_1)).isEmpty();

		List<ServerState> coldServed = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment)),
				server(COLD_1, List.of(segment)));
		RuleOutcome onceServed = this.runRules.run(run(List.of(segment), coldServed, hotAndCold), new HashMap<>());

		assertThat(onceServed.dropped()).isEqualTo(1);
		assertThat(dropsOn(HOT_1, HOT_2)).hasSize(1);
		assertThat(queued(COLD_1)).isEmpty();
	}

	@Test
	void copiesOnTiersTheRuleDoesNotNameAreDroppedOnceTheNamedTiersServeIt() {
		DataSegment onBoth = segment("wiki", 10, 100);
		DataSegment onlyCold = segment("wiki", 11, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(onBoth)), server(HOT_2, List.of()),
				server(COLD_1, List.of(onBoth, onlyCold)));

		RuleOutcome outcome = this.runRules.run(run(List.of(onBoth, onlyCold), servers,
				new Rule.LoadForever(tiers("hot", 1))), new HashMap<>());

		// onlyCold keeps its cold copy, its only one, until hot serves it
		assertThat(queued(COLD_1)).containsExactly(Map.entry(onBoth.id().toString(), Action.DROP));
		assertThat(loadsOf(onlyCold, HOT_1, HOT_2)).hasSize(1);
		assertThat(loadsOf(onBoth, HOT_1, HOT_2)).isEmpty();
		assertThat(outcome.dropped()).isEqualTo(1);
		assertThat(outcome.assigned()).isEqualTo(1);
	}

	@Test
	void theCopyDroppedAfterAMoveIsTheOneOnTheServerTheBalancerMovedItFrom() {
		DataSegment segment = segment("wiki", 10, 100);
		DataSegment filler = segment("logs", 100, 500);
		// without the move, hot-2 (the fuller) would lose its copy
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment, filler)));
		Map<String, String> movingFrom = new HashMap<>(Map.of(segment.id().toString(), HOT_1.hostAndPort()));

		this.runRules.run(run(List.of(segment, filler), servers, ONE_HOT_COPY.get(0)), movingFrom);

		assertThat(queued(HOT_1)).containsExactly(Map.entry(segment.id().toString(), Action.DROP));
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(movingFrom).isEmpty();
	}

	@Test
	void theMovedFromCopyIsDroppedEvenWhenATierSortedBeforeItDropsACopyFirst() {
		DataSegment segment = segment("wiki", 10, 100);
		DataSegment filler = segment("logs", 100, 500);
		// "cold" is handled before "hot": its surplus copy must not make the move forgotten
		List<ServerState> servers = List.of(server(COLD_1, List.of(segment)), server(HOT_1, List.of(segment)),
				server(HOT_2, List.of(segment, filler)));
		Map<String, String> movingFrom = new HashMap<>(Map.of(segment.id().toString(), HOT_1.hostAndPort()));

		RuleOutcome outcome = this.runRules.run(run(List.of(segment, filler), servers, ONE_HOT_COPY.get(0)),
				movingFrom);

		assertThat(queued(COLD_1)).containsExactly(Map.entry(segment.id().toString(), Action.DROP));
		assertThat(queued(HOT_1)).containsExactly(Map.entry(segment.id().toString(), Action.DROP));
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(outcome.dropped()).isEqualTo(2);
		assertThat(movingFrom).isEmpty();
	}

	@Test
	void aMoveStillLoadingKeepsBothCopiesAndIsRemembered() {
		DataSegment segment = segment("wiki", 10, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment)),
				server(HOT_2, List.of(), List.of(loading(segment))));
		Map<String, String> movingFrom = new HashMap<>(Map.of(segment.id().toString(), HOT_1.hostAndPort()));

		this.runRules.run(run(List.of(segment), servers, ONE_HOT_COPY.get(0)), movingFrom);

		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(movingFrom).containsExactly(Map.entry(segment.id().toString(), HOT_1.hostAndPort()));
	}

	@Test
	void aDropRuleDropsEveryCopyServedOrLoadingButDoesNotRepeatADrop() {
		DataSegment segment = segment("wiki", 10, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(segment)), server(HOT_2, List.of(segment)),
				server(HOT_3, List.of(), List.of(loading(segment))),
				server(HOT_4, List.of(segment), List.of(dropping(segment))), server(COLD_1, List.of(segment)));

		RuleOutcome outcome = this.runRules.run(run(List.of(segment), servers, new Rule.DropForever()),
				new HashMap<>());

		Map.Entry<String, Action> drop = Map.entry(segment.id().toString(), Action.DROP);
		assertThat(queued(HOT_1)).containsExactly(drop);
		assertThat(queued(HOT_2)).containsExactly(drop);
		assertThat(queued(HOT_3)).containsExactly(drop);
		assertThat(queued(COLD_1)).containsExactly(drop);
		assertThat(queued(HOT_4)).isEmpty();
		assertThat(outcome.dropped()).isEqualTo(4);
		assertThat(outcome.assigned()).isZero();
		assertThat(outcome.loadTargets()).isEmpty();
		assertThat(outcome.unavailable()).isZero();
	}

	@Test
	void aSegmentNoRuleMatchesIsLeftAsItIs() {
		DataSegment overServed = segment("wiki", 10, 100);
		DataSegment unserved = segment("wiki", 11, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(overServed)), server(HOT_2, List.of(overServed)),
				server(COLD_1, List.of(overServed)));
		// the only rule covers days 100 to 101, and there are no default rules
		CoordinatorRun run = DutyFixtures.run(List.of(overServed, unserved), servers,
				Map.of("wiki", List.of(new Rule.LoadByInterval(days(100, 101), tiers("hot", 1)))), List.of(),
				NO_LIMITS);

		RuleOutcome outcome = this.runRules.run(run, new HashMap<>());

		assertThat(queued(HOT_1)).isEmpty();
		assertThat(queued(HOT_2)).isEmpty();
		assertThat(queued(COLD_1)).isEmpty();
		assertThat(outcome).isEqualTo(new RuleOutcome(Map.of(), Map.of(), Map.of(), 0, 0, 0));
	}

	@Test
	void countsTargetsLoadedUnderReplicatedAndUnavailableSegments() {
		DataSegment full = segment("wiki", 1, 100);
		DataSegment partial = segment("wiki", 2, 100);
		DataSegment missing = segment("wiki", 3, 100);
		DataSegment beingDropped = segment("wiki", 4, 100);
		DataSegment toDrop = segment("logs", 5, 100);
		DataSegment edits = segment("edits", 6, 100);
		DataSegment deepStorageOnly = segment("archive", 7, 100);
		List<ServerState> servers = List.of(server(HOT_1, List.of(full, partial, beingDropped), List.of(dropping(beingDropped))),
				server(HOT_2, List.of(full, edits)), server(HOT_3, List.of()));
		Map<String, List<Rule>> rules = Map.of("wiki", List.of(new Rule.LoadForever(tiers("hot", 2))), "logs",
				List.of(new Rule.DropForever()), "archive", List.of(new Rule.LoadForever(tiers())));
		CoordinatorRun run = DutyFixtures.run(List.of(full, partial, missing, beingDropped, toDrop, edits, deepStorageOnly),
				servers, rules, ONE_HOT_COPY, NO_LIMITS);

		RuleOutcome outcome = this.runRules.run(run, new HashMap<>());

		assertThat(outcome.loadTargets()).containsExactly(Map.entry("edits", 1), Map.entry("wiki", 4));
		assertThat(outcome.loaded()).containsExactly(Map.entry("edits", 1), Map.entry("wiki", 2));
		assertThat(outcome.underReplicated()).containsExactly(Map.entry("hot", Map.of("wiki", 3)));
		assertThat(outcome.underReplicatedCount()).isEqualTo(3);
		// missing and beingDropped: a copy with a drop queued no longer counts as served
		assertThat(outcome.unavailable()).isEqualTo(2);
		// partial one more copy, missing two, beingDropped two away from hot-1
		assertThat(outcome.assigned()).isEqualTo(5);
		assertThat(loadsOf(beingDropped, HOT_1, HOT_2, HOT_3)).containsExactlyInAnyOrder(HOT_2.hostAndPort(),
				HOT_3.hostAndPort());
		assertThat(outcome.dropped()).isZero();
		assertThat(loadsOf(deepStorageOnly, HOT_1, HOT_2, HOT_3)).isEmpty();
	}

	private static CoordinatorRun run(List<DataSegment> used, List<ServerState> servers, Rule wikiRule) {
		return run(used, servers, NO_LIMITS, wikiRule);
	}

	private static CoordinatorRun run(List<DataSegment> used, List<ServerState> servers, DynamicConfig config,
			Rule wikiRule) {
		return DutyFixtures.run(used, servers, Map.of("wiki", List.of(wikiRule)), ONE_HOT_COPY, config);
	}

	private Map<String, Action> queued(NodeAnnouncement server) {
		return ZooKeeperLoadQueues.actions(this.peon, server.hostAndPort());
	}

	/** The servers with a load of the segment queued. */
	private List<String> loadsOf(DataSegment segment, NodeAnnouncement... servers) {
		List<String> loading = new ArrayList<>();
		for (NodeAnnouncement server : servers) {
			if (queued(server).get(segment.id().toString()) == Action.LOAD) {
				loading.add(server.hostAndPort());
			}
		}
		return loading;
	}

	/** Every drop queued on the servers, as server to segment ids. */
	private Map<String, List<String>> dropsOn(NodeAnnouncement... servers) {
		Map<String, List<String>> drops = new TreeMap<>();
		for (NodeAnnouncement server : servers) {
			queued(server).forEach((id, action) -> {
				if (action == Action.DROP) {
					drops.computeIfAbsent(server.hostAndPort(), name -> new ArrayList<>()).add(id);
				}
			});
		}
		return drops;
	}

}
