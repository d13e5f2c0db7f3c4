/**
 * Reading Druid-shaped JSON specs into records: a path-aware view of the JSON tree so that every
 * error names the field at fault. Used by the ingestion and (later) the query bindings.
 */
package io.strata.engine.json;
