/**
 * IMPLEMENTATION: the segment file: {@link io.strata.engine.segment.format.SegmentWriter} lays
 * out columns written row by row, {@link io.strata.engine.segment.format.SegmentFileReader} maps
 * a file and serves its columns from the mapping. Layout in {@link
 * io.strata.engine.segment.format.SegmentFormat}.
 */
package io.strata.engine.segment.format;
