package io.strata.node.task;

import java.util.Objects;

/**
 * A task as the overlord API shows it, Druid's {@code TaskStatusPlus}: the shape of
 * {@code /task/{id}/status} and of every task list. Times are ISO-8601 UTC.
 */
public record TaskStatus(String id, String groupId, String type, String createdTime, String queueInsertionTime,
		TaskStatusCode statusCode, RunnerStatusCode runnerStatusCode, long duration, TaskLocation location,
		String dataSource, String errorMsg) {

	public TaskStatus {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(statusCode, "statusCode");
		Objects.requireNonNull(runnerStatusCode, "runnerStatusCode");
		Objects.requireNonNull(location, "location");
	}

}
