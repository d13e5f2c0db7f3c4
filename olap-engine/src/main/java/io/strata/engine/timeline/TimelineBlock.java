package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The present partitions of one (interval, version) and whether they make the block complete.
 * Mutable, owned by one {@link SegmentTimeline}; the partition list it hands out is an
 * immutable snapshot, so chunks already returned never change.
 */
final class TimelineBlock<T> {

	/**
	 * Which of two blocks covering the same instant wins: the higher version. Two blocks of one
	 * version rarely overlap (a version belongs to one time-chunk lock); when they do the later
	 * interval wins, so the answer does not depend on the order segments were added in.
	 */
	static final Comparator<TimelineBlock<?>> PRECEDENCE = Comparator
		.<TimelineBlock<?>, String>comparing(block -> block.key.version())
		.thenComparing(block -> block.key.interval());

	private final BlockKey key;

	private final int corePartitions;

	private final TreeMap<Integer, TimelineSegment<T>> partitions = new TreeMap<>();

	private int corePresent;

	private List<TimelineSegment<T>> snapshot = List.of();

	TimelineBlock(BlockKey key, int corePartitions) {
		this.key = key;
		this.corePartitions = corePartitions;
	}

	BlockKey key() {
		return this.key;
	}

	Interval interval() {
		return this.key.interval();
	}

	String version() {
		return this.key.version();
	}

	int corePartitions() {
		return this.corePartitions;
	}

	/** Adds the segment, replacing one of the same partitionNum. */
	void put(TimelineSegment<T> segment) {
		int partitionNum = segment.id().partitionNum();
		if (this.partitions.put(partitionNum, segment) == null && partitionNum < this.corePartitions) {
			this.corePresent++;
		}
		this.snapshot = List.copyOf(this.partitions.values());
	}

	void remove(int partitionNum) {
		if (this.partitions.remove(partitionNum) != null && partitionNum < this.corePartitions) {
			this.corePresent--;
		}
		this.snapshot = List.copyOf(this.partitions.values());
	}

	/** True when a partition other than {@code partitionNum} is present. */
	boolean holdsOtherThan(int partitionNum) {
		int size = this.partitions.size();
		return size > 1 || (size == 1 && !this.partitions.containsKey(partitionNum));
	}

	boolean isEmpty() {
		return this.partitions.isEmpty();
	}

	/** Complete when every core partition is present; with no core count, when any partition is. */
	boolean isComplete() {
		return this.corePartitions == 0 ? !this.partitions.isEmpty() : this.corePresent == this.corePartitions;
	}

	/** The present partitions by partitionNum; an immutable snapshot. */
	List<TimelineSegment<T>> partitions() {
		return this.snapshot;
	}

	@Override
	public String toString() {
		return this.key.interval() + "@" + this.key.version();
	}

}
