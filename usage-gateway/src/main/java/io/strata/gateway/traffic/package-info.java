/**
 * Data path, before the gateway, for demonstrations only: a steady stream of generated usage
 * records (the shape of {@code sample-data}'s generator, stamped now) reported through a
 * {@code UsageClient} to this gateway's own {@code POST /v1/usage/events}, so that a new
 * single-machine install ({@code bin/strata}) has live traffic to query. Off unless
 * {@code strata.sample-traffic.events-per-second} is above 0.
 */
package io.strata.gateway.traffic;
