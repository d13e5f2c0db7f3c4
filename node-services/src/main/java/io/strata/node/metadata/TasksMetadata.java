package io.strata.node.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tasks table, Druid's {@code <prefix>_tasks}: every submitted task with its payload and
 * latest status, both as Druid's JSON text; {@code active} until the task completes. Thread-safe.
 */
public interface TasksMetadata {

	/**
	 * One row. Times are ISO-8601 UTC.
	 * @param statusPayload Druid's {@code TaskStatus} JSON
	 */
	record TaskEntry(String id, String createdDate, String dataSource, String type, String groupId, String payload,
			String statusPayload, boolean active) {

		public TaskEntry {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(createdDate, "createdDate");
			Objects.requireNonNull(dataSource, "dataSource");
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(groupId, "groupId");
			Objects.requireNonNull(payload, "payload");
			Objects.requireNonNull(statusPayload, "statusPayload");
		}

	}

	/** @throws io.strata.engine.error.StrataException invalid input when a task with the id exists */
	void insert(TaskEntry task);

	Optional<TaskEntry> get(String id);

	/** Active tasks, oldest first. */
	List<TaskEntry> active();

	/**
	 * Complete tasks created at or after {@code createdSince}, newest first, at most {@code limit},
	 * optionally only of one datasource and one type (null: any).
	 */
	List<TaskEntry> complete(String createdSince, String dataSourceOrNull, String typeOrNull, int limit);

	/** Stores the task's latest status; {@code active} false once it is complete. */
	void setStatus(String id, String statusPayload, boolean active);

}
