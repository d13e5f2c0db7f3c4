package io.strata.node.segment;

import java.util.List;

/**
 * Druid's {@code shardSpec}: which partition of its time chunk a segment is, and how many
 * partitions make the chunk complete.
 */
public sealed interface ShardSpec {

	int partitionNum();

	/** Partitions 0..n-1 must all be present before the chunk is queryable; 0 = no such check. */
	int corePartitions();

	/** {@code {"type":"numbered","partitionNum":p,"partitions":n}}: batch and published segments. */
	record Numbered(int partitionNum, int partitions) implements ShardSpec {

		public Numbered {
			if (partitionNum < 0 || partitions < 0) {
				throw new IllegalArgumentException("partitionNum and partitions must not be negative");
			}
		}

		@Override
		public int corePartitions() {
			return this.partitions;
		}

	}

	/**
	 * {@code {"type":"hashed","partitionNum":p,"partitions":n,"bucketId":b,"numBuckets":n,
	 * "partitionDimensions":[...],"partitionFunction":"murmur3_32_abs"}}: one hash bucket of a
	 * chunk partitioned on the dimensions' values (all dimensions when the list is empty).
	 */
	record Hashed(int partitionNum, int partitions, int bucketId, int numBuckets, List<String> partitionDimensions)
			implements ShardSpec {

		public static final String PARTITION_FUNCTION = "murmur3_32_abs";

		public Hashed {
			if (partitionNum < 0 || partitions < 0 || bucketId < 0 || numBuckets < 1) {
				throw new IllegalArgumentException("partitionNum, partitions and bucketId must not be negative, numBuckets positive");
			}
			partitionDimensions = List.copyOf(partitionDimensions);
		}

		@Override
		public int corePartitions() {
			return this.partitions;
		}

	}

	/** {@code {"type":"linear","partitionNum":p}}: appended partitions, no completeness check. */
	record Linear(int partitionNum) implements ShardSpec {

		public Linear {
			if (partitionNum < 0) {
				throw new IllegalArgumentException("partitionNum must not be negative");
			}
		}

		@Override
		public int corePartitions() {
			return 0;
		}

	}

	/** {@code {"type":"none"}}: the only segment of its chunk. */
	record None() implements ShardSpec {

		@Override
		public int partitionNum() {
			return 0;
		}

		@Override
		public int corePartitions() {
			return 0;
		}

	}

}
