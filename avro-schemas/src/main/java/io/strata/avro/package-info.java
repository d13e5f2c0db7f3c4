/**
 * Avro on the usage path: the schemas of usage, contract and limit events ({@code .avsc} files,
 * classes generated into {@code io.strata.avro.schema}), the Confluent wire-format serde in
 * {@code wire}, the schema registry client in {@code registry} and an embedded
 * Confluent-compatible registry in {@code registry.server}. The gateway writes with it; the
 * indexer and the limits service read with it. No Spring.
 */
package io.strata.avro;
