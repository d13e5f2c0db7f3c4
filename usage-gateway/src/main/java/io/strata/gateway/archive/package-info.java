/**
 * Data path, archive side: the raw usage topic copied, each event exactly once, into hourly
 * Parquet files in deep storage ({@code archive/usage/dt=YYYY-MM-DD/hour=HH/}); batch
 * re-indexing reads them.
 */
package io.strata.gateway.archive;
