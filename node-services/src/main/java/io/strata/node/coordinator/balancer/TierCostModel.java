package io.strata.node.coordinator.balancer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;

/**
 * The cost state of one tier during one balancing run, kept up to date move by move so that the
 * greedy search does not recompute sums. For every distinct segment X and server S it holds
 * {@code costTo[X][S]}: the summed pair cost of X with the segments on S other than X itself.
 * Moving a copy of X from A to B lowers the tier total by {@code costTo[X][A] - costTo[X][B]},
 * and changes only the entries of X's neighbours in time for A and B.
 * <p>
 * Segments are kept sorted by start so that each one's neighbours (pairs closer than {@link
 * IntervalCost#CUTOFF_MILLIS}) are a window of the array. Building costs one pass over the
 * neighbour pairs; finding a move costs (segments × servers); applying it costs one window.
 * One writer: a model belongs to one run on one thread.
 */
final class TierCostModel {

	/**
	 * A move must lower the total by at least this fraction of the moved segment's cost with
	 * itself: smaller gains are rounding left over from the incremental sums, or far too small to
	 * be worth copying a segment across the network.
	 */
	private static final double MIN_GAIN_FRACTION = 1e-6;

	/** One candidate move, by index into the model's arrays. */
	record Candidate(int segment, int from, int to, double gain) {

	}

	private final String[] serverNames;

	private final long[] usedBytes;

	private final long[] maxBytes;

	private final SegmentRef[] segments;

	private final long[] starts;

	private final long[] ends;

	private final int[] dataSources;

	private final double[] decays;

	/** Each segment's cost with itself: the scale against which a gain counts as noise. */
	private final double[] selfCosts;

	/** The longest segment, which bounds how far back a neighbour's start can lie. */
	private final long maxDurationMillis;

	/** Server indexes holding each segment, ascending. */
	private final int[][] holders;

	/** Row-major [segment][server]. */
	private final boolean[] holds;

	/** Row-major [segment][server]. */
	private final double[] costTo;

	private final boolean[] moved;

	private final int serverCount;

	private TierCostModel(List<ServerLoad> servers) {
		List<ServerLoad> byName = new ArrayList<>(servers);
		byName.sort(Comparator.comparing(ServerLoad::server));
		this.serverCount = byName.size();
		this.serverNames = new String[this.serverCount];
		this.usedBytes = new long[this.serverCount];
		this.maxBytes = new long[this.serverCount];
		Map<SegmentId, SegmentRef> distinct = new LinkedHashMap<>();
		Map<SegmentId, String> firstHolder = new LinkedHashMap<>();
		for (int s = 0; s < this.serverCount; s++) {
			ServerLoad server = byName.get(s);
			if (s > 0 && this.serverNames[s - 1].equals(server.server())) {
				throw StrataException.defensive("Server[%s] is listed twice in one tier", server.server());
			}
			this.serverNames[s] = server.server();
			this.usedBytes[s] = server.currentSizeBytes();
			this.maxBytes[s] = server.maxSizeBytes();
			for (SegmentRef segment : server.segments()) {
				SegmentRef known = distinct.putIfAbsent(segment.id(), segment);
				if (known == null) {
					firstHolder.put(segment.id(), server.server());
				}
				else if (known.sizeBytes() != segment.sizeBytes()) {
					throw StrataException.defensive("Segment[%s] has size[%d] on server[%s] but size[%d] on server[%s]",
							segment.id(), known.sizeBytes(), firstHolder.get(segment.id()), segment.sizeBytes(),
							server.server());
				}
			}
		}
		this.segments = distinct.values().toArray(new SegmentRef[0]);
		Arrays.sort(this.segments, Comparator.comparingLong((SegmentRef ref) -> ref.id().interval().startMillis())
			.thenComparingLong(ref -> ref.id().interval().endMillis())
			.thenComparing(SegmentRef::id));
		int count = this.segments.length;
		this.starts = new long[count];
		this.ends = new long[count];
		this.dataSources = new int[count];
		this.decays = new double[count];
		this.selfCosts = new double[count];
		Map<String, Integer> dataSourceIndex = new LinkedHashMap<>();
		Map<SegmentId, Integer> segmentIndex = new LinkedHashMap<>();
		long longest = 0;
		for (int i = 0; i < count; i++) {
			SegmentRef segment = this.segments[i];
			this.starts[i] = segment.id().interval().startMillis();
			this.ends[i] = segment.id().interval().endMillis();
			this.dataSources[i] = dataSourceIndex.computeIfAbsent(segment.id().dataSource(), name -> dataSourceIndex.size());
			this.decays[i] = IntervalCost.decay(this.ends[i] - this.starts[i]);
			this.selfCosts[i] = IntervalCost.overlapping(this.starts[i], this.ends[i], this.starts[i], this.ends[i]);
			longest = Math.max(longest, this.ends[i] - this.starts[i]);
			segmentIndex.put(segment.id(), i);
		}
		this.maxDurationMillis = longest;
		this.holds = new boolean[count * this.serverCount];
		for (int s = 0; s < this.serverCount; s++) {
			for (SegmentRef segment : byName.get(s).segments()) {
				this.holds[segmentIndex.get(segment.id()) * this.serverCount + s] = true;
			}
		}
		this.holders = new int[count][];
		for (int i = 0; i < count; i++) {
			int holding = 0;
			for (int s = 0; s < this.serverCount; s++) {
				holding += this.holds[i * this.serverCount + s] ? 1 : 0;
			}
			this.holders[i] = new int[holding];
			int next = 0;
			for (int s = 0; s < this.serverCount; s++) {
				if (this.holds[i * this.serverCount + s]) {
					this.holders[i][next++] = s;
				}
			}
		}
		this.costTo = new double[count * this.serverCount];
		this.moved = new boolean[count];
		addAllPairs();
	}

	static TierCostModel of(List<ServerLoad> servers) {
		return new TierCostModel(servers);
	}

	/**
	 * Each pair once: sorted by start, the later-starting segment j of a pair (i, j) is within the
	 * cutoff exactly while {@code start[j] < end[i] + cutoff}.
	 */
	private void addAllPairs() {
		int count = this.segments.length;
		for (int i = 0; i < count; i++) {
			long limit = saturatedAdd(this.ends[i], IntervalCost.CUTOFF_MILLIS);
			for (int j = i + 1; j < count && this.starts[j] < limit; j++) {
				double weight = weight(i, j);
				if (weight == 0.0) {
					continue;
				}
				for (int s : this.holders[i]) {
					this.costTo[j * this.serverCount + s] += weight;
				}
				for (int s : this.holders[j]) {
					this.costTo[i * this.serverCount + s] += weight;
				}
			}
		}
	}

	/** The pair cost of two distinct segments: their joint cost, doubled within one datasource. */
	private double weight(int i, int j) {
		double cost;
		if (this.starts[j] >= this.ends[i]) {
			cost = IntervalCost.disjoint(this.starts[j] - this.ends[i], this.decays[i], this.decays[j]);
		}
		else if (this.starts[i] >= this.ends[j]) {
			cost = IntervalCost.disjoint(this.starts[i] - this.ends[j], this.decays[i], this.decays[j]);
		}
		else {
			cost = IntervalCost.overlapping(this.starts[i], this.ends[i], this.starts[j], this.ends[j]);
		}
		return this.dataSources[i] == this.dataSources[j] ? 2.0 * cost : cost;
	}

	/** The tier's total: every pair of distinct segments sharing a server, counted once per server. */
	double totalCost() {
		double total = 0.0;
		for (int i = 0; i < this.segments.length; i++) {
			for (int s : this.holders[i]) {
				total += this.costTo[i * this.serverCount + s];
			}
		}
		// each pair was counted from both of its segments
		return total / 2.0;
	}

	/**
	 * The move that lowers the total most, among copies not yet moved in this run, to servers that
	 * have room and do not hold the segment. Ties go to the earlier segment (by start, end, id),
	 * then the earlier source server by name, then the destination with the lowest used fraction,
	 * then by name. Empty when no move lowers the total by more than noise.
	 */
	Optional<Candidate> bestMove() {
		Candidate best = null;
		for (int i = 0; i < this.segments.length; i++) {
			if (this.moved[i]) {
				continue;
			}
			int row = i * this.serverCount;
			int from = -1;
			for (int s : this.holders[i]) {
				if (from < 0 || this.costTo[row + s] > this.costTo[row + from]) {
					from = s;
				}
			}
			int to = -1;
			long size = this.segments[i].sizeBytes();
			for (int d = 0; d < this.serverCount; d++) {
				if (this.holds[row + d] || size > this.maxBytes[d] - this.usedBytes[d]) {
					continue;
				}
				if (to < 0 || this.costTo[row + d] < this.costTo[row + to]
						|| (this.costTo[row + d] == this.costTo[row + to] && usedFraction(d) < usedFraction(to))) {
					to = d;
				}
			}
			if (from < 0 || to < 0) {
				continue;
			}
			double gain = this.costTo[row + from] - this.costTo[row + to];
			if (gain > MIN_GAIN_FRACTION * this.selfCosts[i] && gain > 0.0 && (best == null || gain > best.gain())) {
				best = new Candidate(i, from, to, gain);
			}
		}
		return Optional.ofNullable(best);
	}

	/** Applies a move found by {@link #bestMove()}; the segment is not moved again in this run. */
	Move apply(Candidate move) {
		int i = move.segment();
		int from = move.from();
		int to = move.to();
		long low = saturatedSubtract(this.starts[i], saturatedAdd(IntervalCost.CUTOFF_MILLIS, this.maxDurationMillis));
		long high = saturatedAdd(this.ends[i], IntervalCost.CUTOFF_MILLIS);
		for (int j = firstStartingAtOrAfter(low); j < this.segments.length && this.starts[j] < high; j++) {
			if (j == i) {
				continue;
			}
			double weight = weight(i, j);
			if (weight != 0.0) {
				this.costTo[j * this.serverCount + from] -= weight;
				this.costTo[j * this.serverCount + to] += weight;
			}
		}
		this.holds[i * this.serverCount + from] = false;
		this.holds[i * this.serverCount + to] = true;
		int[] holding = this.holders[i];
		for (int k = 0; k < holding.length; k++) {
			if (holding[k] == from) {
				holding[k] = to;
			}
		}
		Arrays.sort(holding);
		long size = this.segments[i].sizeBytes();
		this.usedBytes[from] -= size;
		this.usedBytes[to] += size;
		this.moved[i] = true;
		return new Move(this.segments[i].id(), this.serverNames[from], this.serverNames[to]);
	}

	private double usedFraction(int server) {
		return this.maxBytes[server] == 0 ? 1.0 : (double) this.usedBytes[server] / this.maxBytes[server];
	}

	private int firstStartingAtOrAfter(long millis) {
		int low = 0;
		int high = this.starts.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.starts[middle] < millis) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** {@code a + b} for {@code b >= 0}, stopping at Long.MAX_VALUE instead of wrapping. */
	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
	}

	/** {@code a - b} for {@code b >= 0}, stopping at Long.MIN_VALUE instead of wrapping. */
	private static long saturatedSubtract(long a, long b) {
		long difference = a - b;
		return ((a ^ b) & (a ^ difference)) < 0 ? Long.MIN_VALUE : difference;
	}

}
