/**
 * LOGICAL: Druid's native queries as records, parsed from Druid's JSON by {@link
 * io.strata.engine.query.QueryJson}. What to compute; {@code query.exec} says how. Work in
 * progress (issue 3): timeseries first.
 */
package io.strata.engine.query;
