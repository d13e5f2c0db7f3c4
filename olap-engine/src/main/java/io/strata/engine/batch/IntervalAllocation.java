package io.strata.engine.batch;

import java.util.Objects;

/**
 * Where the new segments of one interval go (Druid's segment allocation): their version and the
 * numbers they take. A fresh build (overwriting) numbers from 0 and its segments are the
 * interval's core partitions; an append ({@code appendToExisting}, dynamic partitioning only)
 * takes the existing version, numbers after the existing segments and leaves the core set as it is.
 * @param corePartitions the interval's existing core partition count for an append, or -1 when the
 * new segments make up the core set
 */
public record IntervalAllocation(String version, int firstPartitionNum, int corePartitions) {

	public IntervalAllocation {
		Objects.requireNonNull(version, "version");
		if (version.isEmpty()) {
			throw new IllegalArgumentException("version must not be empty");
		}
		if (firstPartitionNum < 0 || corePartitions < -1) {
			throw new IllegalArgumentException("firstPartitionNum must not be negative");
		}
	}

	/** New segments that replace the interval's data: numbered from 0. */
	public static IntervalAllocation fresh(String version) {
		return new IntervalAllocation(version, 0, -1);
	}

	/** New segments added to an interval that holds {@code existingPartitions} segments of {@code version}. */
	public static IntervalAllocation append(String version, int nextPartitionNum, int existingPartitions) {
		return new IntervalAllocation(version, nextPartitionNum, existingPartitions);
	}

	public boolean isFresh() {
		return this.corePartitions < 0;
	}

}
