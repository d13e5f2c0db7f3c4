package io.strata.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Random adds and removes on a timeline of a few dozen milliseconds, checked after every step
 * against a brute-force oracle that decides the visible block millisecond by millisecond from
 * the segments alone. Fixed seeds, so a failure repeats.
 */
class SegmentTimelineOracleTest {

	private static final String DATA_SOURCE = "usage";

	/** Every interval lies inside [0, SPAN). */
	private static final int SPAN = 32;

	private static final String[] VERSIONS = { "v1", "v2", "v3", "v4" };

	@Test
	void lookupVisibleAndOvershadowedMatchTheOracle() {
		Coverage coverage = new Coverage();
		for (long seed = 1; seed <= 6; seed++) {
			runAgainstOracle(new Random(seed), 600, coverage);
		}
		// guards against an oracle comparison that passes only because the timelines stayed dull
		assertThat(coverage.stepsWithOvershadowed).isGreaterThan(500);
		assertThat(coverage.stepsWithManyChunks).isGreaterThan(500);
		assertThat(coverage.stepsWithIncompleteBlocks).isGreaterThan(500);
	}

	private static void runAgainstOracle(Random random, int steps, Coverage coverage) {
		SegmentTimeline<String> timeline = new SegmentTimeline<>(DATA_SOURCE);
		// the oracle's state: every present segment with its core count, and one core count per block
		TreeMap<SegmentId, Integer> present = new TreeMap<>();
		TreeMap<BlockKey, Integer> coreByBlock = new TreeMap<>();
		for (int step = 0; step < steps; step++) {
			if (!present.isEmpty() && random.nextInt(10) < 3) {
				List<SegmentId> ids = new ArrayList<>(present.keySet());
				SegmentId victim = ids.get(random.nextInt(ids.size()));
				assertThat(timeline.remove(victim)).isTrue();
				present.remove(victim);
			}
			else {
				int start = random.nextInt(SPAN - 1);
				int length = random.nextInt(10) == 0 ? SPAN : 1 + random.nextInt(8);
				Interval interval = Interval.of(start, Math.min(SPAN, start + length));
				String version = VERSIONS[random.nextInt(VERSIONS.length)];
				int core = coreByBlock.computeIfAbsent(new BlockKey(interval, version), key -> random.nextInt(4));
				SegmentId id = new SegmentId(DATA_SOURCE, interval, version, random.nextInt(5));
				timeline.add(id, core, id.toString());
				present.put(id, core);
			}
			Oracle oracle = new Oracle(present);
			String context = "step " + step + " with " + present.keySet();
			assertThat(describe(timeline.visible())).as(context).isEqualTo(oracle.visible(0, SPAN));
			for (int query = 0; query < 4; query++) {
				int from = random.nextInt(SPAN + 4) - 2;
				int to = from + random.nextInt(SPAN / 2);
				assertThat(describe(timeline.lookup(Interval.of(from, to)))).as(context + " lookup " + from + "/" + to)
					.isEqualTo(oracle.visible(from, to));
			}
			assertThat(timeline.overshadowed()).as(context).isEqualTo(oracle.overshadowed());
			coverage.record(oracle, timeline.visible().size());
			assertThat(timeline.all()).extracting(TimelineSegment::id)
				.containsExactlyElementsOf(present.keySet());
		}
	}

	private static List<String> describe(List<TimelineChunk<String>> chunks) {
		List<String> result = new ArrayList<>();
		for (TimelineChunk<String> chunk : chunks) {
			List<SegmentId> ids = new ArrayList<>();
			for (TimelineSegment<String> segment : chunk.partitions()) {
				ids.add(segment.id());
			}
			result.add(chunk.interval().startMillis() + "/" + chunk.interval().endMillis() + " " + chunk.version() + " "
					+ ids);
		}
		return result;
	}

	/** Counts how many steps reached the cases worth checking. */
	private static final class Coverage {

		private int stepsWithOvershadowed;

		private int stepsWithManyChunks;

		private int stepsWithIncompleteBlocks;

		void record(Oracle oracle, int chunks) {
			if (!oracle.overshadowed().isEmpty()) {
				this.stepsWithOvershadowed++;
			}
			if (chunks >= 4) {
				this.stepsWithManyChunks++;
			}
			if (oracle.complete.size() < oracle.blocks.size()) {
				this.stepsWithIncompleteBlocks++;
			}
		}

	}

	/** Decides everything from the present segments, one millisecond at a time. */
	private static final class Oracle {

		private final TreeMap<BlockKey, List<SegmentId>> blocks = new TreeMap<>();

		private final List<BlockKey> complete = new ArrayList<>();

		Oracle(TreeMap<SegmentId, Integer> present) {
			TreeMap<BlockKey, Integer> cores = new TreeMap<>();
			for (Map.Entry<SegmentId, Integer> entry : present.entrySet()) {
				BlockKey key = new BlockKey(entry.getKey().interval(), entry.getKey().version());
				this.blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.getKey());
				cores.put(key, entry.getValue());
			}
			for (Map.Entry<BlockKey, List<SegmentId>> block : this.blocks.entrySet()) {
				int core = cores.get(block.getKey());
				int corePresent = 0;
				for (SegmentId id : block.getValue()) {
					if (id.partitionNum() < core) {
						corePresent++;
					}
				}
				if (core == 0 || corePresent == core) {
					this.complete.add(block.getKey());
				}
			}
		}

		/** The winner at one millisecond: highest version, then the later interval; null in a gap. */
		private BlockKey winnerAt(long millis) {
			BlockKey winner = null;
			for (BlockKey key : this.complete) {
				if (key.interval().contains(millis) && (winner == null || beats(key, winner))) {
					winner = key;
				}
			}
			return winner;
		}

		private static boolean beats(BlockKey key, BlockKey other) {
			int byVersion = key.version().compareTo(other.version());
			return byVersion != 0 ? byVersion > 0 : key.interval().compareTo(other.interval()) > 0;
		}

		List<String> visible(long from, long to) {
			List<String> result = new ArrayList<>();
			long millis = from;
			while (millis < to) {
				BlockKey winner = winnerAt(millis);
				long end = millis + 1;
				while (end < to && winnerAt(end) == winner) {
					end++;
				}
				if (winner != null) {
					result.add(millis + "/" + end + " " + winner.version() + " " + this.blocks.get(winner));
				}
				millis = end;
			}
			return result;
		}

		List<SegmentId> overshadowed() {
			List<SegmentId> result = new ArrayList<>();
			for (Map.Entry<BlockKey, List<SegmentId>> block : this.blocks.entrySet()) {
				if (coveredByNewer(block.getKey())) {
					result.addAll(block.getValue());
				}
			}
			return result;
		}

		private boolean coveredByNewer(BlockKey block) {
			Interval interval = block.interval();
			for (long millis = interval.startMillis(); millis < interval.endMillis(); millis++) {
				boolean covered = false;
				for (BlockKey key : this.complete) {
					if (key.interval().contains(millis) && key.version().compareTo(block.version()) > 0) {
						covered = true;
					}
				}
				if (!covered) {
					return false;
				}
			}
			return true;
		}

	}

}
