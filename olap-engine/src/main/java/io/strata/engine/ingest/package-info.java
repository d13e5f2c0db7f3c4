/**
 * Ingestion, shared by real-time and batch: Druid's ingestion specs as records (and their JSON
 * binding), the {@link io.strata.engine.ingest.RowTransformer} every path applies to each input
 * row first, the {@link io.strata.engine.ingest.IncrementalIndex} that rolls rows up as they
 * arrive, its persist to a segment, and the {@link io.strata.engine.ingest.IndexingPipeline}
 * that spills and merges. Sits between {@code engine.input} and {@code engine.segment}.
 */
package io.strata.engine.ingest;
