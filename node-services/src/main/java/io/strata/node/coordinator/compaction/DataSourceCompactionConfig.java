package io.strata.node.coordinator.compaction;

import java.time.ZoneOffset;
import java.util.Objects;

import io.strata.engine.time.Granularity;
import io.strata.engine.time.IsoPeriod;
import tools.jackson.databind.JsonNode;

/**
 * Druid's auto-compaction config of one datasource ({@code DataSourceCompactionConfig}). The
 * parts the coordinator acts on are parsed; the rest of the tuning config and the optional specs
 * are kept as given and passed on to the compact tasks it submits.
 * @param skipOffsetFromLatest an ISO period: how much of the newest data to leave alone (it may
 * still change); a zero period ({@code PT0S}) leaves nothing alone
 * @param segmentGranularity from {@code granularitySpec}, or null: intervals follow the segments
 * @param tuningConfig the JSON object as given, or null
 * @param granularitySpec the JSON object as given, or null; likewise the other specs
 */
public record DataSourceCompactionConfig(String dataSource, int taskPriority, long inputSegmentSizeBytes,
		String skipOffsetFromLatest, PartitionsSpec partitionsSpec, Granularity segmentGranularity,
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
		skipOffset(skipOffsetFromLatest);
		tuningConfig = copy(tuningConfig);
		granularitySpec = copy(granularitySpec);
		dimensionsSpec = copy(dimensionsSpec);
		metricsSpec = copy(metricsSpec);
		transformSpec = copy(transformSpec);
		ioConfig = copy(ioConfig);
		taskContext = copy(taskContext);
	}

	/** Where skipping starts: {@code skipOffsetFromLatest} before the newest segment's end. */
	public long skipFrom(long latestEnd) {
		IsoPeriod offset = skipOffset(this.skipOffsetFromLatest);
		return offset == null ? latestEnd : offset.subtractFrom(latestEnd, ZoneOffset.UTC);
	}

	/** The period, or null for a zero one (which {@link IsoPeriod} cannot hold). */
	private static IsoPeriod skipOffset(String text) {
		if (text.matches("PT?(0+[YMWDHS]|T)*")) {
			return null;
		}
		try {
			return IsoPeriod.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("skipOffsetFromLatest is not an ISO period: " + text);
		}
	}

	private static JsonNode copy(JsonNode node) {
		return node == null || node.isNull() ? null : node.deepCopy();
	}

}
