/**
 * PHYSICAL: how queries run on segments: filters resolved to bitmaps, rows read in batches,
 * per-bucket aggregate states merged across segments, and Druid-shaped results. Work in progress
 * (issue 3): timeseries first.
 */
package io.strata.engine.query.exec;
