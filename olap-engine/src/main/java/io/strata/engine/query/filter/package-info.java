/**
 * LOGICAL: Druid's query filters as records. Resolved to row bitmaps per segment by {@code
 * query.exec}.
 */
package io.strata.engine.query.filter;
