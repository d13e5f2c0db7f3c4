package io.strata.engine.batch;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.time.Interval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One segment made by a batch ingestion or a compaction, written and ready to push.
 * @param file the segment file, in the builder's directory
 * @param metadata what the file's trailer says (columns, sizes, aggregators)
 */
public record BuiltSegment(SegmentId id, ShardSpec shardSpec, long rowCount, Path file, SegmentMetadata metadata) {

	public BuiltSegment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(shardSpec, "shardSpec");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(metadata, "metadata");
		if (id.partitionNum() != shardSpec.partitionNum()) {
			throw new IllegalArgumentException("the id and the shard spec disagree on the partition number");
		}
	}

	public Interval interval() {
		return this.id.interval();
	}

	public int partitionNum() {
		return this.id.partitionNum();
	}

	/** The shard spec as Druid's JSON, for the segment's descriptor. */
	public String shardSpecJson() {
		return ShardSpecJson.toJson(this.shardSpec);
	}

}
