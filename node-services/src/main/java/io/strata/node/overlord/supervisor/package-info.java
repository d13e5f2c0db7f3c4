/**
 * Druid's supervisors on the overlord: Kafka supervisor specs, validated and kept in the metadata
 * store with their history, and the supervisor API. Supervisors do not launch tasks yet.
 */
package io.strata.node.overlord.supervisor;
