package io.strata.engine.segment.format;

/**
 * Where a column part lies in the segment file.
 * @param crc32c checksum of the whole part, or 0 for block parts whose blocks carry their own
 */
record PartLocation(long offset, long length, int crc32c, boolean blocks) {

}
