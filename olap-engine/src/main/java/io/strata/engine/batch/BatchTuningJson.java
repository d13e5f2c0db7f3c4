package io.strata.engine.batch;

import io.strata.engine.input.ParseExceptionHandler;
import io.strata.engine.json.SpecNode;

/**
 * Reads the fields of Druid's {@code tuningConfig} that {@link BatchTuningConfig} holds, and its
 * {@code partitionsSpec}; other fields (concurrency, retries) are the node layer's. Every error
 * names the field at fault. Stateless.
 */
public final class BatchTuningJson {

	/** @param node the {@code tuningConfig} object, or null for Druid's defaults */
	public BatchTuningConfig read(SpecNode node) {
		if (node == null) {
			return BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults());
		}
		SpecNode partitionsNode = node.optionalObject("partitionsSpec");
		PartitionsSpec partitions = partitionsNode == null ? DynamicPartitionsSpec.defaults()
				: readPartitionsSpec(partitionsNode);
		int maxRows = node.optionalInt("maxRowsInMemory", BatchTuningConfig.DEFAULT_MAX_ROWS_IN_MEMORY);
		long maxBytes = node.optionalLong("maxBytesInMemory", 0);
		// Druid: 0 means the default, a negative value means no limit
		long bytes = maxBytes == 0 ? BatchTuningConfig.defaultMaxBytesInMemory()
				: maxBytes < 0 ? Long.MAX_VALUE : maxBytes;
		int maxParse = node.optionalInt("maxParseExceptions", ParseExceptionHandler.UNLIMITED);
		int maxSaved = node.optionalInt("maxSavedParseExceptions", 0);
		return node.build(() -> new BatchTuningConfig(partitions, maxRows, bytes, maxParse, maxSaved));
	}

	public PartitionsSpec readPartitionsSpec(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "dynamic" -> {
				int maxRows = node.optionalInt("maxRowsPerSegment", DynamicPartitionsSpec.DEFAULT_MAX_ROWS_PER_SEGMENT);
				long maxTotal = node.optionalLong("maxTotalRows", DynamicPartitionsSpec.DEFAULT_MAX_TOTAL_ROWS);
				yield node.build(() -> new DynamicPartitionsSpec(maxRows, maxTotal));
			}
			case "hashed" -> {
				Integer numShards = node.has("numShards") ? node.optionalInt("numShards", 0) : null;
				// maxRowsPerSegment is the older name of targetRowsPerSegment
				String targetField = node.has("targetRowsPerSegment") ? "targetRowsPerSegment" : "maxRowsPerSegment";
				Integer target = node.has(targetField) ? node.optionalInt(targetField, 0) : null;
				String function = node.optionalString("partitionFunction", ShardSpec.Hashed.PARTITION_FUNCTION);
				if (!function.equals(ShardSpec.Hashed.PARTITION_FUNCTION)) {
					throw node.error("partitionFunction", "must be " + ShardSpec.Hashed.PARTITION_FUNCTION);
				}
				var dimensions = node.optionalStringList("partitionDimensions");
				yield node.build(() -> new HashedPartitionsSpec(numShards, target, dimensions));
			}
			default -> throw node.error("type",
					"is an unsupported partitionsSpec [" + type + "]; expected one of [dynamic, hashed]");
		};
	}

}
