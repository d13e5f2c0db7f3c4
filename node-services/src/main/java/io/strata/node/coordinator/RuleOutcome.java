package io.strata.node.coordinator;

import java.util.Map;

/**
 * What applying the rules found and did in one run.
 * @param loadTargets per datasource: segments a load rule wants somewhere
 * @param loaded per datasource: of those, the ones served by at least one server
 * @param underReplicated per tier, per datasource: segments with fewer copies served than wanted
 */
public record RuleOutcome(Map<String, Integer> loadTargets, Map<String, Integer> loaded,
		Map<String, Map<String, Integer>> underReplicated, int unavailable, int assigned, int dropped) {

	public RuleOutcome {
		// sorted: they are rendered as JSON by the load status API
		loadTargets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(loadTargets));
		loaded = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(loaded));
		underReplicated = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(underReplicated));
	}

	public int underReplicatedCount() {
		return this.underReplicated.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
	}

}
