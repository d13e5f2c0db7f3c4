/**
 * IMPLEMENTATION: merging persisted segments of one interval into one (dictionary remap, k-way
 * row merge, rollup again): the step between real-time persists and handoff, and the core of
 * compaction.
 */
package io.strata.engine.segment.merge;
