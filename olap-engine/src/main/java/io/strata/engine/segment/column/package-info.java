/**
 * CONTRACT: readers of the columns of a segment, built for vectorized scans (batches of rows)
 * and bitmap-driven row selection. Implementations live in {@code segment.format}.
 */
package io.strata.engine.segment.column;
