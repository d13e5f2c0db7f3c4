/**
 * Benchmarks of the engine: commands that print the figures recorded in docs/benchmarks.md and
 * the JMH benchmarks. Off the data path; never run by the test suite.
 */
package io.strata.benchmarks;
