package io.strata.node.coordinator;

import java.util.List;
import java.util.Map;

import io.strata.node.coordinator.rule.Rule;
import io.strata.node.segment.DataSegment;

/**
 * What one coordinator run works from, read once at its start and never changed: used segments
 * (from the metadata store), servers (from ZooKeeper), rules and the dynamic config.
 * @param knownDataSources datasources with any segment row, used or not
 * @param rules each datasource's rule list; {@code defaultRules} apply after them
 */
public record CoordinatorRun(long now, List<DataSegment> used, List<String> knownDataSources,
		Map<String, ServerState> servers, Map<String, List<Rule>> rules, List<Rule> defaultRules, DynamicConfig config) {

	public CoordinatorRun {
		used = List.copyOf(used);
		knownDataSources = List.copyOf(knownDataSources);
		servers = Map.copyOf(servers);
		rules = Map.copyOf(rules);
		defaultRules = List.copyOf(defaultRules);
	}

	/** The same run without the given segments in the used list (after they were marked unused). */
	public CoordinatorRun without(java.util.Set<String> ids) {
		return new CoordinatorRun(this.now, this.used.stream().filter(s -> !ids.contains(s.id().toString())).toList(),
				this.knownDataSources, this.servers, this.rules, this.defaultRules, this.config);
	}

	/** Servers grouped by tier, tiers and servers in name order. */
	public Map<String, List<ServerState>> serversByTier() {
		Map<String, List<ServerState>> tiers = new java.util.TreeMap<>();
		new java.util.TreeMap<>(this.servers).values()
			.forEach(server -> tiers.computeIfAbsent(server.tier(), tier -> new java.util.ArrayList<>()).add(server));
		return tiers;
	}

	public List<Rule> rulesOf(String dataSource) {
		return this.rules.getOrDefault(dataSource, List.of());
	}

}
