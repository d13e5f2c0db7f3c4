/**
 * PHYSICAL: how queries run on segments: filters resolved to bitmaps, rows read in batches,
 * per-bucket aggregate states merged across segments, and Druid-shaped results; with context
 * {@code finalize: false}, a data server's intermediate answer, which {@link ResultMerger} merges
 * on the broker.
 */
package io.strata.engine.query.exec;
