/**
 * Data path, serving: the historical pulls segments from deep storage into its cache directory
 * on the coordinator's load requests, memory-maps and announces them, and answers
 * segment-scoped native queries from brokers at {@code /druid/v2}.
 */
package io.strata.node.historical;
