/**
 * The broker's per-segment result cache, on the query path between the scatter (one request per
 * data server) and the merge: a segment whose intermediate result for the same query is cached is
 * not asked for again. Keys leave out the query context, so the same query sent with another
 * {@code queryId} or timeout hits. Plain Java; the broker's configuration wires it.
 */
package io.strata.node.broker.cache;
