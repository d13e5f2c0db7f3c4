/**
 * An embedded, Confluent-compatible schema registry: the same REST paths, bodies, status and
 * error codes, compatibility checked with Avro's own {@code SchemaCompatibility}, state kept in
 * an append-only log so a restart keeps every id. The default registry of a single-node Strata
 * and of tests; production may point the serde at Confluent's registry instead.
 */
package io.strata.avro.registry.server;
