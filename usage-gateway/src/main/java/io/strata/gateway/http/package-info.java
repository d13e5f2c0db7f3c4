/**
 * Data path, entry: the HTTP API API services call to report usage ({@code POST /v1/usage/events}):
 * authentication, validation with an answer naming every bad field, and the answer once Kafka has
 * acknowledged every accepted event.
 */
package io.strata.gateway.http;
