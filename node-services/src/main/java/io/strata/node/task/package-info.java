/**
 * Control path: the task model shared by the overlord (which queues, locks and assigns tasks) and
 * the workers (which run them): {@link io.strata.node.task.Task} with its verbatim JSON payload,
 * the registry of task types by Druid's {@code type}, the {@link io.strata.node.task.TaskContext}
 * a running task gets, and the JSON both sides exchange (statuses, locks, task actions).
 */
package io.strata.node.task;
