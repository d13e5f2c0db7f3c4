package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.RuleOutcome;
import io.strata.node.coordinator.ServerState;
import io.strata.node.coordinator.balancer.CostBalancer;
import io.strata.node.coordinator.balancer.SegmentRef;
import io.strata.node.coordinator.balancer.ServerLoad;
import io.strata.node.coordinator.rule.Rule;
import io.strata.node.coordinator.rule.RuleSet;
import io.strata.node.segment.DataSegment;

/**
 * Applies each used segment's first matching rule. A load rule gets every named tier to its
 * replica count: missing copies go to the cheapest server of the tier (cost balancer, with room
 * left), replicas beyond a segment's first copy throttled per tier and run; surplus copies (and
 * copies on tiers the rule does not name) are dropped, but only once the wanted copies are
 * served, so a segment never loses its last copy to a move. A drop rule drops every copy. A
 * segment no rule matches is left as it is.
 */
public final class RunRules {

	private final LoadQueuePeon peon;

	private final CostBalancer balancer;

	public RunRules(LoadQueuePeon peon, CostBalancer balancer) {
		this.peon = peon;
		this.balancer = balancer;
	}

	/**
	 * @param movingFrom segments being moved by the balancer, to the server they leave: that copy is
	 * the one dropped once the new one is served
	 */
	public RuleOutcome run(CoordinatorRun run, Map<String, String> movingFrom) {
		Map<String, List<ServerState>> tiers = run.serversByTier();
		Map<String, Map<String, List<SegmentRef>>> planned = new TreeMap<>();
		tiers.forEach((tier, servers) -> {
			Map<String, List<SegmentRef>> byServer = new TreeMap<>();
			for (ServerState server : servers) {
				List<SegmentRef> refs = new ArrayList<>();
				server.served().values().forEach(s -> refs.add(ref(s)));
				server.queued().values().forEach(request -> {
					if (request.action() == io.strata.node.zk.LoadRequest.Action.LOAD
							&& !server.served().containsKey(request.segment().id().toString())) {
						refs.add(ref(request.segment()));
					}
				});
				byServer.put(server.name(), refs);
			}
			planned.put(tier, byServer);
		});
		Map<String, Integer> targets = new TreeMap<>();
		Map<String, Integer> loaded = new TreeMap<>();
		Map<String, Map<String, Integer>> underReplicated = new TreeMap<>();
		Map<String, Integer> replicasStarted = new TreeMap<>();
		int unavailable = 0;
		int assigned = 0;
		int dropped = 0;
		List<DataSegment> ordered = new ArrayList<>(run.used());
		// newest data first: it is what dashboards ask for
		ordered.sort(Comparator.comparing((DataSegment s) -> s.interval().endMillis()).reversed()
			.thenComparing(DataSegment::id));
		for (DataSegment segment : ordered) {
			String id = segment.id().toString();
			Optional<Rule> match = RuleSet.firstMatch(run.rulesOf(segment.dataSource()), run.defaultRules(),
					segment.interval(), run.now());
			if (match.isEmpty()) {
				continue;
			}
			if (match.get() instanceof Rule.Drop) {
				for (ServerState server : run.servers().values()) {
					if (server.holdsOrLoads(id)) {
						this.peon.drop(server.name(), segment);
						dropped++;
					}
				}
				continue;
			}
			Rule.Load load = (Rule.Load) match.get();
			if (load.tieredReplicants().isEmpty()) {
				continue;
			}
			targets.merge(segment.dataSource(), 1, Integer::sum);
			int servedAnywhere = (int) run.servers().values().stream().filter(s -> s.serves(id)).count();
			if (servedAnywhere > 0) {
				loaded.merge(segment.dataSource(), 1, Integer::sum);
			}
			else {
				unavailable++;
			}
			boolean anyCopy = run.servers().values().stream().anyMatch(s -> s.holdsOrLoads(id));
			int wantedTotal = 0;
			int servedInRuleTiers = 0;
			for (var entry : load.tieredReplicants().entrySet()) {
				String tier = entry.getKey();
				int wanted = entry.getValue();
				wantedTotal += wanted;
				List<ServerState> tierServers = tiers.getOrDefault(tier, List.of());
				int servedHere = (int) tierServers.stream().filter(s -> s.serves(id)).count();
				servedInRuleTiers += Math.min(servedHere, wanted);
				if (servedHere < wanted) {
					underReplicated.computeIfAbsent(tier, t -> new TreeMap<>()).merge(segment.dataSource(), 1, Integer::sum);
				}
				int holders = (int) tierServers.stream().filter(s -> s.holdsOrLoads(id)).count();
				for (int copy = holders; copy < wanted; copy++) {
					if (anyCopy && replicasStarted.getOrDefault(tier, 0) >= run.config().replicationThrottleLimit()) {
						break;
					}
					Optional<String> target = choose(segment, planned.getOrDefault(tier, Map.of()), tier, run);
					if (target.isEmpty()) {
						break;
					}
					this.peon.load(target.get(), segment);
					planned.get(tier).get(target.get()).add(ref(segment));
					assigned++;
					if (anyCopy) {
						replicasStarted.merge(tier, 1, Integer::sum);
					}
					anyCopy = true;
				}
			}
			if (servedInRuleTiers >= wantedTotal) {
				dropped += dropSurplus(segment, load, tiers, movingFrom);
			}
		}
		return new RuleOutcome(targets, loaded, underReplicated, unavailable, assigned, dropped);
	}

	private Optional<String> choose(DataSegment segment, Map<String, List<SegmentRef>> tierPlan, String tier,
			CoordinatorRun run) {
		List<ServerLoad> candidates = new ArrayList<>();
		tierPlan.forEach((server, refs) -> candidates.add(new ServerLoad(server, tier,
				run.servers().get(server).node().maxSize(), refs)));
		return this.balancer.chooseServer(ref(segment), candidates);
	}

	private int dropSurplus(DataSegment segment, Rule.Load load, Map<String, List<ServerState>> tiers,
			Map<String, String> movingFrom) {
		String id = segment.id().toString();
		// read once, forgotten only after every tier: a tier sorted before the moved-from server's
		// must not make that tier drop the move's new copy instead
		String leaving = movingFrom.get(id);
		int dropped = 0;
		for (var entry : tiers.entrySet()) {
			int wanted = load.replicantsOn(entry.getKey());
			List<ServerState> serving = new ArrayList<>(entry.getValue().stream().filter(s -> s.serves(id)).toList());
			if (serving.size() <= wanted || entry.getValue().stream().anyMatch(s -> s.holdsOrLoads(id) && !s.serves(id))) {
				continue;
			}
			serving.sort(Comparator.comparing((ServerState s) -> !s.name().equals(leaving))
				.thenComparing(Comparator.comparingLong(ServerState::projectedBytes).reversed())
				.thenComparing(ServerState::name));
			for (ServerState server : serving.subList(0, serving.size() - wanted)) {
				this.peon.drop(server.name(), segment);
				dropped++;
			}
		}
		if (dropped > 0) {
			movingFrom.remove(id);
		}
		return dropped;
	}

	private static SegmentRef ref(DataSegment segment) {
		return new SegmentRef(segment.id(), segment.size());
	}

}
