/**
 * Broker admission and ordering of queries, on the query path right after a query is parsed:
 * {@link io.strata.node.broker.lane.QueryScheduler} caps the queries running at once, in total and
 * per lane (Druid's {@code druid.query.scheduler.*}), and answers 429 when a cap is reached rather
 * than queueing; {@link io.strata.node.broker.lane.PriorityExecutor} then runs admitted work in
 * context {@code priority} order. Plain Java; the broker's configuration wires both.
 */
package io.strata.node.broker.lane;
