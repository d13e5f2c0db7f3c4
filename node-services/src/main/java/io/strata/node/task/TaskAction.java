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

}
