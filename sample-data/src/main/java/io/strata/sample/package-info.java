/**
 * Deterministic sample API-usage traffic: the events the usage gateway would publish, as records, NDJSON or CSV.
 * It sits in front of the data path: benchmarks and ingestion tests feed its output to {@code engine.input}, and the
 * quickstart uses it as sample traffic. Plain JDK only, so any module may depend on it.
 */
package io.strata.sample;
