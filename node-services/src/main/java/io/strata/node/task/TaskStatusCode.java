package io.strata.node.task;

/** Druid's task {@code statusCode}: a task is RUNNING (queued included) until it ends. */
public enum TaskStatusCode {

	RUNNING, SUCCESS, FAILED;

	public boolean isComplete() {
		return this != RUNNING;
	}

}
