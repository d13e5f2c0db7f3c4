package io.strata.node.coordinator.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checks and freezes a load rule's {@code tieredReplicants} map. The copy keeps the caller's
 * order (Druid writes the tiers back in the order they were given, and so do we).
 */
final class TieredReplicants {

	private TieredReplicants() {
	}

	static Map<String, Integer> copyOf(Map<String, Integer> tieredReplicants) {
		Objects.requireNonNull(tieredReplicants, "tieredReplicants");
		Map<String, Integer> copy = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : tieredReplicants.entrySet()) {
			String tier = Objects.requireNonNull(entry.getKey(), "tieredReplicants tier");
			Integer replicants = entry.getValue();
			if (tier.isEmpty()) {
				throw new IllegalArgumentException("tieredReplicants tier must not be empty");
			}
			if (replicants == null || replicants < 0) {
				throw new IllegalArgumentException(
						"tieredReplicants[" + tier + "] must be zero or more, not [" + replicants + "]");
			}
			copy.put(tier, replicants);
		}
		return Collections.unmodifiableMap(copy);
	}

}
