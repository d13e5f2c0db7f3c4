package io.strata.node.coordinator.balancer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostBalancerTest {

	private static final long HOUR = 3_600_000L;

	private static final long BASE = 1_704_067_200_000L; // 2024-01-01T00:00Z

	private static final long LARGE = 1L << 40;

	private final CostBalancer balancer = new CostBalancer();

	private static SegmentRef hourly(String dataSource, int hour) {
		return new SegmentRef(new SegmentId(dataSource, new Interval(BASE + hour * HOUR, BASE + (hour + 1) * HOUR), "v1", 0),
				100);
	}

	private static ServerLoad server(String name, long maxSize, List<SegmentRef> segments) {
		return new ServerLoad(name, "_default_tier", maxSize, segments);
	}

	private static List<SegmentRef> hours(String dataSource, int from, int to) {
		List<SegmentRef> segments = new ArrayList<>();
		for (int hour = from; hour < to; hour++) {
			segments.add(hourly(dataSource, hour));
		}
		return segments;
	}

	@Test
	void chooseServerSpreadsHourlySegmentsEvenlyAndKeepsAdjacentHoursApart() {
		Map<String, List<SegmentRef>> placed = new LinkedHashMap<>();
		placed.put("a", new ArrayList<>());
		placed.put("b", new ArrayList<>());
		String[] serverOf = new String[48];
		for (int hour = 0; hour < 48; hour++) {
			List<ServerLoad> servers = List.of(server("a", LARGE, placed.get("a")), server("b", LARGE, placed.get("b")));
			SegmentRef segment = hourly("wiki", hour);

			String chosen = this.balancer.chooseServer(segment, servers).orElseThrow();

			placed.get(chosen).add(segment);
			serverOf[hour] = chosen;
		}
		assertThat(placed.get("a").size()).isBetween(22, 26);
		assertThat(placed.get("b").size()).isBetween(22, 26);
		for (int hour = 1; hour < 48; hour++) {
			assertThat(serverOf[hour]).as("hour %d", hour).isNotEqualTo(serverOf[hour - 1]);
		}
	}

	@Test
	void chooseServerNeedsRoomAndSkipsServersHoldingTheSegment() {
		SegmentRef segment = hourly("wiki", 5);
		ServerLoad full = server("full", 150, List.of(hourly("other", 100)));
		ServerLoad holding = server("holding", LARGE, List.of(segment));

		assertThat(this.balancer.chooseServer(segment, List.of(full, holding))).isEmpty();
		assertThat(this.balancer.chooseServer(segment, List.of())).isEmpty();
		// exactly full after the load is still room
		assertThat(this.balancer.chooseServer(segment, List.of(server("exact", 200, List.of(hourly("other", 100))))))
			.contains("exact");
	}

	@Test
	void chooseServerPrefersOtherDatasourcesThenTheLeastLoadedThenTheName() {
		SegmentRef segment = hourly("wiki", 1);
		ServerLoad sameDataSource = server("a", LARGE, List.of(hourly("wiki", 0)));
		ServerLoad otherDataSource = server("b", LARGE, List.of(hourly("metrics", 0)));
		assertThat(this.balancer.chooseServer(segment, List.of(sameDataSource, otherDataSource))).contains("b");

		// far apart in time: cost 0 on both, so the emptier one (as a fraction of capacity) wins
		ServerLoad busier = server("c", 1000, List.of(hourly("wiki", 2000), hourly("wiki", 3000)));
		ServerLoad emptier = server("d", 1000, List.of(hourly("wiki", 2000)));
		assertThat(this.balancer.chooseServer(segment, List.of(busier, emptier))).contains("d");

		ServerLoad z = server("z", 1000, List.of());
		ServerLoad y = server("y", 1000, List.of());
		assertThat(this.balancer.chooseServer(segment, List.of(z, y))).contains("y");
	}

	@Test
	void costDoublesWithinADatasourceAndIgnoresTheSegmentItself() {
		SegmentRef segment = hourly("wiki", 1);
		double sameDataSource = this.balancer.cost(segment, server("a", LARGE, List.of(hourly("wiki", 0))));
		double otherDataSource = this.balancer.cost(segment, server("b", LARGE, List.of(hourly("metrics", 0))));

		assertThat(otherDataSource).isEqualTo(IntervalCost.jointCost(segment.id().interval(), hourly("x", 0).id().interval()));
		assertThat(sameDataSource).isEqualTo(2 * otherDataSource);
		assertThat(this.balancer.cost(segment, server("c", LARGE, List.of(segment, hourly("wiki", 0)))))
			.isEqualTo(sameDataSource);
		assertThat(this.balancer.cost(segment, server("d", LARGE, List.of(hourly("wiki", 5000))))).isZero();
	}

	@Test
	void proposeMovesFromOneServerToTwoLowersTheCostWithEveryMove() {
		List<ServerLoad> servers = List.of(server("a", LARGE, hours("wiki", 0, 48)), server("b", LARGE, List.of()));
		double before = this.balancer.totalCost(servers);

		List<Move> moves = this.balancer.proposeMoves(servers, 100);

		assertThat(moves).isNotEmpty().allSatisfy(move -> assertThat(move.from()).isEqualTo("a"));
		List<ServerLoad> after = applyCheckingEachMoveLowersTheCost(servers, moves);
		assertThat(this.balancer.totalCost(after)).isLessThan(0.6 * before);
		int onA = after.get(0).segments().size();
		int onB = after.get(1).segments().size();
		assertThat(Math.abs(onA - onB)).as("a=%d b=%d", onA, onB).isLessThanOrEqualTo(4);
	}

	@Test
	void proposeMovesNeverTargetsAServerHoldingTheSegment() {
		// every segment has a copy on a and on b: the only possible destination is c
		List<SegmentRef> replicated = hours("wiki", 0, 24);
		List<ServerLoad> servers = List.of(server("a", LARGE, replicated), server("b", LARGE, replicated),
				server("c", LARGE, List.of()));

		List<Move> moves = this.balancer.proposeMoves(servers, 50);

		assertThat(moves).isNotEmpty().allSatisfy(move -> assertThat(move.to()).isEqualTo("c"));
		List<ServerLoad> after = applyCheckingEachMoveLowersTheCost(servers, moves);
		assertThat(after.get(2).segments()).hasSize(moves.size());
	}

	@Test
	void proposeMovesRespectsRoomAndTheMoveLimit() {
		List<ServerLoad> servers = List.of(server("a", LARGE, hours("wiki", 0, 48)), server("b", 300, List.of()));

		assertThat(this.balancer.proposeMoves(servers, 100)).hasSize(3);
		assertThat(this.balancer.proposeMoves(servers, 2)).hasSize(2);
		assertThat(this.balancer.proposeMoves(servers, 0)).isEmpty();
		assertThatThrownBy(() -> this.balancer.proposeMoves(servers, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void proposeMovesLeavesABalancedTierAlone() {
		List<SegmentRef> even = new ArrayList<>();
		List<SegmentRef> odd = new ArrayList<>();
		for (int hour = 0; hour < 48; hour++) {
			(hour % 2 == 0 ? even : odd).add(hourly("wiki", hour));
		}

		assertThat(this.balancer.proposeMoves(List.of(server("a", LARGE, even), server("b", LARGE, odd)), 10)).isEmpty();
	}

	@Test
	void proposeMovesIsDeterministicWhateverTheServerOrder() {
		List<ServerLoad> servers = new ArrayList<>(List.of(server("a", LARGE, hours("wiki", 0, 30)),
				server("b", LARGE, hours("metrics", 0, 30)), server("c", LARGE, List.of()), server("d", LARGE, List.of())));
		List<Move> first = this.balancer.proposeMoves(servers, 40);
		Collections.reverse(servers);

		assertThat(this.balancer.proposeMoves(servers, 40)).isEqualTo(first);
		assertThat(this.balancer.proposeMoves(servers, 40)).isEqualTo(first);
	}

	@Test
	void proposeMovesRefusesInconsistentInput() {
		SegmentRef small = hourly("wiki", 0);
		SegmentRef big = new SegmentRef(small.id(), 999);
		assertThatThrownBy(() -> this.balancer.proposeMoves(
				List.of(server("a", LARGE, List.of(small)), server("b", LARGE, List.of(big))), 1))
			.hasMessageContaining("Segment[" + small.id() + "]");
		assertThatThrownBy(() -> this.balancer.proposeMoves(
				List.of(server("a", LARGE, List.of(small)), server("a", LARGE, List.of())), 1))
			.hasMessageContaining("Server[a]");
		assertThatThrownBy(() -> server("a", LARGE, List.of(small, small))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void proposeMovesHandlesTenThousandSegmentsOnTenServers() {
		// two datasources, 5,000 hours each, dealt at random onto 3 of 10 servers
		Random random = new Random(42);
		List<List<SegmentRef>> lists = new ArrayList<>();
		for (int s = 0; s < 10; s++) {
			lists.add(new ArrayList<>());
		}
		for (String dataSource : List.of("wiki", "metrics")) {
			for (SegmentRef segment : hours(dataSource, 0, 5000)) {
				lists.get(random.nextInt(3)).add(segment);
			}
		}
		List<ServerLoad> servers = new ArrayList<>();
		for (int s = 0; s < 10; s++) {
			servers.add(server("historical-" + s, LARGE, lists.get(s)));
		}
		double before = this.balancer.totalCost(servers);

		long started = System.nanoTime();
		List<Move> moves = this.balancer.proposeMoves(servers, 500);
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

		System.out.printf("proposeMoves: 10,000 segments, 10 servers, %d moves in %d ms%n", moves.size(), elapsedMillis);
		assertThat(moves).hasSize(500);
		assertThat(this.balancer.totalCost(apply(servers, moves))).isLessThan(before);
	}

	/** Applies moves one by one, checking each source holds the segment, each target does not, and the cost falls. */
	private List<ServerLoad> applyCheckingEachMoveLowersTheCost(List<ServerLoad> servers, List<Move> moves) {
		List<ServerLoad> current = servers;
		double cost = this.balancer.totalCost(current);
		for (Move move : moves) {
			ServerLoad from = find(current, move.from());
			ServerLoad to = find(current, move.to());
			assertThat(from.holds(move.segment())).as("%s holds %s", move.from(), move.segment()).isTrue();
			assertThat(to.holds(move.segment())).as("%s holds %s", move.to(), move.segment()).isFalse();
			current = apply(current, List.of(move));
			double next = this.balancer.totalCost(current);
			assertThat(next).as("cost after %s", move).isLessThan(cost);
			cost = next;
		}
		return current;
	}

	private static ServerLoad find(List<ServerLoad> servers, String name) {
		Optional<ServerLoad> found = servers.stream().filter(server -> server.server().equals(name)).findFirst();
		return found.orElseThrow();
	}

	private static List<ServerLoad> apply(List<ServerLoad> servers, List<Move> moves) {
		Map<String, List<SegmentRef>> lists = new LinkedHashMap<>();
		Map<SegmentId, SegmentRef> refs = new LinkedHashMap<>();
		for (ServerLoad server : servers) {
			lists.put(server.server(), new ArrayList<>(server.segments()));
			server.segments().forEach(segment -> refs.put(segment.id(), segment));
		}
		for (Move move : moves) {
			SegmentRef segment = refs.get(move.segment());
			lists.get(move.from()).remove(segment);
			lists.get(move.to()).add(segment);
		}
		List<ServerLoad> result = new ArrayList<>();
		for (ServerLoad server : servers) {
			result.add(new ServerLoad(server.server(), server.tier(), server.maxSizeBytes(), lists.get(server.server())));
		}
		return result;
	}

}
