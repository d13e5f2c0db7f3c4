package io.strata.node.coordinator.compaction;

import java.util.List;
import java.util.Objects;

import io.strata.engine.time.Interval;

/** What auto-compaction asks of the overlord leader. Implementations are thread-safe. */
public interface OverlordClient {

	/** A compact task not yet complete (waiting, pending or running) and the interval it compacts. */
	record ActiveCompaction(String taskId, String dataSource, Interval interval) {

		public ActiveCompaction {
			Objects.requireNonNull(taskId, "taskId");
			Objects.requireNonNull(dataSource, "dataSource");
			Objects.requireNonNull(interval, "interval");
		}

	}

	/** @throws io.strata.engine.error.StrataException unavailable when there is no overlord leader */
	List<ActiveCompaction> activeCompactions();

	/** The summed capacity of the announced workers. */
	int totalWorkerCapacity();

	/**
	 * Submits a task payload.
	 * @throws io.strata.engine.error.StrataException when the overlord refuses it, with its message
	 */
	void submit(String taskJson);

}
