/**
 * Druid's versioned interval timeline for one dataSource: which segments are visible at each
 * instant (the complete block with the highest version) and which are overshadowed for good.
 * On the query path the broker asks it which segments answer an interval; on the control path
 * the coordinator asks it which segments to load and which to mark unused.
 */
package io.strata.engine.timeline;
