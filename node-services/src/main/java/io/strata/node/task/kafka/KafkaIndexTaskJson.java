package io.strata.node.task.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.ParseExceptionHandler;
import io.strata.engine.json.SpecNode;
import io.strata.engine.realtime.RealtimeTuning;
import io.strata.engine.time.IsoPeriod;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.metadata.StreamOffsetsJson;
import tools.jackson.databind.JsonNode;

/**
 * Druid's {@code index_kafka} task JSON: {@code dataSchema}, {@code tuningConfig} (type
 * {@code kafka}) and {@code ioConfig} with {@code topic}, {@code taskGroupId},
 * {@code baseSequenceName}, {@code startSequenceNumbers}/{@code endSequenceNumbers},
 * {@code consumerProperties}, {@code inputFormat} and the rejection periods. Also the tuning and
 * period rules the {@code kafka} supervisor spec shares. Thread-safe.
 */
public final class KafkaIndexTaskJson {

	static final int DEFAULT_MAX_ROWS_IN_MEMORY = 150_000;

	static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;

	/** Druid's {@code handoffConditionTimeout} default is to wait forever; a stuck handoff should not pin a slot for ever. */
	static final String DEFAULT_HANDOFF_TIMEOUT = "PT15M";

	private final IngestSpecJson ingestJson = new IngestSpecJson();

	/** @throws io.strata.engine.error.StrataException invalid input naming the bad field */
	public KafkaIndexTaskSpec read(SpecNode payload) {
		DataSchema dataSchema = this.ingestJson.readDataSchema(payload.requiredObject("dataSchema"));
		SpecNode io = payload.requiredObject("ioConfig");
		String topic = io.requiredString("topic");
		TreeMap<String, String> consumer = consumerProperties(io);
		SpecNode inputFormat = io.requiredObject("inputFormat");
		StreamParsers.validate(inputFormat);
		StreamOffsets start = sequenceNumbers(io.requiredObject("startSequenceNumbers"));
		StreamOffsets end = sequenceNumbers(io.requiredObject("endSequenceNumbers"));
		if (!start.stream().equals(topic) || !end.stream().equals(topic)) {
			throw io.error("startSequenceNumbers", "must name the stream [" + topic + "], as endSequenceNumbers must");
		}
		if (!start.partitionOffsets().keySet().equals(end.partitionOffsets().keySet())) {
			throw io.error("endSequenceNumbers", "must name the partitions startSequenceNumbers names");
		}
		SpecNode tuning = payload.optionalObject("tuningConfig");
		RealtimeTuning realtime = tuning(tuning, io);
		long handoff = tuning == null ? IsoPeriod.parse(DEFAULT_HANDOFF_TIMEOUT).fixedMillis()
				: tuning.optionalLong("handoffConditionTimeout", IsoPeriod.parse(DEFAULT_HANDOFF_TIMEOUT).fixedMillis());
		int maxRowsPerSegment = tuning == null ? DEFAULT_MAX_ROWS_PER_SEGMENT
				: positive(tuning, "maxRowsPerSegment", DEFAULT_MAX_ROWS_PER_SEGMENT);
		return new KafkaIndexTaskSpec(dataSchema, realtime, topic, consumer, io.optionalInt("taskGroupId", 0),
				io.requiredString("baseSequenceName"), io.optionalInt("replicaId", 0), start, end, inputFormat.json(),
				handoff, maxRowsPerSegment);
	}

	/**
	 * The task's JSON as a supervisor submits it.
	 * @param dataSchema the supervisor spec's {@code dataSchema} as submitted
	 * @param tuningConfig the supervisor spec's {@code tuningConfig}, or null
	 * @param ioConfig the supervisor spec's {@code ioConfig}: topic, consumer properties and input format are kept
	 * @param messageTimes the group's bounds from the rejection periods
	 */
	public Map<String, Object> write(String id, String groupId, JsonNode dataSchema, JsonNode tuningConfig,
			JsonNode ioConfig, int taskGroupId, String baseSequenceName, int replicaId, StreamOffsets start, StreamOffsets end,
			MessageTimes messageTimes, Map<String, Object> context) {
		Map<String, Object> io = new LinkedHashMap<>();
		io.put("type", "kafka");
		io.put("taskGroupId", taskGroupId);
		io.put("baseSequenceName", baseSequenceName);
		io.put("replicaId", replicaId);
		io.put("topic", ioConfig.path("topic").asString());
		io.put("startSequenceNumbers", sequenceNumbers(start, "start"));
		io.put("endSequenceNumbers", sequenceNumbers(end, "end"));
		io.put("consumerProperties", ioConfig.path("consumerProperties"));
		io.put("useTransaction", true);
		io.put("inputFormat", ioConfig.path("inputFormat"));
		// Druid's fixed bounds, computed once per task group: replicas and replacements keep the same rows
		messageTimes.minimum().ifPresent(min -> io.put("minimumMessageTime", IsoTime.format(min)));
		messageTimes.maximum().ifPresent(max -> io.put("maximumMessageTime", IsoTime.format(max)));
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("type", "index_kafka");
		task.put("id", id);
		task.put("groupId", groupId);
		task.put("dataSource", dataSchema.path("dataSource").asString());
		task.put("dataSchema", dataSchema);
		if (tuningConfig != null && !tuningConfig.isMissingNode() && !tuningConfig.isNull()) {
			task.put("tuningConfig", tuningConfig);
		}
		task.put("ioConfig", io);
		task.put("context", context);
		return task;
	}

	/**
	 * Druid's {@code minimumMessageTime}/{@code maximumMessageTime} of a task group: from its start,
	 * {@code lateMessageRejectionPeriod} back and {@code taskDuration + earlyMessageRejectionPeriod}
	 * ahead; empty when the spec sets no such period.
	 */
	public record MessageTimes(java.util.Optional<Long> minimum, java.util.Optional<Long> maximum) {

		public static MessageTimes of(SpecNode supervisorIoConfig, long groupStartMillis) {
			java.util.Optional<Long> minimum = supervisorIoConfig.has("lateMessageRejectionPeriod")
					? java.util.Optional.of(groupStartMillis
							- period(supervisorIoConfig, "lateMessageRejectionPeriod", "PT1H").fixedMillis())
					: java.util.Optional.empty();
			java.util.Optional<Long> maximum = supervisorIoConfig.has("earlyMessageRejectionPeriod")
					? java.util.Optional.of(groupStartMillis + period(supervisorIoConfig, "taskDuration", "PT1H").fixedMillis()
							+ period(supervisorIoConfig, "earlyMessageRejectionPeriod", "PT1H").fixedMillis())
					: java.util.Optional.empty();
			return new MessageTimes(minimum, maximum);
		}

	}

	/**
	 * The tuning of a Kafka ingestion from {@code tuningConfig} (may be null) and the ioConfig's
	 * fixed message-time bounds (a supervisor's tasks) or rejection periods (counted from each
	 * row's arrival; a task submitted by hand).
	 */
	public static RealtimeTuning tuning(SpecNode tuning, SpecNode io) {
		int maxRowsInMemory = DEFAULT_MAX_ROWS_IN_MEMORY;
		long persistMillis = IsoPeriod.parse("PT10M").fixedMillis();
		int maxParseExceptions = ParseExceptionHandler.UNLIMITED;
		int maxSaved = 0;
		if (tuning != null) {
			String type = tuning.optionalString("type", "kafka");
			if (!type.equals("kafka")) {
				throw tuning.error("type", "is [" + type + "]; expected [kafka]");
			}
			maxRowsInMemory = positive(tuning, "maxRowsInMemory", DEFAULT_MAX_ROWS_IN_MEMORY);
			persistMillis = period(tuning, "intermediatePersistPeriod", "PT10M").fixedMillis();
			maxParseExceptions = tuning.optionalInt("maxParseExceptions", ParseExceptionHandler.UNLIMITED);
			maxSaved = tuning.optionalInt("maxSavedParseExceptions", 0);
			if (maxParseExceptions < 0) {
				throw tuning.error("maxParseExceptions", "must not be negative");
			}
			if (maxSaved < 0) {
				throw tuning.error("maxSavedParseExceptions", "must not be negative");
			}
		}
		long late = io.has("lateMessageRejectionPeriod") ? period(io, "lateMessageRejectionPeriod", "PT1H").fixedMillis() : 0;
		long early = io.has("earlyMessageRejectionPeriod") ? period(io, "earlyMessageRejectionPeriod", "PT1H").fixedMillis()
				: 0;
		long minimum = io.has("minimumMessageTime") ? time(io, "minimumMessageTime") : Long.MIN_VALUE;
		long maximum = io.has("maximumMessageTime") ? time(io, "maximumMessageTime") : Long.MAX_VALUE;
		// one segment per interval and sequence: replicas must cut their segments at the same rows,
		// which a row limit inside a task would not guarantee (rows interleave across partitions);
		// maxRowsPerSegment ends the whole group instead (KafkaIndexTaskSpec)
		return new RealtimeTuning(maxRowsInMemory, Integer.MAX_VALUE, persistMillis, late, early, maxParseExceptions,
				maxSaved, minimum, maximum);
	}

	private static long time(SpecNode node, String field) {
		String text = node.requiredString(field);
		try {
			return IsoTime.parse(text);
		}
		catch (RuntimeException ex) {
			throw node.error(field, "is [" + text + "], not an ISO-8601 time");
		}
	}

	public static TreeMap<String, String> consumerProperties(SpecNode io) {
		SpecNode consumer = io.requiredObject("consumerProperties");
		consumer.requiredString("bootstrap.servers");
		TreeMap<String, String> properties = new TreeMap<>();
		for (String name : consumer.json().propertyNames()) {
			JsonNode value = consumer.json().get(name);
			if (!value.isValueNode()) {
				throw consumer.error(name, "must be a string, number or boolean");
			}
			properties.put(name, value.asString());
		}
		return properties;
	}

	public static int positive(SpecNode node, String field, int defaultValue) {
		int value = node.optionalInt(field, defaultValue);
		if (value < 1) {
			throw node.error(field, "must be at least 1");
		}
		return value;
	}

	/** A period without months or years (Druid takes these as standard durations). */
	public static IsoPeriod period(SpecNode node, String field, String defaultValue) {
		String text = node.optionalString(field, defaultValue);
		IsoPeriod period;
		try {
			period = IsoPeriod.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw node.error(field, "is [" + text + "], not a non-empty ISO-8601 period such as PT1H");
		}
		if (period.years() != 0 || period.months() != 0) {
			throw node.error(field, "is [" + text + "]; use weeks, days, hours, minutes or seconds, not months or years");
		}
		return period;
	}

	/** Druid's {@code SeekableStreamStart/EndSequenceNumbers} JSON. */
	static Map<String, Object> sequenceNumbers(StreamOffsets offsets, String type) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", type);
		json.put("stream", offsets.stream());
		json.put("partitionSequenceNumberMap", StreamOffsetsJson.writeOffsetMap(offsets.partitionOffsets()));
		if (type.equals("start")) {
			json.put("exclusivePartitions", java.util.List.of());
		}
		return json;
	}

	/** Druid's {@code SeekableStreamStart/EndSequenceNumbers} JSON, read. */
	static StreamOffsets sequenceNumbers(SpecNode node) {
		return new StreamOffsets(node.requiredString("stream"),
				StreamOffsetsJson.readOffsetMap(node.requiredObject("partitionSequenceNumberMap")));
	}

}
