/**
 * Retention rules on the control path: the coordinator matches each used segment against its
 * datasource's rule list, then the cluster default list ({@code _default}), and the first rule
 * that applies decides whether the segment is loaded (on which tiers, how many copies) or
 * dropped. Rules are stored and served as Druid's rule JSON.
 */
package io.strata.node.coordinator.rule;
