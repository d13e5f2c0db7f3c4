/**
 * Data path, batch side: a batch enrichment job's usage summary file (CSV or NDJSON, one row per
 * result row) becomes {@code UsageEvent}s with source BATCH. A file is identified by its content,
 * so posting it again emits nothing new; each import has a status resource with its progress and
 * the errors of each bad line.
 */
package io.strata.gateway.batch;
