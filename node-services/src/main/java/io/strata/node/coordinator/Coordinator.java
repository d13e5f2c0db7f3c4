package io.strata.node.coordinator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.strata.engine.json.SpecNode;
import io.strata.node.config.CoordinatorProperties;
import io.strata.node.coordinator.balancer.CostBalancer;
import io.strata.node.coordinator.compaction.CompactionConfigs;
import io.strata.node.coordinator.compaction.HttpOverlordClient;
import io.strata.node.coordinator.compaction.OverlordClient;
import io.strata.node.coordinator.duty.CompactSegments;
import io.strata.node.coordinator.duty.BalanceSegments;
import io.strata.node.coordinator.duty.DropUnusedSegments;
import io.strata.node.coordinator.duty.MarkOvershadowedSegmentsUnused;
import io.strata.node.coordinator.duty.RunRules;
import io.strata.node.coordinator.rule.Rule;
import io.strata.node.coordinator.rule.RuleJson;
import io.strata.node.coordinator.rule.RuleSet;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.LeaderElection;
import io.strata.node.zk.NodeAnnouncement;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator: joins the leader election and, while it leads, runs its duties every period
 * on a fresh snapshot (used segments from the metadata store, servers and queues from
 * ZooKeeper). Only the leader writes load queues or marks segments unused. Threading: runs on
 * one scheduler thread; {@link #stats()} and {@link #isLeader()} from any thread.
 */
public final class Coordinator implements AutoCloseable {

	/** The config-table name of the dynamic config, as Druid. */
	public static final String DYNAMIC_CONFIG = "coordinator.config";

	private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

	private final SegmentsMetadata segments;

	private final RulesMetadata rules;

	private final ConfigMetadata config;

	private final ClusterView cluster;

	private final LoadQueuePeon peon;

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final CoordinatorProperties properties;

	private final MarkOvershadowedSegmentsUnused markOvershadowed;

	private final RunRules runRules;

	private final BalanceSegments balance;

	private final DropUnusedSegments dropUnused;

	private final RuleJson ruleJson = new RuleJson();

	private final Map<String, String> movingFrom = new ConcurrentHashMap<>();

	private final AtomicReference<CoordinatorStats> stats = new AtomicReference<>(CoordinatorStats.NONE);

	private final CompactionConfigs compactionConfigs;

	private final HttpOverlordClient overlord;

	private final CompactSegments compactSegments;

	private final AtomicReference<CompactSegments.Result> compaction = new AtomicReference<>(CompactSegments.Result.NONE);

	private long lastCompactionRun = Long.MIN_VALUE;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("coordinator").daemon(true).factory());

	private final LeaderElection election;

	public Coordinator(SegmentsMetadata segments, RulesMetadata rules, ConfigMetadata config, ClusterView cluster,
			ZkNodes zk, ZkPaths paths, CoordinatorProperties properties) {
		this.segments = segments;
		this.rules = rules;
		this.config = config;
		this.cluster = cluster;
		this.zk = zk;
		this.paths = paths;
		this.properties = properties;
		this.peon = new LoadQueuePeon(zk, paths);
		this.election = new LeaderElection(zk, paths.coordinatorLeader());
		CostBalancer balancer = new CostBalancer();
		this.markOvershadowed = new MarkOvershadowedSegmentsUnused(segments);
		this.runRules = new RunRules(this.peon, balancer);
		this.balance = new BalanceSegments(this.peon, balancer);
		this.dropUnused = new DropUnusedSegments(this.peon);
		this.compactionConfigs = new CompactionConfigs(config);
		this.overlord = new HttpOverlordClient(zk, paths);
		this.compactSegments = new CompactSegments(this.overlord);
	}

	/** Joins the election as {@code hostAndPort} and starts the periodic runs. */
	public void start(String hostAndPort) {
		this.election.start(hostAndPort, null);
		long period = this.properties.period().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::runIfLeader, period, period, TimeUnit.MILLISECONDS);
	}

	private void runIfLeader() {
		try {
			if (isLeader() && this.cluster.initialized()) {
				runOnce();
			}
		}
		catch (RuntimeException ex) {
			// one failed run (metadata store or ZooKeeper briefly away) must not stop the next ones
			log.warn("Coordinator run failed", ex);
		}
	}

	public boolean isLeader() {
		return this.election.isLeader();
	}

	/** The current leader's host:port, or null while there is none. */
	public String leader() {
		return this.election.leader();
	}

	public CoordinatorStats stats() {
		return this.stats.get();
	}

	/** One run of every duty, in order; public so tests and the API can trigger one. */
	public synchronized CoordinatorStats runOnce() {
		CoordinatorRun run = snapshot();
		Set<String> marked = this.markOvershadowed.run(run);
		run = run.without(marked);
		this.movingFrom.keySet().retainAll(run.used().stream().map(s -> s.id().toString()).toList());
		RuleOutcome outcome = this.runRules.run(run, this.movingFrom);
		// balance only a settled cluster: the snapshot does not show the loads and drops just queued
		int moved = outcome.assigned() == 0 && outcome.dropped() == 0 ? this.balance.run(run, this.movingFrom) : 0;
		int droppedUnused = this.dropUnused.run(run);
		Map<String, Integer> used = new TreeMap<>();
		run.used().forEach(segment -> used.merge(segment.dataSource(), 1, Integer::sum));
		CoordinatorStats result = new CoordinatorStats(run.now(), used, outcome, marked.size(), moved, droppedUnused);
		this.stats.set(result);
		if (run.now() - this.lastCompactionRun >= this.properties.compactionPeriod().toMillis()) {
			this.lastCompactionRun = run.now();
			compact(run.used(), run.now());
		}
		return result;
	}

	/** One auto-compaction run now (Druid's {@code POST /compaction/compact}); public for tests and the API. */
	public synchronized CompactSegments.Result runCompaction() {
		long now = System.currentTimeMillis();
		this.lastCompactionRun = now;
		return compact(this.segments.usedSegments(), now);
	}

	private CompactSegments.Result compact(List<DataSegment> used, long now) {
		CompactSegments.Result result = this.compactSegments.run(this.compactionConfigs.current(), used, now);
		this.compaction.set(result);
		if (!result.submitted().isEmpty()) {
			log.info("Auto-compaction submitted {}", result.submitted());
		}
		return result;
	}

	/** The last auto-compaction run's outcome. */
	public CompactSegments.Result compaction() {
		return this.compaction.get();
	}

	public CompactionConfigs compactionConfigs() {
		return this.compactionConfigs;
	}

	/** How this coordinator reaches the overlord leader. */
	public OverlordClient overlord() {
		return this.overlord;
	}

	private CoordinatorRun snapshot() {
		long now = System.currentTimeMillis();
		List<DataSegment> used = this.segments.usedSegments();
		List<String> known = this.segments.dataSources(true);
		Map<String, ServerState> servers = new TreeMap<>();
		for (ClusterView.ServerInventory inventory : this.cluster.servers().values()) {
			NodeAnnouncement node = inventory.node();
			servers.put(node.hostAndPort(),
					new ServerState(node, inventory.segments(), this.peon.queued(node.hostAndPort())));
		}
		clearQueuesOfGoneServers(servers.keySet());
		Map<String, List<Rule>> byDataSource = new LinkedHashMap<>();
		List<Rule> defaults = RuleSet.DEFAULT_RULES;
		for (var entry : this.rules.currentRules().entrySet()) {
			List<Rule> parsed = this.ruleJson.read(entry.getValue());
			if (entry.getKey().equals(RuleSet.DEFAULT_RULES_KEY)) {
				defaults = parsed;
			}
			else {
				byDataSource.put(entry.getKey(), parsed);
			}
		}
		return new CoordinatorRun(now, used, known, servers, byDataSource, defaults, dynamicConfig());
	}

	private void clearQueuesOfGoneServers(Set<String> live) {
		String queues = this.paths.loadQueues();
		for (String server : this.zk.children(queues)) {
			if (!live.contains(server)) {
				this.peon.clear(server);
			}
		}
	}

	/** The dynamic config in force: the stored one over the configured defaults. */
	public DynamicConfig dynamicConfig() {
		DynamicConfig defaults = new DynamicConfig(this.properties.maxSegmentsToMove(),
				this.properties.replicationThrottleLimit());
		return this.config.get(DYNAMIC_CONFIG).map(json -> readDynamicConfig(json, defaults)).orElse(defaults);
	}

	public static DynamicConfig readDynamicConfig(String json, DynamicConfig defaults) {
		SpecNode node = SpecNode.root(JsonMapper.builder().build().readTree(json), "config");
		node.requireObject();
		int maxMoves = node.optionalInt("maxSegmentsToMove", defaults.maxSegmentsToMove());
		int throttle = node.optionalInt("replicationThrottleLimit", defaults.replicationThrottleLimit());
		if (maxMoves < 0) {
			throw node.error("maxSegmentsToMove", "must not be negative");
		}
		if (throttle < 0) {
			throw node.error("replicationThrottleLimit", "must not be negative");
		}
		return new DynamicConfig(maxMoves, throttle);
	}

	@Override
	public void close() throws java.io.IOException {
		this.scheduler.shutdownNow();
		this.election.close();
		this.overlord.close();
	}

}
