/**
 * LOGICAL: Druid's extraction functions as records, each mapping one dimension value to another
 * ({@code null} in and out as Druid's SQL-compatible mode does). Used by extraction dimension
 * specs, filters and the search query; applied per distinct value by {@code query.exec}.
 */
package io.strata.engine.query.extraction;
