/**
 * Strata's OLAP engine: a plain Java library (no Spring, Kafka, Curator or AWS).
 *
 * <pre>
 *  NDJSON / CSV / Avro / Parquet, from input.source: local, inline, http (s3 in the node layer)
 *        |  input: JsonRecordParser, CsvRecordParser, AvroRecordConverter -> InputRow | RowRejection
 *        |  ingest: RowTransformer (the dataSchema's transformSpec: transforms, then filter)
 *        |  batch: BatchIngestion / SegmentCompactor -> BatchSegmentBuilder (dynamic or hashed partitions)
 *        v
 *  ingest: IncrementalIndex (rollup on add; one writer, many readers)
 *        |  IndexPersister: sort dictionaries, order rows, encode
 *        v
 *  segment.format: SegmentWriter -> one file per segment (LZ4 blocks, CRC32C, roaring bitmaps)
 *        |  segment.merge: SegmentMerger (N spills -> 1 segment, rollup again)
 *        v
 *  segment (contract): Segment, columns read from the memory-mapped file -> queries (issue 3)
 * </pre>
 */
package io.strata.engine;
