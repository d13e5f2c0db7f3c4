/**
 * The start of the data path: bytes (NDJSON, CSV, Avro container and Parquet files, from an
 * {@link io.strata.engine.input.InputSource}) and Avro records become {@link
 * io.strata.engine.input.InputRow}s with an event time, or {@link
 * io.strata.engine.input.RowRejection}s with a reason. Feeds {@code engine.ingest}.
 */
package io.strata.engine.input;
