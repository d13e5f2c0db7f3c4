/**
 * Data path: accepted usage events become Avro {@code UsageEvent}s (sensitive identifiers
 * encrypted), produced to the usage topic by an idempotent producer with {@code acks=all}, keyed
 * by account; a request is answered only once Kafka has acknowledged every event of it.
 */
package io.strata.gateway.publish;
