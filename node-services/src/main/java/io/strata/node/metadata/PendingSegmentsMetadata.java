package io.strata.node.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.strata.engine.time.Interval;

/**
 * The pending segments table ({@code <prefix>_pendingSegments}): ids allocated to streaming tasks
 * and not yet published. Kept in the metadata store so that a new overlord leader hands a
 * replacement task the ids its predecessor allocated. Thread-safe; the allocator serializes writes.
 */
public interface PendingSegmentsMetadata {

	/** The id allocated to {@code sequenceName} for exactly {@code interval}, if any. */
	Optional<PendingSegment> find(String dataSource, String sequenceName, Interval interval);

	/** Every pending segment of the datasource whose interval overlaps {@code interval}. */
	List<PendingSegment> overlapping(String dataSource, Interval interval);

	void insert(PendingSegment segment);

	/** Forgets the pending segments with these ids; returns how many. */
	int delete(String dataSource, Collection<String> segmentIds);

	/**
	 * Forgets the datasource's pending segments allocated before {@code isoTime} (Druid's
	 * {@code killPendingSegments}: those of tasks older than every active one); returns how many.
	 */
	int deleteCreatedBefore(String dataSource, String isoTime);

}
