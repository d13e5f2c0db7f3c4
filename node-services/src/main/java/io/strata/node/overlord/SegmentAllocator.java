package io.strata.node.overlord;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.TaskLock;

/**
 * Druid's segment allocation for appending (streaming) tasks, on the overlord leader. A sequence
 * asking again for an interval gets the id it got before (also from an earlier leader: the ids are
 * in the pending segments table). A new id joins the newest version the interval has, used or
 * pending, numbered after every partition of that version, and keeps a used block's core
 * partition count, so appended rows never hide the block they join; an empty interval starts a
 * block of the lock's version with no core partitions (complete with any one partition). A used
 * segment overlapping the interval with another interval (another segment granularity) refuses
 * the allocation: a newer version would hide the rest of it.
 * Allocations stay after their segments are published (a slower replica asking later must get
 * the same id); the supervisor forgets those older than its oldest running task. Allocations are
 * serialized by this object's monitor.
 */
final class SegmentAllocator {

	private final SegmentsMetadata segments;

	private final PendingSegmentsMetadata pending;

	SegmentAllocator(SegmentsMetadata segments, PendingSegmentsMetadata pending) {
		this.segments = segments;
		this.pending = pending;
	}

	/** @param lock the shared lock the task holds on {@code interval} */
	synchronized PendingSegment allocate(String dataSource, Interval interval, String sequenceName, TaskLock lock) {
		Optional<PendingSegment> existing = this.pending.find(dataSource, sequenceName, interval);
		if (existing.isPresent()) {
			return existing.get();
		}
		List<DataSegment> overlapping = this.segments.usedSegments()
			.stream()
			.filter(segment -> segment.dataSource().equals(dataSource) && segment.interval().overlaps(interval))
			.toList();
		for (DataSegment segment : overlapping) {
			if (!segment.interval().equals(interval)) {
				// a newer version for this interval would hide the rest of that segment's rows
				throw StrataException.invalidInput(
						"Cannot allocate a segment of dataSource[%s] for interval[%s]: used segment[%s] covers interval[%s]; "
								+ "stream with the segmentGranularity the datasource's segments have",
						dataSource, interval, segment.id(), segment.interval());
			}
		}
		List<DataSegment> used = overlapping;
		List<PendingSegment> allocated = this.pending.overlapping(dataSource, interval)
			.stream()
			.filter(segment -> segment.interval().equals(interval))
			.toList();
		String version = newest(used, allocated).orElse(lock.version());
		int partitionNum = Math.max(
				used.stream().filter(s -> s.version().equals(version)).mapToInt(s -> s.shardSpec().partitionNum()).max().orElse(-1),
				allocated.stream().filter(s -> s.version().equals(version)).mapToInt(PendingSegment::partitionNum).max().orElse(-1))
				+ 1;
		int core = used.stream()
			.filter(s -> s.version().equals(version))
			.findFirst()
			.map(s -> s.shardSpec().corePartitions())
			.orElse(0);
		PendingSegment created = new PendingSegment(dataSource, sequenceName, interval, version, partitionNum, core);
		this.pending.insert(created);
		return created;
	}

	private static Optional<String> newest(List<DataSegment> used, List<PendingSegment> allocated) {
		return java.util.stream.Stream
			.concat(used.stream().map(DataSegment::version), allocated.stream().map(PendingSegment::version))
			.max(Comparator.naturalOrder());
	}

}
