/**
 * Control path, single machine only: the services the gateway otherwise expects to find running
 * (a KRaft Kafka broker, Strata's schema registry), started inside the gateway's process so that
 * {@code bin/strata} needs nothing installed. Off unless {@code strata.embedded.*.enabled=true};
 * a production gateway talks to a real cluster and registry.
 */
package io.strata.gateway.embedded;
