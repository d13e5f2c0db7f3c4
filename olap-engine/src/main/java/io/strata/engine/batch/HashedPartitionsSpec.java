package io.strata.engine.batch;

import java.util.List;

/**
 * {@code {"type":"hashed"}}: each interval's rows are split into {@code numShards} buckets by a
 * hash of their partition dimensions' values ({@link HashPartitionFunction}), so that all rows
 * with the same values land in one segment. Without {@code numShards}, the number per interval is
 * the estimated row count (after rollup) divided by {@code targetRowsPerSegment}, rounded up.
 * @param numShards null to derive it from {@code targetRowsPerSegment}
 * @param targetRowsPerSegment null when {@code numShards} is given
 * @param partitionDimensions empty to hash the time and every dimension
 */
public record HashedPartitionsSpec(Integer numShards, Integer targetRowsPerSegment, List<String> partitionDimensions)
		implements PartitionsSpec {

	/** Druid's default {@code targetRowsPerSegment} when neither it nor {@code numShards} is set. */
	public static final int DEFAULT_TARGET_ROWS_PER_SEGMENT = 5_000_000;

	public HashedPartitionsSpec {
		partitionDimensions = List.copyOf(partitionDimensions);
		if (numShards != null && targetRowsPerSegment != null) {
			throw new IllegalArgumentException("numShards and targetRowsPerSegment exclude each other");
		}
		if (numShards != null && numShards <= 0) {
			throw new IllegalArgumentException("numShards must be positive");
		}
		if (targetRowsPerSegment != null && targetRowsPerSegment <= 0) {
			throw new IllegalArgumentException("targetRowsPerSegment must be positive");
		}
		if (numShards == null && targetRowsPerSegment == null) {
			targetRowsPerSegment = DEFAULT_TARGET_ROWS_PER_SEGMENT;
		}
	}

	public static HashedPartitionsSpec ofShards(int numShards, List<String> partitionDimensions) {
		return new HashedPartitionsSpec(numShards, null, partitionDimensions);
	}

	public static HashedPartitionsSpec ofTargetRows(int targetRowsPerSegment, List<String> partitionDimensions) {
		return new HashedPartitionsSpec(null, targetRowsPerSegment, partitionDimensions);
	}

	/** The shard count for an interval whose rows (after rollup) are estimated at {@code estimatedRows}. */
	public int shardsFor(long estimatedRows) {
		if (this.numShards != null) {
			return this.numShards;
		}
		long shards = (estimatedRows + this.targetRowsPerSegment - 1) / this.targetRowsPerSegment;
		return Math.clamp(shards, 1, Integer.MAX_VALUE);
	}

	@Override
	public String typeName() {
		return "hashed";
	}

}
