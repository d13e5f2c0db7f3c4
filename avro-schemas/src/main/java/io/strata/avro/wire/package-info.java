/**
 * The Confluent wire format on Kafka: a magic byte 0, the writer schema's 4-byte big-endian
 * registry id, then the Avro binary body. {@link io.strata.avro.wire.ConfluentAvroSerializer}
 * (gateway, limits service) registers schemas under TopicNameStrategy subjects; {@link
 * io.strata.avro.wire.ConfluentAvroDeserializer} (indexer, limits service, archiver) resolves the
 * writer schema by id and reads into its reader schema. Bytes interoperate with Confluent's serdes.
 */
package io.strata.avro.wire;
