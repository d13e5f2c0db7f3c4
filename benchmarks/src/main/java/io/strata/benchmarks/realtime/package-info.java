/** The real-time ingestion benchmark (issue 7, engine part): Avro messages into a stream appender. */
package io.strata.benchmarks.realtime;
