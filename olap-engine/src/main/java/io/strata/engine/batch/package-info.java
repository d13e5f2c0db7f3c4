/**
 * Batch ingestion and compaction (Druid's {@code index_parallel} and {@code compact} task
 * bodies): rows from {@code engine.input} sources, or from existing segments, become segments
 * per segment-granularity interval and partition ({@code dynamic} or {@code hashed}), through
 * {@code engine.ingest} indexes and {@code engine.segment.merge}. The node layer runs them as tasks
 * and publishes what they return.
 */
package io.strata.engine.batch;
