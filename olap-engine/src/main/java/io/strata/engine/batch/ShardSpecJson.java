package io.strata.engine.batch;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@link ShardSpec}s as Druid's {@code shardSpec} JSON. Stateless. */
public final class ShardSpecJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ShardSpecJson() {
	}

	public static ObjectNode toNode(ShardSpec spec) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		switch (spec) {
			case ShardSpec.Numbered numbered -> {
				node.put("type", "numbered");
				node.put("partitionNum", numbered.partitionNum());
				node.put("partitions", numbered.partitions());
			}
			case ShardSpec.Hashed hashed -> {
				node.put("type", "hashed");
				node.put("partitionNum", hashed.partitionNum());
				node.put("partitions", hashed.partitions());
				node.put("bucketId", hashed.bucketId());
				node.put("numBuckets", hashed.numBuckets());
				ArrayNode dimensions = node.putArray("partitionDimensions");
				hashed.partitionDimensions().forEach(dimensions::add);
				node.put("partitionFunction", ShardSpec.Hashed.PARTITION_FUNCTION);
			}
		}
		return node;
	}

	public static String toJson(ShardSpec spec) {
		return MAPPER.writeValueAsString(toNode(spec));
	}

}
