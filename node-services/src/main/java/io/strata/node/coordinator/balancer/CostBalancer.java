package io.strata.node.coordinator.balancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.strata.engine.segment.SegmentId;

/**
 * Places segment copies so that segments likely to be queried together land on different servers.
 * The cost of a segment X on a server is the sum, over the other segments Y there, of {@link
 * IntervalCost#jointCost} of their intervals, doubled when X and Y belong to the same datasource
 * (a query reads one datasource, so those are the pairs that really compete). New copies go where
 * that cost is lowest; moves take copies from where it is high to where it is low.
 * <p>
 * Stateless and thread-safe. {@link #chooseServer} and {@link #cost} scan each candidate's list
 * once, skipping pairs beyond the cutoff before any arithmetic; {@link #proposeMoves} builds a
 * {@link TierCostModel} once per call and updates it incrementally.
 */
public final class CostBalancer {

	/**
	 * The best server for a new copy of {@code segment}: one that has room for it and does not hold
	 * it yet, with the lowest cost; ties go to the server with the lowest used fraction of its
	 * capacity, then to the lowest name. Empty when no candidate qualifies.
	 */
	public Optional<String> chooseServer(SegmentRef segment, List<ServerLoad> candidates) {
		Objects.requireNonNull(segment, "segment");
		Objects.requireNonNull(candidates, "candidates");
		ServerLoad best = null;
		double bestCost = 0.0;
		double bestUsed = 0.0;
		for (ServerLoad server : candidates) {
			if (!server.hasRoomFor(segment) || server.holds(segment.id())) {
				continue;
			}
			double cost = cost(segment, server);
			double used = server.usedFraction();
			boolean better = best == null || cost < bestCost
					|| (cost == bestCost && (used < bestUsed
							|| (used == bestUsed && server.server().compareTo(best.server()) < 0)));
			if (better) {
				best = server;
				bestCost = cost;
				bestUsed = used;
			}
		}
		return best == null ? Optional.empty() : Optional.of(best.server());
	}

	/**
	 * The cost of {@code segment} on {@code server}: its pair cost with every other segment there.
	 * A copy never repels itself, so for a server already holding the segment this is the cost of
	 * keeping it there.
	 */
	public double cost(SegmentRef segment, ServerLoad server) {
		Objects.requireNonNull(segment, "segment");
		Objects.requireNonNull(server, "server");
		SegmentId id = segment.id();
		long start = id.interval().startMillis();
		long end = id.interval().endMillis();
		double total = 0.0;
		for (SegmentRef other : server.segments()) {
			SegmentId otherId = other.id();
			long otherStart = otherId.interval().startMillis();
			long otherEnd = otherId.interval().endMillis();
			// cheap rejection of pairs beyond the cutoff, before any exp() or id comparison
			if (otherStart - end >= IntervalCost.CUTOFF_MILLIS || start - otherEnd >= IntervalCost.CUTOFF_MILLIS) {
				continue;
			}
			if (otherId.equals(id)) {
				continue;
			}
			double joint = IntervalCost.jointCost(start, end, otherStart, otherEnd);
			total += otherId.dataSource().equals(id.dataSource()) ? 2.0 * joint : joint;
		}
		return total;
	}

	/**
	 * Up to {@code maxMoves} moves within one tier, found greedily: each is the move that lowers the
	 * tier's total cost most given the moves before it, and each lowers it. A segment is moved at
	 * most once per call, a move never targets a server already holding the segment or without room
	 * for it, and the same input always gives the same moves (servers are considered by name).
	 */
	public List<Move> proposeMoves(List<ServerLoad> tierServers, int maxMoves) {
		Objects.requireNonNull(tierServers, "tierServers");
		if (maxMoves < 0) {
			throw new IllegalArgumentException("maxMoves must not be negative, was [" + maxMoves + "]");
		}
		List<Move> moves = new ArrayList<>();
		if (maxMoves == 0 || tierServers.size() < 2) {
			return moves;
		}
		TierCostModel model = TierCostModel.of(tierServers);
		while (moves.size() < maxMoves) {
			Optional<TierCostModel.Candidate> best = model.bestMove();
			if (best.isEmpty()) {
				break;
			}
			moves.add(model.apply(best.get()));
		}
		return moves;
	}

	/**
	 * The total cost of a tier: for each server, the pair cost of every two distinct segments on
	 * it. What {@link #proposeMoves} lowers; useful as a metric of how spread a tier is.
	 */
	public double totalCost(List<ServerLoad> tierServers) {
		Objects.requireNonNull(tierServers, "tierServers");
		return TierCostModel.of(tierServers).totalCost();
	}

}
