/**
 * Control path, data lifecycle: auto-compaction on the coordinator. Druid's compaction config
 * (per datasource, in the config table), the newest-first search for intervals that need
 * compaction, and the overlord client the {@code CompactSegments} duty submits compact tasks with.
 */
package io.strata.node.coordinator.compaction;
