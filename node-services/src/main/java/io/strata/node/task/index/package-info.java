/**
 * Control path, batch ingestion: Druid's {@code index_parallel} task on a worker — input sources
 * (the engine's plus {@code s3}), per-interval locks and versions, publishing, the ingestion report.
 */
package io.strata.node.task.index;
