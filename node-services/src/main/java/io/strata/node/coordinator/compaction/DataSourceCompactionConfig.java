package io.strata.node.coordinator.compaction;

import java.util.Objects;

import io.strata.engine.time.Granularity;
import io.strata.engine.time.IsoPeriod;
import tools.jackson.databind.JsonNode;

/**
 * Druid's auto-compaction config of one datasource ({@code DataSourceCompactionConfig}). The
 * parts the coordinator acts on are parsed; the rest of the tuning config and the optional specs
 * are kept as given and passed on to the compact tasks it submits.
 * @param skipOffsetFromLatest how much of the newest data to leave alone (it may still change)
 * @param segmentGranularity from {@code granularitySpec}, or null: intervals follow the segments
 * @param tuningConfig the JSON object as given, or null
 * @param granularitySpec the JSON object as given, or null; likewise the other specs
 */
public record DataSourceCompactionConfig(String dataSource, int taskPriority, long inputSegmentSizeBytes,
		IsoPeriod skipOffsetFromLatest, PartitionsSpec partitionsSpec, Granularity segmentGranularity,
		JsonNode tuningConfig, JsonNode granularitySpec, JsonNode dimensionsSpec, JsonNode metricsSpec,
		JsonNode transformSpec, JsonNode ioConfig, JsonNode taskContext) {

	/** Druid's defaults. */
	public static final int DEFAULT_TASK_PRIORITY = 25;

	public static final long DEFAULT_INPUT_SEGMENT_SIZE_BYTES = 100_000_000_000_000L;

	public static final String DEFAULT_SKIP_OFFSET = "P1D";

	public DataSourceCompactionConfig {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(skipOffsetFromLatest, "skipOffsetFromLatest");
		Objects.requireNonNull(partitionsSpec, "partitionsSpec");
		if (dataSource.isEmpty()) {
			throw new IllegalArgumentException("dataSource must not be empty");
		}
		if (inputSegmentSizeBytes <= 0) {
			throw new IllegalArgumentException("inputSegmentSizeBytes must be positive");
		}
		tuningConfig = copy(tuningConfig);
		granularitySpec = copy(granularitySpec);
		dimensionsSpec = copy(dimensionsSpec);
		metricsSpec = copy(metricsSpec);
		transformSpec = copy(transformSpec);
		ioConfig = copy(ioConfig);
		taskContext = copy(taskContext);
	}

	private static JsonNode copy(JsonNode node) {
		return node == null || node.isNull() ? null : node.deepCopy();
	}

}
