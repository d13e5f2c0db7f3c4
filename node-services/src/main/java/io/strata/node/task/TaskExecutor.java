package io.strata.node.task;

/** A parsed task, ready to run on a worker. */
public interface TaskExecutor {

	/** The datasource the task works on (top-level {@code dataSource}, or where its type keeps it). */
	String dataSource();

	/**
	 * Runs the task on a worker thread to the end. Called once per attempt; a task should check
	 * {@link TaskContext#cancelled()} between steps (the thread is also interrupted on shutdown).
	 * A thrown exception fails the task with the exception's message.
	 */
	TaskResult run(TaskContext context) throws Exception;

}
