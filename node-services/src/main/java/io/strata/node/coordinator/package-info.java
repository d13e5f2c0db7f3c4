/**
 * Control path: the coordinator. Its leader periodically reads the used segments from the
 * metadata store and what every historical serves and has queued from ZooKeeper, then runs its
 * duties (mark overshadowed segments unused, apply the retention rules per tier, balance, drop
 * what is no longer used) by writing load and drop requests into historicals' load queues.
 */
package io.strata.node.coordinator;
