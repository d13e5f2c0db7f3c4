package io.strata.node.segment;

import java.util.Arrays;
import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.deepstorage.LoadSpecJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Druid's JSON of a {@link DataSegment}: {@code dataSource, interval, version, loadSpec,
 * dimensions (comma separated), metrics (comma separated), shardSpec, binaryVersion, size,
 * identifier}, with {@code lastCompactionState} after {@code shardSpec} when a compaction wrote the
 * segment. Thread-safe.
 */
public final class DataSegmentJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public ObjectNode write(DataSegment segment) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("dataSource", segment.dataSource());
		node.put("interval", segment.interval().toString());
		node.put("version", segment.version());
		node.set("loadSpec", LoadSpecJson.write(segment.loadSpec()));
		node.put("dimensions", String.join(",", segment.dimensions()));
		node.put("metrics", String.join(",", segment.metrics()));
		ObjectNode shard = node.putObject("shardSpec");
		switch (segment.shardSpec()) {
			case ShardSpec.Numbered numbered -> {
				shard.put("type", "numbered");
				shard.put("partitionNum", numbered.partitionNum());
				shard.put("partitions", numbered.partitions());
			}
			case ShardSpec.Hashed hashed -> {
				shard.put("type", "hashed");
				shard.put("partitionNum", hashed.partitionNum());
				shard.put("partitions", hashed.partitions());
				shard.put("bucketId", hashed.bucketId());
				shard.put("numBuckets", hashed.numBuckets());
				hashed.partitionDimensions().forEach(shard.putArray("partitionDimensions")::add);
				shard.put("partitionFunction", ShardSpec.Hashed.PARTITION_FUNCTION);
			}
			case ShardSpec.Linear linear -> {
				shard.put("type", "linear");
				shard.put("partitionNum", linear.partitionNum());
			}
			case ShardSpec.None none -> shard.put("type", "none");
		}
		JsonNode state = segment.lastCompactionState();
		if (state != null) {
			// Druid's place for it, and only when set (NON_NULL)
			node.set("lastCompactionState", state);
		}
		node.put("binaryVersion", segment.binaryVersion());
		node.put("size", segment.size());
		node.put("identifier", segment.id().toString());
		return node;
	}

	public String toJson(DataSegment segment) {
		return this.mapper.writeValueAsString(write(segment));
	}

	public DataSegment read(String json) {
		try {
			return read(this.mapper.readTree(json));
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Segment payload is not valid JSON: %s", ex.getOriginalMessage());
		}
	}

	public DataSegment read(JsonNode json) {
		SpecNode node = SpecNode.root(json, "segment");
		node.requireObject();
		String dataSource = node.requiredString("dataSource");
		Interval interval = parseInterval(node, "interval");
		String version = node.requiredString("version");
		ShardSpec shardSpec = readShardSpec(node.optionalObject("shardSpec"));
		JsonNode loadSpec = json.get("loadSpec");
		if (loadSpec == null || !loadSpec.isObject()) {
			throw node.error("loadSpec", "is required");
		}
		LoadSpec parsedLoadSpec = LoadSpecJson.read(loadSpec);
		List<String> dimensions = split(node.optionalString("dimensions", ""));
		List<String> metrics = split(node.optionalString("metrics", ""));
		int binaryVersion = node.optionalInt("binaryVersion", DataSegment.BINARY_VERSION);
		long size = node.optionalLong("size", 0);
		if (size < 0) {
			throw node.error("size", "must not be negative");
		}
		JsonNode state = json.get("lastCompactionState");
		JsonNode lastCompactionState = state == null || state.isNull() ? null : state;
		if (lastCompactionState != null && !lastCompactionState.isObject()) {
			throw node.error("lastCompactionState", "must be a JSON object");
		}
		// the records' own checks (an empty dataSource ...) become spec errors naming the payload
		return node.build(() -> new DataSegment(new SegmentId(dataSource, interval, version, shardSpec.partitionNum()),
				parsedLoadSpec, dimensions, metrics, shardSpec, binaryVersion, size, lastCompactionState));
	}

	private static ShardSpec readShardSpec(SpecNode shard) {
		if (shard == null) {
			return new ShardSpec.None();
		}
		String type = shard.requiredString("type");
		int partitionNum = shard.optionalInt("partitionNum", 0);
		return switch (type) {
			case "numbered" -> {
				int partitions = shard.optionalInt("partitions", 0);
				yield shard.build(() -> new ShardSpec.Numbered(partitionNum, partitions));
			}
			case "hashed" -> {
				int partitions = shard.optionalInt("partitions", 0);
				int bucketId = shard.optionalInt("bucketId", partitionNum);
				int numBuckets = shard.optionalInt("numBuckets", Math.max(1, partitions));
				List<String> dimensions = shard.optionalStringList("partitionDimensions");
				yield shard.build(() -> new ShardSpec.Hashed(partitionNum, partitions, bucketId, numBuckets, dimensions));
			}
			case "linear" -> shard.build(() -> new ShardSpec.Linear(partitionNum));
			case "none" -> new ShardSpec.None();
			default -> throw shard.error("type", "is not a shard spec Strata supports: " + type);
		};
	}

	private static Interval parseInterval(SpecNode node, String field) {
		String text = node.requiredString(field);
		try {
			return Interval.parse(text);
		}
		catch (RuntimeException ex) {
			throw node.error(field, "is not an ISO interval: " + text);
		}
	}

	private static List<String> split(String csv) {
		return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
	}

}
