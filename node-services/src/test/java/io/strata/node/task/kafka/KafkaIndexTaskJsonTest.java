package io.strata.node.task.kafka;

import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.node.metadata.StreamOffsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task JSON a supervisor writes is the task a worker reads; bad fields are named. */
class KafkaIndexTaskJsonTest {

	private static final String SUPERVISOR_SPEC = """
			{"dataSchema": {"dataSource": "usage",
			   "timestampSpec": {"column": "timestamp", "format": "millis"},
			   "dimensionsSpec": {"dimensions": ["accountId"]},
			   "metricsSpec": [{"type": "count", "name": "calls"}],
			   "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "minute"}},
			 "ioConfig": {"topic": "usage-events", "consumerProperties": {"bootstrap.servers": "localhost:9092"},
			   "taskCount": 1, "replicas": 2, "taskDuration": "PT1H", "lateMessageRejectionPeriod": "PT2H",
			   "inputFormat": {"type": "avro_stream", "avroBytesDecoder": {"type": "schema_registry", "url": "http://localhost:8085"}}},
			 "tuningConfig": {"type": "kafka", "maxRowsInMemory": 5000, "intermediatePersistPeriod": "PT30S",
			   "maxParseExceptions": 7, "maxSavedParseExceptions": 3, "maxRowsPerSegment": 100}}""";

	private static final long GROUP_START = java.time.Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final KafkaIndexTaskJson json = new KafkaIndexTaskJson();

	@Test
	void aWrittenTaskReadsBackWithItsOffsetsSequenceAndTuning() {
		JsonNode spec = this.mapper.readTree(SUPERVISOR_SPEC);
		StreamOffsets start = StreamOffsets.of("usage-events", Map.of(0, 10L, 2, 30L));
		StreamOffsets end = StreamOffsets.of("usage-events", Map.of(0, Long.MAX_VALUE, 2, Long.MAX_VALUE));
		Map<String, Object> task = this.json.write("index_kafka_usage_abc_1", "index_kafka_usage", spec.path("dataSchema"),
				spec.path("tuningConfig"), spec.path("ioConfig"), 0, "index_kafka_usage_abc", 1, start, end,
				KafkaIndexTaskJson.MessageTimes.of(SpecNode.root(spec.path("ioConfig"), "ioConfig"), GROUP_START),
				Map.of("supervisorId", "usage"));
		JsonNode written = this.mapper.valueToTree(task);

		assertThat(written.path("type").asString()).isEqualTo("index_kafka");
		assertThat(written.path("ioConfig").path("startSequenceNumbers").path("partitionSequenceNumberMap").path("2").asLong())
			.isEqualTo(30);
		KafkaIndexTaskSpec read = this.json.read(SpecNode.root(written, ""));

		assertThat(read.dataSchema().dataSource()).isEqualTo("usage");
		assertThat(read.topic()).isEqualTo("usage-events");
		assertThat(read.baseSequenceName()).isEqualTo("index_kafka_usage_abc");
		assertThat(read.replicaId()).isEqualTo(1);
		assertThat(read.start()).isEqualTo(start);
		assertThat(read.end()).isEqualTo(end);
		assertThat(read.consumerProperties()).containsEntry("bootstrap.servers", "localhost:9092");
		assertThat(read.tuning().maxRowsInMemory()).isEqualTo(5000);
		assertThat(read.tuning().intermediatePersistPeriodMillis()).isEqualTo(30_000);
		assertThat(read.tuning().minimumMessageTimeMillis()).as("the group's start less the late rejection period")
			.isEqualTo(GROUP_START - 7_200_000);
		assertThat(read.tuning().maximumMessageTimeMillis()).as("no early rejection period").isEqualTo(Long.MAX_VALUE);
		assertThat(read.tuning().lateMessageRejectionPeriodMillis()).as("fixed bounds, not a moving window").isZero();
		assertThat(read.tuning().maxParseExceptions()).isEqualTo(7);
		assertThat(read.tuning().maxSavedParseExceptions()).isEqualTo(3);
		assertThat(read.tuning().maxRowsPerSegment()).as("one segment per interval and sequence in the appender")
			.isEqualTo(Integer.MAX_VALUE);
		assertThat(read.maxRowsPerSegment()).as("the spec's limit ends the task group instead").isEqualTo(100);
	}

	@Test
	void badFieldsAreNamed() {
		JsonNode spec = this.mapper.readTree(SUPERVISOR_SPEC);
		ObjectNode task = this.mapper.valueToTree(this.json.write("t", "g", spec.path("dataSchema"),
				spec.path("tuningConfig"), spec.path("ioConfig"), 0, "seq", 0, StreamOffsets.of("usage-events", Map.of(0, 0L)),
				StreamOffsets.of("usage-events", Map.of(0, 5L)),
				new KafkaIndexTaskJson.MessageTimes(java.util.Optional.empty(), java.util.Optional.empty()), Map.of()));

		ObjectNode otherPartitions = task.deepCopy();
		((ObjectNode) otherPartitions.path("ioConfig").path("endSequenceNumbers").path("partitionSequenceNumberMap"))
			.put("1", 3);
		assertThatThrownBy(() -> this.json.read(SpecNode.root(otherPartitions, "")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("ioConfig.endSequenceNumbers");

		ObjectNode badDecoder = task.deepCopy();
		((ObjectNode) badDecoder.path("ioConfig").path("inputFormat").path("avroBytesDecoder")).put("type", "schema_repo");
		assertThatThrownBy(() -> this.json.read(SpecNode.root(badDecoder, "")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("avroBytesDecoder.type");

		ObjectNode noSequence = task.deepCopy();
		((ObjectNode) noSequence.path("ioConfig")).remove("baseSequenceName");
		assertThatThrownBy(() -> this.json.read(SpecNode.root(noSequence, "")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("baseSequenceName");
	}

}
