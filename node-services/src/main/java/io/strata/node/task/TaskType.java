package io.strata.node.task;

import io.strata.engine.json.SpecNode;

/**
 * One kind of task, registered under Druid's JSON {@code type} ({@code noop}, {@code index_parallel},
 * {@code compact}, {@code kill}). The overlord parses a submitted task with it to refuse bad fields
 * at once (400 naming the field); the worker parses the stored payload again to run it.
 * Implementations are stateless and thread-safe.
 */
public interface TaskType {

	/** Druid's {@code type} value. */
	String name();

	/** Lock priority when the context sets none (Druid: realtime 75, batch 50, compaction 25, other 0). */
	int defaultPriority();

	/**
	 * Reads and checks the type's own fields of a task payload.
	 * @throws io.strata.engine.error.StrataException invalid input naming the bad field
	 */
	TaskExecutor parse(SpecNode payload);

}
