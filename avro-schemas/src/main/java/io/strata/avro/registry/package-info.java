/**
 * The Confluent Schema Registry REST protocol on the client side: {@link
 * io.strata.avro.registry.SchemaRegistryClient} registers and fetches schemas (and caches
 * them) for the wire-format serde, against Confluent's registry or the embedded one in {@code
 * registry.server}. Errors arrive as {@link io.strata.avro.registry.SchemaRegistryException}
 * with Confluent's HTTP status and error code.
 */
package io.strata.avro.registry;
