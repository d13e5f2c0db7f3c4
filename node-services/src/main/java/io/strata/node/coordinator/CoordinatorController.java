package io.strata.node.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.coordinator.rule.RuleJson;
import io.strata.node.coordinator.rule.RuleSet;
import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.RulesMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.zk.ClusterView;
import io.strata.node.zk.LoadRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Druid's coordinator API: leader, datasources, servers, load status and queue, rules, dynamic config. */
@RestController
@RequestMapping("/druid/coordinator/v1")
@ConditionalOnRole(Role.COORDINATOR)
class CoordinatorController {

	private final Coordinator coordinator;

	private final SegmentsMetadata segments;

	private final RulesMetadata rules;

	private final ConfigMetadata config;

	private final ClusterView cluster;

	private final LoadQueuePeon peon;

	private final RuleJson ruleJson = new RuleJson();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	CoordinatorController(Coordinator coordinator, SegmentsMetadata segments, RulesMetadata rules, ConfigMetadata config,
			ClusterView cluster, io.strata.node.zk.ZkNodes zk, io.strata.node.zk.ZkPaths paths) {
		this.coordinator = coordinator;
		this.segments = segments;
		this.rules = rules;
		this.config = config;
		this.cluster = cluster;
		this.peon = new LoadQueuePeon(zk, paths);
	}

	@GetMapping(path = "/leader", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> leader() {
		String leader = this.coordinator.leader();
		return leader == null ? ResponseEntity.status(503).build() : ResponseEntity.ok("http://" + leader);
	}

	@GetMapping("/isLeader")
	ResponseEntity<Map<String, Boolean>> isLeader() {
		boolean leader = this.coordinator.isLeader();
		return ResponseEntity.status(leader ? 200 : 404).body(Map.of("leader", leader));
	}

	@GetMapping({ "/datasources", "/datasources/" })
	Object dataSources(@RequestParam(required = false) String simple, @RequestParam(required = false) String full) {
		Map<String, List<DataSegment>> byDataSource = servedByDataSource();
		if (simple == null && full == null) {
			return new ArrayList<>(byDataSource.keySet());
		}
		List<Map<String, Object>> result = new ArrayList<>();
		byDataSource.forEach((name, list) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", name);
			entry.put("properties", full != null ? Map.of("created", IsoTime.format(System.currentTimeMillis()))
					: dataSourceSummary(name));
			if (full != null) {
				List<JsonNode> payloads = list.stream().map(s -> (JsonNode) this.segmentJson.write(s)).toList();
				entry.put("segments", payloads);
			}
			result.add(entry);
		});
		return result;
	}

	@GetMapping("/datasources/{dataSource}")
	ResponseEntity<Map<String, Object>> dataSource(@PathVariable String dataSource) {
		// Druid answers 204 for a datasource nothing serves
		return servedByDataSource().containsKey(dataSource) ? ResponseEntity.ok(dataSourceSummary(dataSource))
				: ResponseEntity.noContent().build();
	}

	private Map<String, Object> dataSourceSummary(String dataSource) {
		List<DataSegment> list = servedByDataSource().getOrDefault(dataSource, List.of());
		Map<String, Map<String, Long>> tiers = new TreeMap<>();
		for (ClusterView.ServerInventory server : this.cluster.servers().values()) {
			for (DataSegment segment : server.segments().values()) {
				if (segment.dataSource().equals(dataSource)) {
					Map<String, Long> tier = tiers.computeIfAbsent(server.node().tier(), t -> new LinkedHashMap<>());
					tier.merge("size", segment.size(), Long::sum);
					tier.merge("segmentCount", 1L, Long::sum);
				}
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("tiers", tiers);
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("count", list.size());
		totals.put("size", list.stream().mapToLong(DataSegment::size).sum());
		totals.put("minTime", IsoTime.format(list.stream().mapToLong(s -> s.interval().startMillis()).min().orElse(0)));
		totals.put("maxTime", IsoTime.format(list.stream().mapToLong(s -> s.interval().endMillis()).max().orElse(0)));
		summary.put("segments", totals);
		return summary;
	}

	@GetMapping("/datasources/{dataSource}/segments")
	List<String> dataSourceSegments(@PathVariable String dataSource) {
		return servedByDataSource().getOrDefault(dataSource, List.of()).stream().map(s -> s.id().toString()).toList();
	}

	@GetMapping("/datasources/{dataSource}/intervals")
	List<String> dataSourceIntervals(@PathVariable String dataSource) {
		TreeSet<String> intervals = new TreeSet<>(java.util.Comparator.reverseOrder());
		servedByDataSource().getOrDefault(dataSource, List.of()).forEach(s -> intervals.add(s.interval().toString()));
		return new ArrayList<>(intervals);
	}

	@GetMapping("/metadata/datasources")
	List<String> metadataDataSources(@RequestParam(required = false) String includeUnused) {
		return this.segments.dataSources(includeUnused != null);
	}

	@GetMapping({ "/servers", "/servers/" })
	Object servers(@RequestParam(required = false) String simple, @RequestParam(required = false) String full) {
		Map<String, ClusterView.ServerInventory> servers = this.cluster.servers();
		if (simple == null && full == null) {
			return new ArrayList<>(servers.keySet());
		}
		List<Map<String, Object>> result = new ArrayList<>();
		servers.values().forEach(server -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("host", server.node().hostAndPort());
			entry.put("type", "historical");
			entry.put("tier", server.node().tier());
			entry.put("priority", server.node().priority());
			entry.put("currSize", server.segments().values().stream().mapToLong(DataSegment::size).sum());
			entry.put("maxSize", server.node().maxSize());
			if (full != null) {
				Map<String, JsonNode> served = new TreeMap<>();
				server.segments().forEach((id, segment) -> served.put(id, this.segmentJson.write(segment)));
				entry.put("segments", served);
			}
			result.add(entry);
		});
		return result;
	}

	@GetMapping("/tiers")
	List<String> tiers() {
		return new ArrayList<>(new TreeSet<>(this.cluster.servers().values().stream().map(s -> s.node().tier()).toList()));
	}

	/** Druid: percent of used segments loaded per datasource; {@code simple}: left to load; {@code full}: per tier. */
	@GetMapping("/loadstatus")
	Object loadStatus(@RequestParam(required = false) String simple, @RequestParam(required = false) String full) {
		CoordinatorStats stats = this.coordinator.stats();
		if (full != null) {
			return stats.rules().underReplicated();
		}
		Map<String, Object> result = new TreeMap<>();
		stats.rules().loadTargets().forEach((dataSource, target) -> {
			int loaded = stats.rules().loaded().getOrDefault(dataSource, 0);
			result.put(dataSource, simple != null ? (Object) (target - loaded) : (Object) (100.0 * loaded / target));
		});
		return result;
	}

	@GetMapping("/loadqueue")
	Map<String, Object> loadQueue(@RequestParam(required = false) String simple) {
		Map<String, Object> result = new TreeMap<>();
		for (String server : this.cluster.servers().keySet()) {
			Map<String, LoadRequest> queued = this.peon.queued(server);
			List<LoadRequest> loads = queued.values().stream().filter(r -> r.action() == LoadRequest.Action.LOAD).toList();
			List<LoadRequest> drops = queued.values().stream().filter(r -> r.action() == LoadRequest.Action.DROP).toList();
			Map<String, Object> entry = new LinkedHashMap<>();
			if (simple != null) {
				entry.put("segmentsToLoad", loads.size());
				entry.put("segmentsToDrop", drops.size());
				entry.put("segmentsToLoadSize", loads.stream().mapToLong(r -> r.segment().size()).sum());
				entry.put("segmentsToDropSize", drops.stream().mapToLong(r -> r.segment().size()).sum());
			}
			else {
				entry.put("segmentsToLoad", loads.stream().map(r -> r.segment().id().toString()).toList());
				entry.put("segmentsToDrop", drops.stream().map(r -> r.segment().id().toString()).toList());
			}
			result.put(server, entry);
		}
		return result;
	}

	@GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
	String allRules() {
		Map<String, String> current = new TreeMap<>(this.rules.currentRules());
		current.putIfAbsent(RuleSet.DEFAULT_RULES_KEY, this.ruleJson.write(RuleSet.DEFAULT_RULES));
		StringBuilder out = new StringBuilder("{");
		current.forEach((dataSource, payload) -> out.append(out.length() > 1 ? "," : "")
			.append(JsonMapper.builder().build().writeValueAsString(dataSource))
			.append(':')
			.append(payload));
		return out.append('}').toString();
	}

	@GetMapping(path = "/rules/{dataSource}", produces = MediaType.APPLICATION_JSON_VALUE)
	String rules(@PathVariable String dataSource, @RequestParam(required = false) String full) {
		String own = this.rules.currentRules().get(dataSource);
		if (own == null && dataSource.equals(RuleSet.DEFAULT_RULES_KEY)) {
			own = this.ruleJson.write(RuleSet.DEFAULT_RULES);
		}
		List<io.strata.node.coordinator.rule.Rule> list = new ArrayList<>(own == null ? List.of() : this.ruleJson.read(own));
		if (full != null && !dataSource.equals(RuleSet.DEFAULT_RULES_KEY)) {
			String defaults = this.rules.currentRules().get(RuleSet.DEFAULT_RULES_KEY);
			list.addAll(defaults == null ? RuleSet.DEFAULT_RULES : this.ruleJson.read(defaults));
		}
		return this.ruleJson.write(list);
	}

	@PostMapping(path = "/rules/{dataSource}", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Void> setRules(@PathVariable String dataSource, @RequestBody String body,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		// parsed first: a bad rule list is refused with the field named, never stored
		String normalized = this.ruleJson.write(this.ruleJson.read(body));
		this.rules.setRules(dataSource, normalized,
				new AuditInfo(author, comment, IsoTime.format(System.currentTimeMillis())));
		return ResponseEntity.ok().build();
	}

	@GetMapping({ "/rules/history", "/rules/{dataSource}/history" })
	List<Map<String, Object>> rulesHistory(@PathVariable(required = false) String dataSource,
			@RequestParam(defaultValue = "100") int count) {
		List<Map<String, Object>> history = new ArrayList<>();
		for (RulesMetadata.RulesChange change : this.rules.history(dataSource, count)) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("key", change.dataSource());
			entry.put("type", "rules");
			entry.put("auditInfo", Map.of("author", change.audit().author(), "comment", change.audit().comment(),
					"ip", ""));
			entry.put("payload", change.payload());
			entry.put("auditTime", change.audit().at());
			history.add(entry);
		}
		return history;
	}

	@GetMapping("/config")
	Map<String, Object> dynamicConfig() {
		DynamicConfig current = this.coordinator.dynamicConfig();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("maxSegmentsToMove", current.maxSegmentsToMove());
		result.put("replicationThrottleLimit", current.replicationThrottleLimit());
		return result;
	}

	@PostMapping(path = "/config", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Void> setDynamicConfig(@RequestBody String body,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		DynamicConfig merged = Coordinator.readDynamicConfig(body, this.coordinator.dynamicConfig());
		String payload = "{\"maxSegmentsToMove\":" + merged.maxSegmentsToMove() + ",\"replicationThrottleLimit\":"
				+ merged.replicationThrottleLimit() + "}";
		this.config.set(Coordinator.DYNAMIC_CONFIG, payload,
				new AuditInfo(author, comment, IsoTime.format(System.currentTimeMillis())));
		return ResponseEntity.ok().build();
	}

	private Map<String, List<DataSegment>> servedByDataSource() {
		Map<String, List<DataSegment>> byDataSource = new TreeMap<>();
		for (DataSegment segment : ClusterView.allServed(this.cluster.servers())) {
			byDataSource.computeIfAbsent(segment.dataSource(), ds -> new ArrayList<>()).add(segment);
		}
		return byDataSource;
	}

}
