package io.strata.node.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.segment.DataSegment;

/** The segments table: every published segment, used or not. Thread-safe. */
public interface SegmentsMetadata {

	/**
	 * Inserts the segments as used, all or none (one transaction).
	 * @throws io.strata.engine.error.StrataException when a segment with the same id exists
	 */
	void insert(List<DataSegment> segments);

	List<DataSegment> usedSegments();

	/** Which of the ids have a row, used or not. */
	List<String> existing(Collection<SegmentId> ids);

	List<DataSegment> unusedSegments(String dataSource);

	/** Marks the segments unused; returns how many changed. */
	int markUnused(Collection<SegmentId> ids);

	/**
	 * Deletes the rows of those segments that are unused (kill); a used segment's row is never
	 * deleted, so a kill racing with a mark-used leaves the segment whole. Returns how many went.
	 */
	int delete(Collection<SegmentId> ids);

	/**
	 * The greatest version among used segments of the datasource overlapping the interval, so a
	 * new lock's version can be made greater (a re-index must overshadow what is there).
	 */
	Optional<String> maxUsedVersion(String dataSource, Interval interval);

	/** Datasources with at least one used segment (or any segment, with {@code includeUnused}), sorted. */
	List<String> dataSources(boolean includeUnused);

}
