package io.strata.node.segment;

import java.util.List;
import java.util.Objects;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;

/**
 * Druid's segment descriptor ({@code DataSegment}): what the metadata store's {@code payload}
 * column, the load queue and the served-segment announcements carry. Identity is the id.
 * @param size bytes of the segment object in deep storage
 */
public record DataSegment(SegmentId id, LoadSpec loadSpec, List<String> dimensions, List<String> metrics,
		ShardSpec shardSpec, int binaryVersion, long size) {

	/** Druid's segment format version number; Strata's own format is behind the load spec. */
	public static final int BINARY_VERSION = 9;

	public DataSegment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(loadSpec, "loadSpec");
		Objects.requireNonNull(shardSpec, "shardSpec");
		dimensions = List.copyOf(dimensions);
		metrics = List.copyOf(metrics);
		if (shardSpec.partitionNum() != id.partitionNum()) {
			throw new IllegalArgumentException("shardSpec partitionNum[" + shardSpec.partitionNum()
					+ "] differs from the id's [" + id.partitionNum() + "]");
		}
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative");
		}
	}

	public String dataSource() {
		return this.id.dataSource();
	}

	public Interval interval() {
		return this.id.interval();
	}

	public String version() {
		return this.id.version();
	}

	public DataSegment withLoadSpec(LoadSpec newLoadSpec) {
		return new DataSegment(this.id, newLoadSpec, this.dimensions, this.metrics, this.shardSpec,
				this.binaryVersion, this.size);
	}

}
