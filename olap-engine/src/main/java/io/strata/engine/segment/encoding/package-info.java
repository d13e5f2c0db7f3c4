/**
 * IMPLEMENTATION: byte-level encodings of segment columns: bit packing, frame-of-reference and
 * delta numeric blocks, LZ4 block parts with per-block CRC32C, sorted UTF-8 dictionaries and
 * serialized roaring bitmaps. Used by {@code segment.format}.
 */
package io.strata.engine.segment.encoding;
