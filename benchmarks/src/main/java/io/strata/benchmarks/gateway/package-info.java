/**
 * The usage gateway benchmark of issue 6: an in-process KRaft Kafka broker, Strata's schema
 * registry and the gateway in one JVM, driven over HTTP by client threads posting batches of
 * generated usage events, then by the {@code UsageClient} with its default settings; events per
 * second accepted end to end (202 only after Kafka acknowledged every event). Off the data path:
 * it drives the gateway from outside, as API services will, and prints the figures recorded in
 * docs/benchmarks.md. Never run by the test suite.
 */
package io.strata.benchmarks.gateway;
