/**
 * Aggregators shared by ingestion (rollup in the incremental index, re-rollup in merges) and by
 * queries: the spec records, and the sketch codecs that store and combine sketch states. HLL
 * merges at query time fold stored sketch bytes straight into registers ({@link
 * io.strata.engine.aggregation.HllRegisterUnion}) rather than deserializing every row.
 */
package io.strata.engine.aggregation;
