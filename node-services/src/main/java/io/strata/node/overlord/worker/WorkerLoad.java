package io.strata.node.overlord.worker;

import java.util.Objects;

import io.strata.node.zk.WorkerAnnouncement;

/**
 * A worker and how many of its slots are taken, as the strategies see it (Druid's
 * {@code ImmutableWorkerInfo}).
 */
public record WorkerLoad(WorkerAnnouncement worker, int used) {

	public WorkerLoad {
		Objects.requireNonNull(worker, "worker");
	}

	public int available() {
		return this.worker.capacity() - this.used;
	}

	/** Druid's {@code canRunTask} and version check: enabled, with a free slot. */
	boolean canRunTask() {
		return this.worker.enabled() && available() >= 1;
	}

}
