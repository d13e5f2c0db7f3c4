package io.strata.node.metadata;

import java.util.List;

/**
 * The task locks table, Druid's {@code <prefix>_tasklocks}: one row per task and lock it holds,
 * the lock as Druid's JSON, so a new overlord leader restores the lockbox. Thread-safe.
 */
public interface TaskLocksMetadata {

	record LockEntry(long id, String taskId, String payload) {

	}

	/** Stores a lock the task now holds; returns the row id. */
	long add(String taskId, String lockPayload);

	/** Replaces a held lock's payload (it was revoked). */
	void replace(long id, String lockPayload);

	void remove(long id);

	/** Every row, in id order. */
	List<LockEntry> all();

}
