package io.strata.node.publish;

import java.nio.file.Path;
import java.util.Objects;

import io.strata.node.segment.ShardSpec;
import tools.jackson.databind.JsonNode;

/**
 * A segment file (engine format) to publish with the shard spec its builder chose (hashed
 * buckets, or appended partitions numbered after an existing block's) and, for a compaction's
 * output, Druid's {@code lastCompactionState}.
 * @param lastCompactionState null unless a compaction wrote the segment
 */
public record SegmentFile(Path path, ShardSpec shardSpec, JsonNode lastCompactionState) {

	public SegmentFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(shardSpec, "shardSpec");
	}

	public SegmentFile(Path path, ShardSpec shardSpec) {
		this(path, shardSpec, null);
	}

}
