package io.strata.node.broker.lane;

import java.util.List;
import java.util.Objects;

/**
 * The scheduler's counters for metrics: the total cap (named {@value LaningSpec#TOTAL}) and each
 * lane sorted by name. Each lane is read atomically, the set of them is not: under load, the
 * lanes' running counts may not add up to a total read a moment apart.
 */
public record SchedulerStats(LaneStats total, List<LaneStats> lanes) {

	public SchedulerStats {
		Objects.requireNonNull(total, "total");
		lanes = List.copyOf(lanes);
	}

}
