/**
 * Control path: the overlord role. The elected leader keeps the task queue (persisted in
 * {@code <prefix>_tasks}, restored by each new leader), the lockbox, and assigns tasks to workers
 * through ZooKeeper (Druid's remote task runner): assignments under {@code indexer/tasks/<worker>},
 * statuses back under {@code indexer/status/<worker>}. Followers answer with a 307 to the leader.
 */
package io.strata.node.overlord;
