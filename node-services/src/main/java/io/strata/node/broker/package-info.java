/**
 * Data path, querying: the broker keeps a timeline of what historicals announce (newest complete
 * version wins), sends each query's segments to the servers holding them, retries on replicas,
 * caches per-segment results and merges the answers with the engine's merge. Lanes bound how many
 * queries run at once.
 */
package io.strata.node.broker;
