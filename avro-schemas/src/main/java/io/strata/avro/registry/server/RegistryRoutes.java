package io.strata.avro.registry.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.avro.registry.CompatibilityLevel;
import io.strata.avro.registry.RegistryError;
import io.strata.avro.registry.RegistryProtocol;
import io.strata.avro.registry.SchemaRegistryException;
import io.strata.avro.registry.SubjectVersion;
import java.util.List;
import java.util.Objects;

/**
 * Confluent's REST paths on top of a {@link SchemaStore}: picks the operation from the method and
 * the decoded path segments, checks the request body, and builds the answer JSON. Failures are
 * {@link SchemaRegistryException}s with Confluent's codes; {@link RegistryHttpHandler} renders
 * them. Stateless apart from the store.
 */
final class RegistryRoutes {

	private static final String INVALID_LEVEL = "Invalid compatibility level. Valid values are none, backward, "
			+ "forward, full, backward_transitive, forward_transitive, and full_transitive";

	private final SchemaStore store;

	private final ObjectMapper json;

	RegistryRoutes(SchemaStore store, ObjectMapper json) {
		this.store = Objects.requireNonNull(store, "store");
		this.json = Objects.requireNonNull(json, "json");
	}

	/**
	 * Serves one request.
	 * @param method the HTTP method
	 * @param path the decoded path segments, e.g. {@code [subjects, s, versions]}
	 * @param defaultToGlobal the {@code defaultToGlobal} query parameter of {@code GET /config/{subject}}
	 * @param body the parsed request body; a missing node when there was none
	 * @return the answer body of a 200
	 */
	JsonNode serve(String method, List<String> path, boolean defaultToGlobal, JsonNode body) {
		int size = path.size();
		String root = (size == 0) ? "" : path.get(0);
		return switch (root) {
			case "" -> (size == 0) ? only(method, "GET", this.json::createObjectNode) : notFound();
			case "subjects" -> subjects(method, path, body);
			case "schemas" -> (size == 3 && path.get(1).equals("ids")) ? only(method, "GET", () -> schemaById(path.get(2)))
					: notFound();
			case "config" -> config(method, path, defaultToGlobal, body);
			case "compatibility" -> compatibility(method, path, body);
			default -> notFound();
		};
	}

	private JsonNode subjects(String method, List<String> path, JsonNode body) {
		switch (path.size()) {
			case 1:
				return only(method, "GET", () -> strings(this.store.subjects()));
			case 2:
				return only(method, "POST", () -> versionNode(this.store.lookup(path.get(1), schemaText(body))));
			case 3:
				if (!path.get(2).equals("versions")) {
					return notFound();
				}
				if (method.equals("POST")) {
					return this.json.createObjectNode().put("id", this.store.register(path.get(1), schemaText(body)));
				}
				return only(method, "GET", () -> integers(this.store.versions(path.get(1))));
			case 4:
				if (!path.get(2).equals("versions")) {
					return notFound();
				}
				return only(method, "GET",
						() -> versionNode(this.store.version(path.get(1), parseVersion(path.get(3)))));
			case 5:
				if (!path.get(2).equals("versions") || !path.get(4).equals("schema")) {
					return notFound();
				}
				return only(method, "GET", () -> readTree(
						this.store.version(path.get(1), parseVersion(path.get(3))).schema()));
			default:
				return notFound();
		}
	}

	private JsonNode config(String method, List<String> path, boolean defaultToGlobal, JsonNode body) {
		if (path.size() == 1) {
			if (method.equals("PUT")) {
				CompatibilityLevel level = level(body);
				this.store.setGlobalLevel(level);
				return this.json.createObjectNode().put("compatibility", level.name());
			}
			return only(method, "GET", () -> levelNode(this.store.globalLevel()));
		}
		if (path.size() != 2) {
			return notFound();
		}
		String subject = path.get(1);
		if (method.equals("PUT")) {
			CompatibilityLevel level = level(body);
			this.store.setSubjectLevel(subject, level);
			return this.json.createObjectNode().put("compatibility", level.name());
		}
		return only(method, "GET", () -> {
			if (defaultToGlobal) {
				return levelNode(this.store.subjectLevel(subject).orElse(this.store.globalLevel()));
			}
			return levelNode(this.store.subjectLevel(subject)
				.orElseThrow(() -> new SchemaRegistryException(RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
						"Subject '" + subject + "' does not have subject-level compatibility configured")));
		});
	}

	private JsonNode compatibility(String method, List<String> path, JsonNode body) {
		boolean shape = (path.size() == 4 || path.size() == 5) && path.get(1).equals("subjects")
				&& path.get(3).equals("versions");
		if (!shape) {
			return notFound();
		}
		String subject = path.get(2);
		return only(method, "POST", () -> {
			String schema = schemaText(body);
			boolean compatible = (path.size() == 4) ? this.store.isCompatibleWithAll(subject, schema)
					: this.store.isCompatibleWith(subject, parseVersion(path.get(4)), schema);
			return this.json.createObjectNode().put("is_compatible", compatible);
		});
	}

	private JsonNode schemaById(String id) {
		int parsed;
		try {
			parsed = Integer.parseInt(id);
		}
		catch (NumberFormatException ex) {
			throw new SchemaRegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
		}
		return this.json.createObjectNode().put("schema", this.store.schemaById(parsed));
	}

	/** The schema text of a register, lookup or compatibility body; rejects types other than Avro. */
	private static String schemaText(JsonNode body) {
		JsonNode schema = body.get("schema");
		if (schema == null || !schema.isTextual() || schema.textValue().isBlank()) {
			throw new SchemaRegistryException(RegistryError.INVALID_SCHEMA, "Empty schema");
		}
		JsonNode type = body.get("schemaType");
		if (type != null && !type.isNull() && !RegistryProtocol.AVRO.equals(type.asText())) {
			throw new SchemaRegistryException(RegistryError.INVALID_SCHEMA,
					"Invalid schema: schemaType[" + type.asText() + "] is not supported, only AVRO");
		}
		JsonNode references = body.get("references");
		if (references != null && !references.isNull() && !references.isEmpty()) {
			throw new SchemaRegistryException(RegistryError.INVALID_SCHEMA,
					"Invalid schema: schema references are not supported");
		}
		return schema.textValue();
	}

	private static CompatibilityLevel level(JsonNode body) {
		JsonNode level = body.get("compatibility");
		if (level == null || !level.isTextual()) {
			throw new SchemaRegistryException(RegistryError.INVALID_COMPATIBILITY_LEVEL, INVALID_LEVEL);
		}
		return CompatibilityLevel.parse(level.textValue())
			.orElseThrow(() -> new SchemaRegistryException(RegistryError.INVALID_COMPATIBILITY_LEVEL, INVALID_LEVEL));
	}

	/** A version path segment: {@code latest} or -1 for the latest version, else 1 to 2^31-1. */
	private static int parseVersion(String text) {
		if (text.trim().equalsIgnoreCase("latest")) {
			return SchemaStore.LATEST;
		}
		try {
			int version = Integer.parseInt(text.trim());
			if (version == SchemaStore.LATEST || version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// reported below like an out-of-range number
		}
		throw new SchemaRegistryException(RegistryError.INVALID_VERSION, "The specified version '" + text
				+ "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
	}

	private JsonNode versionNode(SubjectVersion version) {
		return this.json.createObjectNode()
			.put("subject", version.subject())
			.put("version", version.version())
			.put("id", version.id())
			.put("schema", version.schema());
	}

	private ObjectNode levelNode(CompatibilityLevel level) {
		return this.json.createObjectNode().put("compatibilityLevel", level.name());
	}

	private ArrayNode strings(List<String> values) {
		ArrayNode array = this.json.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	private ArrayNode integers(List<Integer> values) {
		ArrayNode array = this.json.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	private JsonNode readTree(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Stored schema is not JSON", ex);
		}
	}

	private static JsonNode only(String method, String allowed, Answer answer) {
		if (!method.equals(allowed)) {
			throw new SchemaRegistryException(RegistryError.METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
		}
		return answer.get();
	}

	private static JsonNode notFound() {
		throw new SchemaRegistryException(RegistryError.NOT_FOUND, "HTTP 404 Not Found");
	}

	/** An answer computed only once the method is known to be allowed. */
	@FunctionalInterface
	private interface Answer {

		JsonNode get();

	}

}
