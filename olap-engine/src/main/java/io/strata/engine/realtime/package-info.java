/**
 * The engine part of real-time ingestion (an {@code index_kafka} task's body): {@link
 * io.strata.engine.realtime.StreamAppender} adds stream rows to one incremental index per
 * interval, keeps them queryable, persists them with the stream offsets they include, restores
 * after a crash and merges the final segments. No Kafka here: the node layer reads the stream.
 */
package io.strata.engine.realtime;
