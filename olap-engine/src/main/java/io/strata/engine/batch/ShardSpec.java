package io.strata.engine.batch;

import java.util.List;

/**
 * Druid's {@code shardSpec} of a published segment: its place among the segments of its interval
 * and version. The JSON shapes are Druid's ({@link ShardSpecJson}).
 */
public sealed interface ShardSpec {

	int partitionNum();

	/** The size of the interval's core partition set: a query needs all of them. */
	int partitions();

	/** {@code {"type":"numbered","partitionNum":0,"partitions":2}}: dynamic partitioning. */
	record Numbered(int partitionNum, int partitions) implements ShardSpec {

		public Numbered {
			if (partitionNum < 0 || partitions < 0) {
				throw new IllegalArgumentException("partitionNum and partitions must not be negative");
			}
		}

	}

	/**
	 * {@code {"type":"hashed",...}}: hash partitioning. {@code bucketId} is the hash bucket the
	 * rows were routed to, out of {@code numBuckets}; empty buckets produce no segment, so
	 * {@code partitionNum} and {@code partitions} count only the segments made.
	 */
	record Hashed(int partitionNum, int partitions, int bucketId, int numBuckets, List<String> partitionDimensions)
			implements ShardSpec {

		/** Druid's name of {@link HashPartitionFunction}. */
		public static final String PARTITION_FUNCTION = "murmur3_32_abs";

		public Hashed {
			partitionDimensions = List.copyOf(partitionDimensions);
			if (bucketId < 0 || bucketId >= numBuckets) {
				throw new IllegalArgumentException("bucketId must be in [0, numBuckets)");
			}
		}

	}

}
