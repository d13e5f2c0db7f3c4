package io.strata.node.segment;

import java.util.List;
import java.util.Objects;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import tools.jackson.databind.JsonNode;

/**
 * Druid's segment descriptor ({@code DataSegment}): what the metadata store's {@code payload}
 * column, the load queue and the served-segment announcements carry. Identity is the id.
 * @param size bytes of the segment object in deep storage
 * @param lastCompactionState Druid's {@code lastCompactionState} object as the compact task wrote it
 * ({@code {"partitionsSpec": {...}, "granularitySpec": {...}, ...}}), kept verbatim; null for a
 * segment no compaction wrote. Auto-compaction compares it with a datasource's config.
 */
public record DataSegment(SegmentId id, LoadSpec loadSpec, List<String> dimensions, List<String> metrics,
		ShardSpec shardSpec, int binaryVersion, long size, JsonNode lastCompactionState) {

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
		if (lastCompactionState != null) {
			if (!lastCompactionState.isObject()) {
				throw new IllegalArgumentException("lastCompactionState must be a JSON object");
			}
			// a private copy: the record must not change when the caller's tree does
			lastCompactionState = lastCompactionState.deepCopy();
		}
	}

	/** A segment no compaction wrote. */
	public DataSegment(SegmentId id, LoadSpec loadSpec, List<String> dimensions, List<String> metrics,
			ShardSpec shardSpec, int binaryVersion, long size) {
		this(id, loadSpec, dimensions, metrics, shardSpec, binaryVersion, size, null);
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
				this.binaryVersion, this.size, this.lastCompactionState);
	}

	public DataSegment withLastCompactionState(JsonNode state) {
		return new DataSegment(this.id, this.loadSpec, this.dimensions, this.metrics, this.shardSpec,
				this.binaryVersion, this.size, state);
	}

	/** The state as stored (a copy, so callers cannot change this segment's). */
	@Override
	public JsonNode lastCompactionState() {
		return this.lastCompactionState == null ? null : this.lastCompactionState.deepCopy();
	}

}
