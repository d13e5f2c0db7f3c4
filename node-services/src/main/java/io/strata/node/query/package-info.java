/**
 * The broker to data-server query protocol, shared by both sides: Druid's segment-scoped query
 * ({@code intervals: {"type":"segments","segments":[{itvl,ver,part}]}}), answered per segment in
 * Druid's {@code bySegment} shape with un-finalized (mergeable) results, and the
 * {@code missingSegments} response context of segments the server no longer has.
 */
package io.strata.node.query;
