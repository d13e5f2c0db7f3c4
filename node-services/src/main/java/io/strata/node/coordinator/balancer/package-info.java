/**
 * Segment placement on the control path: the coordinator asks where a new copy of a segment
 * should go and which copies to move so that segments likely to be queried together (same
 * datasource, near in time) sit on different historicals. The model is the cost idea of Druid's
 * cost balancer, written afresh: see {@link io.strata.node.coordinator.balancer.IntervalCost}.
 */
package io.strata.node.coordinator.balancer;
