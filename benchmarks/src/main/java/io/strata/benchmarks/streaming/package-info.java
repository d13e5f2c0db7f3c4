/**
 * The streaming benchmark of issue 7: a KRaft Kafka broker, the schema registry and a Strata
 * cluster (coordinator+overlord, broker, historical, middleManager) in one JVM, a Kafka
 * supervisor ingesting Avro usage events, and two measurements driven from outside as a
 * producer and a dashboard would: freshness (acknowledged by Kafka to counted by a broker query)
 * at a steady rate, and the sustained ingestion rate of one task over a pre-filled topic. Off the
 * data path; prints the figures recorded in docs/benchmarks.md. Never run by the test suite.
 */
package io.strata.benchmarks.streaming;
