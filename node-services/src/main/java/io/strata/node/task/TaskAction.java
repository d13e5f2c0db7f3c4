package io.strata.node.task;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.strata.engine.time.Interval;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.segment.DataSegment;

/**
 * What a running task asks the overlord leader to do for it (Druid's task actions, posted to
 * {@code /druid/indexer/v1/action} as {@code {"task": id, "action": {...}}}).
 */
public sealed interface TaskAction {

	/** {@code lockAcquire}: waits up to {@code timeoutMs} (0: the overlord's default) for the lock. */
	record LockAcquire(LockType lockType, Interval interval, long timeoutMs) implements TaskAction {

		public LockAcquire {
			Objects.requireNonNull(lockType, "lockType");
			Objects.requireNonNull(interval, "interval");
		}

	}

	/** {@code lockTryAcquire}: the lock if it can be granted now, else null. */
	record LockTryAcquire(LockType lockType, Interval interval) implements TaskAction {

		public LockTryAcquire {
			Objects.requireNonNull(lockType, "lockType");
			Objects.requireNonNull(interval, "interval");
		}

	}

	/** {@code lockRelease}. */
	record LockRelease(Interval interval) implements TaskAction {

		public LockRelease {
			Objects.requireNonNull(interval, "interval");
		}

	}

	/**
	 * {@code segmentAllocate}: a shared lock on {@code interval} and the id of the segment that
	 * {@code sequenceName} builds there, the same for every task asking with that sequence name
	 * (replicas): appended after the partitions the interval already has.
	 */
	record SegmentAllocate(Interval interval, String sequenceName) implements TaskAction {

		public SegmentAllocate {
			Objects.requireNonNull(interval, "interval");
			Objects.requireNonNull(sequenceName, "sequenceName");
		}

	}

	/** {@code lockList}: the task's locks. */
	record LockList() implements TaskAction {

	}

	/**
	 * {@code segmentTransactionalInsert}: inserts the pushed segments if the task's locks cover them;
	 * with a stream commit ({@code startMetadata}, {@code endMetadata}), also commits the end
	 * offsets in the same transaction, only if the committed ones match the start.
	 */
	record SegmentInsert(List<DataSegment> segments, Optional<StreamCommit> commit) implements TaskAction {

		public SegmentInsert {
			segments = List.copyOf(segments);
			Objects.requireNonNull(commit, "commit");
		}

		public SegmentInsert(List<DataSegment> segments) {
			this(segments, Optional.empty());
		}

	}

	/** The offsets a streaming task read from ({@code startMetadata}) up to ({@code endMetadata}). */
	record StreamCommit(StreamOffsets start, StreamOffsets end) {

		public StreamCommit {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
		}

	}

	/**
	 * {@code retrieveUnusedSegments}: unused segments of the datasource whose interval lies inside
	 * {@code interval}, of the given versions (all when empty), at most {@code limit} (0: all),
	 * oldest interval first.
	 */
	record RetrieveUnusedSegments(String dataSource, Interval interval, List<String> versions, int limit)
			implements TaskAction {

		public RetrieveUnusedSegments {
			Objects.requireNonNull(dataSource, "dataSource");
			Objects.requireNonNull(interval, "interval");
			versions = List.copyOf(versions);
			if (limit < 0) {
				throw new IllegalArgumentException("limit must not be negative");
			}
		}

	}

	/**
	 * {@code segmentNuke}: deletes the rows of unused segments if the task's locks cover them; a
	 * used segment among them refuses the whole action.
	 */
	record SegmentNuke(List<DataSegment> segments) implements TaskAction {

		public SegmentNuke {
			segments = List.copyOf(segments);
		}

	}

}
