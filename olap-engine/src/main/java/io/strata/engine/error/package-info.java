/**
 * Errors of the engine: one {@link io.strata.engine.error.StrataException} carrying an
 * {@link io.strata.engine.error.ErrorCode}. Used on every path; the HTTP edges in node-services
 * render it as Druid's error JSON.
 */
package io.strata.engine.error;
