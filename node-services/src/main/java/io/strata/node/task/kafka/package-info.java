/**
 * Druid's {@code index_kafka} task: reads its Kafka partitions from start offsets to end offsets
 * (set by its supervisor), serves what it has read at once as live segments, persists, and at the
 * end publishes its segments together with the end offsets in one metadata transaction, then
 * waits for historicals to load them.
 */
package io.strata.node.task.kafka;
