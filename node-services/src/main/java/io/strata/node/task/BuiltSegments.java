package io.strata.node.task;

import java.util.List;

import io.strata.engine.batch.BuiltSegment;
import io.strata.node.publish.SegmentFile;
import io.strata.node.segment.ShardSpec;
import tools.jackson.databind.JsonNode;

/** The engine's built segments as files to publish, with the cluster's shard specs. */
public final class BuiltSegments {

	private BuiltSegments() {
	}

	public static List<SegmentFile> toSegmentFiles(List<BuiltSegment> segments) {
		return toSegmentFiles(segments, null);
	}

	/** @param lastCompactionState recorded on every segment (a compaction's output), or null */
	public static List<SegmentFile> toSegmentFiles(List<BuiltSegment> segments, JsonNode lastCompactionState) {
		return segments.stream()
			.map(segment -> new SegmentFile(segment.file(), shardSpec(segment.shardSpec()), lastCompactionState))
			.toList();
	}

	static ShardSpec shardSpec(io.strata.engine.batch.ShardSpec built) {
		return switch (built) {
			case io.strata.engine.batch.ShardSpec.Numbered numbered -> new ShardSpec.Numbered(numbered.partitionNum(),
					numbered.partitions());
			case io.strata.engine.batch.ShardSpec.Hashed hashed -> new ShardSpec.Hashed(hashed.partitionNum(),
					hashed.partitions(), hashed.bucketId(), hashed.numBuckets(), hashed.partitionDimensions());
		};
	}

}
