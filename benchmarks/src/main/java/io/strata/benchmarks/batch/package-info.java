/** The batch ingestion and compaction benchmark (issue 5). */
package io.strata.benchmarks.batch;
