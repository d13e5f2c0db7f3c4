package io.strata.node.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.strata.node.metadata.TaskLocksMetadata;

/** An in-memory task locks table with increasing row ids, as the JDBC adapter's. Thread-safe. */
public final class TestingTaskLocksMetadata implements TaskLocksMetadata {

	private final TreeMap<Long, LockEntry> rows = new TreeMap<>();

	private long nextId = 1;

	@Override
	public synchronized long add(String taskId, String lockPayload) {
		long id = this.nextId++;
		this.rows.put(id, new LockEntry(id, taskId, lockPayload));
		return id;
	}

	@Override
	public synchronized void replace(long id, String lockPayload) {
		LockEntry row = this.rows.get(id);
		if (row != null) {
			this.rows.put(id, new LockEntry(id, row.taskId(), lockPayload));
		}
	}

	@Override
	public synchronized void remove(long id) {
		this.rows.remove(id);
	}

	@Override
	public synchronized List<LockEntry> all() {
		return new ArrayList<>(this.rows.values());
	}

}
