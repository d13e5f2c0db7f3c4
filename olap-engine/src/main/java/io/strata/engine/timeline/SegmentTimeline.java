package io.strata.engine.timeline;

import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Druid's versioned interval timeline for one dataSource.
 *
 * <p>
 * The segments of one interval and version form a block. A block is complete when all its core
 * partitions (0 to corePartitions-1) are present, or, with no core count, when any partition is.
 * At each instant the visible block is the complete block of the highest version covering it;
 * an incomplete newer block leaves the older data visible, which is what lets a re-index switch
 * over in one step once its last core partition arrives. A segment is overshadowed when complete
 * blocks of strictly higher versions cover its whole interval: it can never be visible again
 * unless one of those is removed.
 *
 * <p>
 * The visible timeline is kept up to date on every change that alters a block's completeness
 * (recomputed over that block's interval only), so lookups cost a floor search plus the chunks
 * returned. Not thread-safe: one thread at a time, callers that share a timeline guard it. What
 * it returns are immutable snapshots and stay valid after later changes.
 */
public final class SegmentTimeline<T> {

	private final String dataSource;

	private final TreeMap<SegmentId, TimelineSegment<T>> segments = new TreeMap<>();

	private final TreeMap<BlockKey, TimelineBlock<T>> blocks = new TreeMap<>();

	private final CompleteBlockIndex<T> completeBlocks = new CompleteBlockIndex<>();

	private final VisibleTimeline<T> visible = new VisibleTimeline<>();

	public SegmentTimeline(String dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
	}

	public String dataSource() {
		return this.dataSource;
	}

	/**
	 * Adds a segment; a segment of the same id is replaced.
	 * @param corePartitions see {@link TimelineSegment#corePartitions()}; every segment of a
	 * block must declare the same count
	 * @throws StrataException INVALID_ARGUMENT when the segment belongs to another dataSource,
	 * has an empty or unmeasurably long interval, or disagrees with its block's core count
	 */
	public void add(SegmentId id, int corePartitions, T payload) {
		TimelineSegment<T> segment = new TimelineSegment<>(id, corePartitions, payload);
		checkBelongs(id);
		BlockKey key = new BlockKey(id.interval(), id.version());
		TimelineBlock<T> block = this.blocks.get(key);
		if (block != null && block.corePartitions() != corePartitions) {
			if (block.holdsOtherThan(id.partitionNum())) {
				throw StrataException.invalidInput(
						"Segment[%s] declares corePartitions[%d] but the other segments of its interval and version declare [%d]",
						id, corePartitions, block.corePartitions());
			}
			// the segment is the block's only one and changes its core count: start the block again
			remove(id);
			block = null;
		}
		if (block == null) {
			block = new TimelineBlock<>(key, corePartitions);
			this.blocks.put(key, block);
		}
		boolean wasComplete = block.isComplete();
		block.put(segment);
		this.segments.put(id, segment);
		if (!wasComplete && block.isComplete()) {
			this.completeBlocks.add(block);
			refresh(block.interval());
		}
	}

	/** Removes a segment; false when the timeline does not hold it. */
	public boolean remove(SegmentId id) {
		if (this.segments.remove(id) == null) {
			return false;
		}
		BlockKey key = new BlockKey(id.interval(), id.version());
		TimelineBlock<T> block = this.blocks.get(key);
		boolean wasComplete = block.isComplete();
		block.remove(id.partitionNum());
		if (block.isEmpty()) {
			this.blocks.remove(key);
		}
		if (wasComplete && !block.isComplete()) {
			this.completeBlocks.remove(block);
			refresh(block.interval());
		}
		return true;
	}

	public boolean isEmpty() {
		return this.segments.isEmpty();
	}

	/**
	 * The visible chunks overlapping {@code interval}, in time order, each chunk's interval
	 * clipped to {@code interval}. Gaps in the data are gaps in the list.
	 */
	public List<TimelineChunk<T>> lookup(Interval interval) {
		Objects.requireNonNull(interval, "interval");
		List<TimelineChunk<T>> chunks = new ArrayList<>();
		for (VisiblePiece<T> piece : this.visible.overlapping(interval)) {
			long start = Math.max(piece.start(), interval.startMillis());
			long end = Math.min(piece.end(), interval.endMillis());
			chunks.add(chunk(start, end, piece.block()));
		}
		return List.copyOf(chunks);
	}

	/** The whole visible timeline, in time order. */
	public List<TimelineChunk<T>> visible() {
		List<TimelineChunk<T>> chunks = new ArrayList<>();
		for (VisiblePiece<T> piece : this.visible.all()) {
			chunks.add(chunk(piece.start(), piece.end(), piece.block()));
		}
		return List.copyOf(chunks);
	}

	/**
	 * The segments whose whole interval is covered by complete blocks of strictly higher
	 * versions, sorted. A segment of an incomplete block is not overshadowed for being
	 * incomplete, and a block of the same version never overshadows another.
	 */
	public List<SegmentId> overshadowed() {
		List<SegmentId> result = new ArrayList<>();
		// blocks in (interval, version) order, partitions by number: the ids come out sorted
		for (TimelineBlock<T> block : this.blocks.values()) {
			if (this.visible.coveredByHigherVersion(block.interval(), block.version())) {
				for (TimelineSegment<T> segment : block.partitions()) {
					result.add(segment.id());
				}
			}
		}
		return List.copyOf(result);
	}

	/** Every segment held, visible or not, sorted by id. */
	public List<TimelineSegment<T>> all() {
		return List.copyOf(this.segments.values());
	}

	private void checkBelongs(SegmentId id) {
		if (!id.dataSource().equals(this.dataSource)) {
			throw StrataException.invalidInput("Segment[%s] does not belong to dataSource[%s]", id, this.dataSource);
		}
		Interval interval = id.interval();
		if (interval.durationMillis() <= 0) {
			// an empty interval covers no instant; a negative length is one too long to measure
			throw StrataException.invalidInput("Segment[%s] has an interval that is empty or too long to measure",
					id);
		}
	}

	private void refresh(Interval region) {
		this.visible.replace(region, VisibilitySweep.visibleIn(region, this.completeBlocks.overlapping(region)));
	}

	private static <T> TimelineChunk<T> chunk(long start, long end, TimelineBlock<T> block) {
		return new TimelineChunk<>(Interval.of(start, end), block.version(), block.partitions());
	}

}
