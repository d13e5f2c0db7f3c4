package io.strata.node.segment;

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
