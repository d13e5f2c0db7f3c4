/**
 * Batch input sources ({@code local}, {@code inline}, {@code http}): where the bytes of a batch
 * ingestion come from, as {@link io.strata.engine.input.InputEntity}s read by {@code
 * engine.input} formats. The node layer adds {@code s3}.
 */
package io.strata.engine.input.source;
