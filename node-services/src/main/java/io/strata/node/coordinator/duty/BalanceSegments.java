package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.ServerState;
import io.strata.node.coordinator.balancer.CostBalancer;
import io.strata.node.coordinator.balancer.Move;
import io.strata.node.coordinator.balancer.SegmentRef;
import io.strata.node.coordinator.balancer.ServerLoad;
import io.strata.node.segment.DataSegment;

/**
 * Moves segments within a tier where the cost balancer finds a cheaper placement (segments of
 * one datasource with nearby intervals apart, bytes spread evenly). A move is a load on the new
 * server; {@link RunRules} drops the old copy once the new one is served. A tier with requests
 * still queued is left alone this run, so moves never pile up on slow loads.
 */
public final class BalanceSegments {

	private final LoadQueuePeon peon;

	private final CostBalancer balancer;

	public BalanceSegments(LoadQueuePeon peon, CostBalancer balancer) {
		this.peon = peon;
		this.balancer = balancer;
	}

	/** Returns how many moves started; records each in {@code movingFrom} (segment id to old server). */
	public int run(CoordinatorRun run, Map<String, String> movingFrom) {
		Map<String, List<ServerState>> tiers = run.serversByTier();
		Map<String, DataSegment> used = new TreeMap<>();
		run.used().forEach(segment -> used.put(segment.id().toString(), segment));
		int moved = 0;
		for (var tier : tiers.entrySet()) {
			List<ServerState> servers = tier.getValue();
			if (servers.size() < 2 || servers.stream().anyMatch(server -> !server.queued().isEmpty())
					|| run.config().maxSegmentsToMove() == 0) {
				continue;
			}
			List<ServerLoad> loads = new ArrayList<>();
			for (ServerState server : servers) {
				List<SegmentRef> refs = new ArrayList<>();
				// every served segment counts against the server's size; only used ones not already moving may move
				server.served().values().forEach(segment -> refs.add(new SegmentRef(segment.id(), segment.size())));
				loads.add(new ServerLoad(server.name(), tier.getKey(), server.node().maxSize(), refs));
			}
			for (Move move : this.balancer.proposeMoves(loads, run.config().maxSegmentsToMove())) {
				DataSegment segment = used.get(move.segment().toString());
				if (segment == null || movingFrom.containsKey(segment.id().toString())) {
					continue;
				}
				this.peon.load(move.to(), segment);
				movingFrom.put(segment.id().toString(), move.from());
				moved++;
			}
		}
		return moved;
	}

}
