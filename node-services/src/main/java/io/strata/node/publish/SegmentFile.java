package io.strata.node.publish;

import java.nio.file.Path;
import java.util.Objects;

import io.strata.node.segment.ShardSpec;

/**
 * A segment file (engine format) to publish with the shard spec its builder chose: hashed
 * buckets, or appended partitions numbered after an existing block's.
 */
public record SegmentFile(Path path, ShardSpec shardSpec) {

	public SegmentFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(shardSpec, "shardSpec");
	}

}
