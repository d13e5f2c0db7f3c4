/**
 * The cluster query benchmark of issue 4: a coordinator, a broker and two historicals started in
 * one JVM on an in-process ZooKeeper, an H2 metadata file and local deep storage, loaded with 30
 * day segments of generated usage data and asked a dashboard's per-account queries over HTTP by
 * several client threads, once with the broker's result cache bypassed and once with it. Off the
 * data path: it drives the served system from outside, as the dashboard will, and prints the
 * figures recorded in docs/benchmarks.md. Never run by the test suite.
 */
package io.strata.benchmarks.cluster;
