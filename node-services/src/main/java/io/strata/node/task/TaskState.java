package io.strata.node.task;

import java.util.Objects;

/**
 * A task's state as workers report it and the metadata store keeps it ({@code status_payload}),
 * Druid's {@code TaskStatus}: {@code {"id","status","duration","errorMsg","location"}}.
 * @param duration run time in milliseconds, -1 while running
 */
public record TaskState(String id, TaskStatusCode status, long duration, String errorMsg, TaskLocation location) {

	public TaskState {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(location, "location");
	}

	public static TaskState running(String id, TaskLocation location) {
		return new TaskState(id, TaskStatusCode.RUNNING, -1, null, location);
	}

	public static TaskState failure(String id, String errorMsg, TaskLocation location) {
		return new TaskState(id, TaskStatusCode.FAILED, -1, errorMsg, location);
	}

	public boolean isComplete() {
		return this.status.isComplete();
	}

}
