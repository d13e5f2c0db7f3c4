/**
 * IMPLEMENTATION: segment columns held in heap arrays, built row by row. They serve the live
 * incremental index as a {@link io.strata.engine.segment.Segment} and materialized virtual
 * columns, answering every read exactly as the persisted columns of {@code segment.format} do.
 */
package io.strata.engine.segment.memory;
