package io.strata.node.task;

/**
 * Druid's {@code runnerStatusCode}: WAITING (queued, not ready), PENDING (ready, no worker slot
 * yet or not started on it), RUNNING (on a worker), NONE (complete).
 */
public enum RunnerStatusCode {

	WAITING, PENDING, RUNNING, NONE

}
