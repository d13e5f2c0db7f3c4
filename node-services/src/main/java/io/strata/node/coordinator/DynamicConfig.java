package io.strata.node.coordinator;

/**
 * Druid's coordinator dynamic config ({@code POST /druid/coordinator/v1/config}), the subset
 * Strata acts on; stored in the config table as {@code coordinator.config}.
 * @param maxSegmentsToMove balancing moves per run and tier
 * @param replicationThrottleLimit replicas beyond the first started per run and tier
 */
public record DynamicConfig(int maxSegmentsToMove, int replicationThrottleLimit) {

	public DynamicConfig {
		if (maxSegmentsToMove < 0 || replicationThrottleLimit < 0) {
			throw new IllegalArgumentException("maxSegmentsToMove and replicationThrottleLimit must not be negative");
		}
	}

}
