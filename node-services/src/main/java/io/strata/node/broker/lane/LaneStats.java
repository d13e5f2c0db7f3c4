package io.strata.node.broker.lane;

import java.util.Objects;

/**
 * One cap's counters: its {@code limit}, the queries {@code running} under it now, and how many
 * it has {@code rejected} since start (a query refused by its lane is not also counted by the
 * total, and the reverse).
 */
public record LaneStats(String lane, int limit, int running, long rejected) {

	public LaneStats {
		Objects.requireNonNull(lane, "lane");
	}

}
