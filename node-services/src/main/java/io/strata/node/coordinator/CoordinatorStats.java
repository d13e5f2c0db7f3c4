package io.strata.node.coordinator;

import java.util.Map;

/**
 * The outcome of the last coordinator run, for the load status APIs and metrics.
 * @param usedSegments per datasource, used segments (overshadowed ones excluded)
 */
public record CoordinatorStats(long at, Map<String, Integer> usedSegments, RuleOutcome rules, int markedUnused,
		int moved, int droppedUnused) {

	public static final CoordinatorStats NONE = new CoordinatorStats(0, Map.of(),
			new RuleOutcome(Map.of(), Map.of(), Map.of(), 0, 0, 0), 0, 0, 0);

	public CoordinatorStats {
		usedSegments = Map.copyOf(usedSegments);
	}

}
