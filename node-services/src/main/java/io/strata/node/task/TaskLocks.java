package io.strata.node.task;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.strata.engine.time.Interval;

/**
 * A task's time-chunk locks on its datasource, held by the overlord's lockbox (Druid's lock task
 * actions). A lock's version is the version segments written under it must carry. Locks go when
 * released or when the task ends; a higher-priority task may revoke one, after which publishing
 * under it fails.
 */
public interface TaskLocks {

	/**
	 * Waits up to {@code timeout} for the lock.
	 * @throws io.strata.engine.error.StrataException when it was not granted in time or the task's
	 * lock on the interval was revoked
	 */
	TaskLock acquire(Interval interval, LockType type, Duration timeout);

	/** The lock if it can be granted at once, else empty. */
	Optional<TaskLock> tryAcquire(Interval interval, LockType type);

	/** Releases the task's lock on exactly this interval; releasing one not held does nothing. */
	void release(Interval interval);

	/** The locks the task holds now. */
	List<TaskLock> held();

}
