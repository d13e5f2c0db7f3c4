package io.strata.gateway.client;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's side of the gateway's JSON: a batch as the array {@code POST /v1/usage/events}
 * takes (written field by field, no reflection, timestamps as epoch milliseconds, absent optional
 * fields left out), and what it needs from a refusal's problem document. Thread-safe.
 */
final class UsageJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	byte[] write(List<UsageRecord> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 256);
		try (JsonGenerator json = this.mapper.createGenerator(out)) {
			json.writeStartArray();
			for (UsageRecord event : events) {
				write(json, event);
			}
			json.writeEndArray();
		}
		return out.toByteArray();
	}

	private static void write(JsonGenerator json, UsageRecord event) {
		json.writeStartObject();
		json.writeStringProperty("eventId", event.eventId());
		json.writeNumberProperty("timestamp", event.timestamp().toEpochMilli());
		json.writeStringProperty("accountId", event.accountId());
		json.writeStringProperty("apiName", event.apiName());
		json.writeNumberProperty("statusCode", event.statusCode());
		if (!event.bundles().isEmpty()) {
			json.writeArrayPropertyStart("bundles");
			for (String bundle : event.bundles()) {
				json.writeString(bundle);
			}
			json.writeEndArray();
		}
		optional(json, "requestId", event.requestId());
		if (event.latencyMs() > 0) {
			json.writeNumberProperty("latencyMs", event.latencyMs());
		}
		if (event.bytes() > 0) {
			json.writeNumberProperty("bytes", event.bytes());
		}
		optional(json, "region", event.region());
		optional(json, "plan", event.plan());
		if (!event.identifiers().isEmpty()) {
			json.writeObjectPropertyStart("identifiers");
			for (Map.Entry<String, String> identifier : event.identifiers().entrySet()) {
				json.writeStringProperty(identifier.getKey(), identifier.getValue());
			}
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	private static void optional(JsonGenerator json, String name, String value) {
		if (value != null) {
			json.writeStringProperty(name, value);
		}
	}

	/**
	 * The positions of the events a 400's problem names ({@code errors[].index}), ascending; empty
	 * when the body is not such a document or names no event below {@code batchSize}.
	 */
	TreeSet<Integer> badIndexes(String problem, int batchSize) {
		TreeSet<Integer> indexes = new TreeSet<>();
		for (JsonNode error : parse(problem).path("errors")) {
			JsonNode index = error.path("index");
			if (index.isIntegralNumber() && index.asInt() >= 0 && index.asInt() < batchSize) {
				indexes.add(index.asInt());
			}
		}
		return indexes;
	}

	/** The API names a 403's problem lists ({@code apiNames}); empty when it lists none. */
	TreeSet<String> forbiddenApiNames(String problem) {
		TreeSet<String> names = new TreeSet<>();
		for (JsonNode name : parse(problem).path("apiNames")) {
			if (name.isString()) {
				names.add(name.asString());
			}
		}
		return names;
	}

	private JsonNode parse(String body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			// not the gateway's problem document (a proxy's HTML page): nothing in it names events
			return this.mapper.missingNode();
		}
	}

}
