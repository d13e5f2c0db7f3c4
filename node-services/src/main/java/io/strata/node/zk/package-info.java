/**
 * Control path through ZooKeeper (Curator): service announcements, the segments each data server
 * serves, the coordinator to historical load queues and leader election. Druid's layout under
 * the base path: {@code announcements/<host:port>}, {@code segments/<host:port>/<segmentId>},
 * {@code loadQueue/<host:port>/<segmentId>}, {@code coordinator/_COORDINATOR}.
 */
package io.strata.node.zk;
