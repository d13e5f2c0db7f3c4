package io.strata.node.task;

import java.util.List;
import java.util.Objects;

import io.strata.engine.time.Interval;
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

	/** {@code lockList}: the task's locks. */
	record LockList() implements TaskAction {

	}

	/** {@code segmentTransactionalInsert}: inserts the pushed segments if the task's locks cover them. */
	record SegmentInsert(List<DataSegment> segments) implements TaskAction {

		public SegmentInsert {
			segments = List.copyOf(segments);
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
