/**
 * The one entry point: the router sends native queries to a broker (by the query's priority and
 * the brokers' service names) and proxies the coordinator's and overlord's APIs to their leaders.
 */
package io.strata.node.router;
