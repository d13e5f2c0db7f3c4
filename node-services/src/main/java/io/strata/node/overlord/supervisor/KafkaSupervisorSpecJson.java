package io.strata.node.overlord.supervisor;

import java.util.Optional;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.IsoPeriod;
import io.strata.node.task.kafka.KafkaIndexTaskJson;
import io.strata.node.task.kafka.StreamParsers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Druid's {@code kafka} supervisor spec JSON, checking every field this node uses (errors
 * name the field), and writes the stored form: the submitted JSON with {@code id} and
 * {@code suspended} filled in. Thread-safe.
 */
public final class KafkaSupervisorSpecJson {

	private static final int DEFAULT_MAX_ROWS_IN_MEMORY = 150_000;

	private static final int DEFAULT_MAX_ROWS_PER_SEGMENT = 5_000_000;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final IngestSpecJson ingestJson = new IngestSpecJson();

	/** A checked spec and its JSON as stored. */
	public record Parsed(KafkaSupervisorSpec spec, JsonNode json) {

	}

	public JsonNode parse(String body) {
		try {
			JsonNode json = this.mapper.readTree(body);
			if (json == null || !json.isObject()) {
				throw StrataException.invalidInput("Supervisor spec must be a JSON object");
			}
			return json;
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Supervisor spec is not valid JSON: %s", ex.getOriginalMessage());
		}
	}

	/** @throws StrataException invalid spec naming the field at fault */
	public Parsed read(JsonNode json) {
		SpecNode root = SpecNode.root(json, "");
		String type = root.requiredString("type");
		if (!type.equals("kafka")) {
			throw root.error("type", "is [" + type + "]; only [kafka] supervisors are supported");
		}
		SpecNode spec = root.requiredObject("spec");
		DataSchema dataSchema = this.ingestJson.readDataSchema(spec.requiredObject("dataSchema"));
		String id = root.optionalString("id", dataSchema.dataSource());
		if (!id.equals(dataSchema.dataSource())) {
			throw root.error("id", "is [" + id + "] but must equal spec.dataSchema.dataSource [" + dataSchema.dataSource() + "]");
		}
		KafkaSupervisorSpec.IoConfig ioConfig = ioConfig(spec.requiredObject("ioConfig"));
		KafkaSupervisorSpec.TuningConfig tuningConfig = tuningConfig(spec.optionalObject("tuningConfig"));
		boolean suspended = root.optionalBoolean("suspended", false);
		ObjectNode stored = ((ObjectNode) json).deepCopy();
		stored.put("id", id);
		stored.put("suspended", suspended);
		return new Parsed(new KafkaSupervisorSpec(id, dataSchema, ioConfig, tuningConfig, suspended), stored);
	}

	/** The stored JSON with {@code suspended} set. */
	public JsonNode withSuspended(JsonNode stored, boolean suspended) {
		ObjectNode copy = ((ObjectNode) stored).deepCopy();
		copy.put("suspended", suspended);
		return copy;
	}

	public String write(JsonNode json) {
		return this.mapper.writeValueAsString(json);
	}

	private KafkaSupervisorSpec.IoConfig ioConfig(SpecNode io) {
		String type = io.optionalString("type", "kafka");
		if (!type.equals("kafka")) {
			throw io.error("type", "is [" + type + "]; expected [kafka]");
		}
		if (io.has("topicPattern")) {
			throw io.error("topicPattern", "is not supported yet; name one topic");
		}
		String topic = io.requiredString("topic");
		TreeMap<String, String> consumerProperties = KafkaIndexTaskJson.consumerProperties(io);
		int taskCount = positive(io, "taskCount", 1);
		int replicas = positive(io, "replicas", 1);
		IsoPeriod taskDuration = period(io, "taskDuration", "PT1H");
		boolean useEarliestOffset = io.optionalBoolean("useEarliestOffset", false);
		IsoPeriod completionTimeout = period(io, "completionTimeout", "PT30M");
		Optional<IsoPeriod> lateMessageRejection = io.has("lateMessageRejectionPeriod")
				? Optional.of(period(io, "lateMessageRejectionPeriod", "PT1H")) : Optional.empty();
		SpecNode inputFormat = io.requiredObject("inputFormat");
		StreamParsers.validate(inputFormat);
		String format = inputFormat.requiredString("type");
		return new KafkaSupervisorSpec.IoConfig(topic, consumerProperties, taskCount, replicas, taskDuration,
				useEarliestOffset, completionTimeout, lateMessageRejection, format);
	}

	private static KafkaSupervisorSpec.TuningConfig tuningConfig(SpecNode tuning) {
		if (tuning == null) {
			return new KafkaSupervisorSpec.TuningConfig(DEFAULT_MAX_ROWS_IN_MEMORY, DEFAULT_MAX_ROWS_PER_SEGMENT,
					IsoPeriod.parse("PT10M"), Integer.MAX_VALUE);
		}
		String type = tuning.optionalString("type", "kafka");
		if (!type.equals("kafka")) {
			throw tuning.error("type", "is [" + type + "]; expected [kafka]");
		}
		int maxParseExceptions = tuning.optionalInt("maxParseExceptions", Integer.MAX_VALUE);
		if (maxParseExceptions < 0) {
			throw tuning.error("maxParseExceptions", "must not be negative");
		}
		return new KafkaSupervisorSpec.TuningConfig(positive(tuning, "maxRowsInMemory", DEFAULT_MAX_ROWS_IN_MEMORY),
				positive(tuning, "maxRowsPerSegment", DEFAULT_MAX_ROWS_PER_SEGMENT),
				period(tuning, "intermediatePersistPeriod", "PT10M"), maxParseExceptions);
	}

	/** A period without months or years, in seconds. */
	static long seconds(IsoPeriod period) {
		return ((((period.weeks() * 7L + period.days()) * 24 + period.hours()) * 60 + period.minutes()) * 60)
				+ period.millis() / 1000;
	}

	private static int positive(SpecNode node, String field, int defaultValue) {
		return KafkaIndexTaskJson.positive(node, field, defaultValue);
	}

	private static IsoPeriod period(SpecNode node, String field, String defaultValue) {
		return KafkaIndexTaskJson.period(node, field, defaultValue);
	}

}
