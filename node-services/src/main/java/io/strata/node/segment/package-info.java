/**
 * The segment descriptor that travels through the metadata store and ZooKeeper: Druid's
 * {@code DataSegment} payload (identity, load spec, columns, shard spec, size). The segment's
 * body lives only on historicals, as an engine {@code Segment}.
 */
package io.strata.node.segment;
