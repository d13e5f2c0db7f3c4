package io.strata.node.task.kafka;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.realtime.RealtimeTuning;
import io.strata.node.metadata.StreamOffsets;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code index_kafka} task: what to build ({@code dataSchema}, tuning) from which
 * partitions of which topic, between which offsets.
 * @param baseSequenceName shared by the replicas of one task group and by a task that replaces
 * one of them: it names the segments they allocate and the directory a task restores from
 * @param replicaId which replica of its task group the task is (a replacement takes the place
 * of the one it replaces): with the sequence name it names the directory the task persists to
 * @param end the offsets to stop at ({@link Long#MAX_VALUE}: until the supervisor sets them)
 * @param inputFormat the {@code inputFormat} JSON as given (see {@link StreamParsers})
 * @param handoffTimeoutMillis how long to wait for historicals after publishing (0: no limit)
 * @param maxRowsPerSegment rows (after rollup) of one segment at which the task asks its
 * supervisor to end the task group early (Druid's checkpoint), so every replica stops at the
 * same offsets and the next group goes on in new segments
 */
public record KafkaIndexTaskSpec(DataSchema dataSchema, RealtimeTuning tuning, String topic,
		SortedMap<String, String> consumerProperties, int taskGroupId, String baseSequenceName, int replicaId, StreamOffsets start,
		StreamOffsets end, JsonNode inputFormat, long handoffTimeoutMillis, long maxRowsPerSegment) {

	public KafkaIndexTaskSpec {
		Objects.requireNonNull(dataSchema, "dataSchema");
		Objects.requireNonNull(tuning, "tuning");
		Objects.requireNonNull(topic, "topic");
		consumerProperties = Collections.unmodifiableSortedMap(new TreeMap<>(consumerProperties));
		Objects.requireNonNull(baseSequenceName, "baseSequenceName");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(inputFormat, "inputFormat");
		if (!start.partitionOffsets().keySet().equals(end.partitionOffsets().keySet())) {
			throw new IllegalArgumentException("start and end offsets must name the same partitions");
		}
	}

}
