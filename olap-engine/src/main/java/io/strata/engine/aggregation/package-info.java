/**
 * Aggregators shared by ingestion (rollup in the incremental index, re-rollup in merges) and by
 * queries: the spec records, and the sketch codecs that store and combine sketch states.
 */
package io.strata.engine.aggregation;
