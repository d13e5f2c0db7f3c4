package io.strata.avro.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API over {@code java.net.http}. It uses only the
 * documented paths and bodies, so it works against Confluent's registry and the embedded {@code
 * SchemaRegistryServer} alike.
 *
 * <p>
 * Ids are cached both ways: (subject, schema) to id after a register or lookup, and id to schema
 * after a fetch or register. Ids never change meaning in a registry, so the caches are never
 * invalidated; versions, subjects and configs are always fetched. Every failure is a {@link
 * SchemaRegistryException}.
 *
 * <p>
 * Thread-safe: the HTTP client and caches are shared by all callers. {@link #close()} releases
 * the HTTP client.
 */
public final class SchemaRegistryClient implements AutoCloseable {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_BODY_IN_MESSAGE = 200;

	private final String baseUrl;

	private final Duration timeout;

	private final HttpClient http;

	private final ObjectMapper json = new ObjectMapper();

	private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

	private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	public SchemaRegistryClient(URI baseUrl) {
		this(baseUrl, DEFAULT_TIMEOUT);
	}

	/**
	 * @param baseUrl the registry's root, e.g. {@code http://localhost:8081} (a path prefix is
	 * kept)
	 * @param timeout bound of the connect and of each request; a registry slower than this fails
	 * the call as unreachable
	 */
	public SchemaRegistryClient(URI baseUrl, Duration timeout) {
		Objects.requireNonNull(baseUrl, "baseUrl");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
			throw new IllegalArgumentException("Schema registry url[" + baseUrl + "] is not http or https");
		}
		this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
		// HTTP/1.1: the default HTTP/2 upgrade attempt buys nothing for these small calls
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
	}

	/** The registry's root URL, without a trailing slash. */
	public URI baseUrl() {
		return URI.create(this.baseUrl);
	}

	/**
	 * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
	 * returns its id; a schema the subject already has keeps its id and version.
	 * @throws SchemaRegistryException 409 when the subject's compatibility level refuses it, 42201
	 * when the registry finds it invalid
	 */
	public int register(String subject, Schema schema) {
		int id = register(subject, schema.toString());
		this.schemasById.putIfAbsent(id, schema);
		return id;
	}

	/** Registers schema text as given, e.g. text that might not be a valid schema. */
	public int register(String subject, String schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.idsBySubjectSchema.get(key);
		if (cached != null) {
			return cached;
		}
		String path = "/subjects/" + RegistryProtocol.encodePathSegment(subject) + "/versions";
		JsonNode answer = send("POST", path, schemaBody(schema));
		int id = intField(answer, "id", "POST " + path);
		this.idsBySubjectSchema.putIfAbsent(key, id);
		return id;
	}

	/**
	 * Finds the version of {@code subject} that holds {@code schema} without registering it
	 * ({@code POST /subjects/{subject}}).
	 * @throws SchemaRegistryException 40401 for an unknown subject, 40403 when the subject does not
	 * hold the schema
	 */
	public SubjectVersion lookup(String subject, Schema schema) {
		String text = schema.toString();
		String path = "/subjects/" + RegistryProtocol.encodePathSegment(subject);
		SubjectVersion found = subjectVersion(send("POST", path, schemaBody(text)), "POST " + path);
		this.idsBySubjectSchema.putIfAbsent(new SubjectSchema(subject, text), found.id());
		this.schemasById.putIfAbsent(found.id(), schema);
		return found;
	}

	/** The id {@code subject} holds {@code schema} under, from the cache or by {@link #lookup}. */
	public int lookupId(String subject, Schema schema) {
		Integer cached = this.idsBySubjectSchema.get(new SubjectSchema(subject, schema.toString()));
		return (cached != null) ? cached : lookup(subject, schema).id();
	}

	/**
	 * The schema with registry-wide id {@code id} ({@code GET /schemas/ids/{id}}), cached.
	 * @throws SchemaRegistryException 40403 for an unknown id
	 */
	public Schema schemaById(int id) {
		Schema cached = this.schemasById.get(id);
		if (cached != null) {
			return cached;
		}
		String path = "/schemas/ids/" + id;
		JsonNode answer = send("GET", path, null);
		JsonNode type = answer.get("schemaType");
		if (type != null && !RegistryProtocol.AVRO.equals(type.asText())) {
			throw new SchemaRegistryException(200, 0,
					"Schema id[" + id + "] in registry[" + this.baseUrl + "] is of type[" + type.asText() + "], not AVRO",
					null);
		}
		Schema schema = parse(textField(answer, "schema", "GET " + path), "GET " + path);
		Schema raced = this.schemasById.putIfAbsent(id, schema);
		return (raced != null) ? raced : schema;
	}

	/** Every subject of the registry ({@code GET /subjects}). */
	public List<String> subjects() {
		JsonNode answer = send("GET", "/subjects", null);
		List<String> subjects = new ArrayList<>();
		for (JsonNode subject : array(answer, "GET /subjects")) {
			subjects.add(subject.asText());
		}
		return List.copyOf(subjects);
	}

	/** The version numbers of {@code subject}, ascending ({@code GET /subjects/{subject}/versions}). */
	public List<Integer> versions(String subject) {
		String path = "/subjects/" + RegistryProtocol.encodePathSegment(subject) + "/versions";
		List<Integer> versions = new ArrayList<>();
		for (JsonNode version : array(send("GET", path, null), "GET " + path)) {
			versions.add(version.asInt());
		}
		return List.copyOf(versions);
	}

	/** The latest version of {@code subject}; 40401 when it has none. */
	public SubjectVersion latestVersion(String subject) {
		return version(subject, "latest");
	}

	/** Version {@code version} of {@code subject}; 40401 for an unknown subject, 40402 for an unknown version. */
	public SubjectVersion version(String subject, int version) {
		return version(subject, Integer.toString(version));
	}

	private SubjectVersion version(String subject, String version) {
		String path = "/subjects/" + RegistryProtocol.encodePathSegment(subject) + "/versions/" + version;
		return subjectVersion(send("GET", path, null), "GET " + path);
	}

	/** Whether {@code schema} may become the next version of {@code subject} under its level. */
	public boolean isCompatible(String subject, Schema schema) {
		return isCompatible(subject, "latest", schema);
	}

	/** Whether {@code schema} is compatible with version {@code version} of {@code subject}. */
	public boolean isCompatible(String subject, int version, Schema schema) {
		return isCompatible(subject, Integer.toString(version), schema);
	}

	private boolean isCompatible(String subject, String version, Schema schema) {
		String path = "/compatibility/subjects/" + RegistryProtocol.encodePathSegment(subject) + "/versions/" + version;
		JsonNode answer = send("POST", path, schemaBody(schema.toString()));
		JsonNode compatible = answer.get("is_compatible");
		if (compatible == null || !compatible.isBoolean()) {
			throw malformed("POST " + path, "no boolean field[is_compatible]");
		}
		return compatible.booleanValue();
	}

	/** The registry-wide default level ({@code GET /config}). */
	public CompatibilityLevel globalCompatibility() {
		return level(send("GET", "/config", null), "compatibilityLevel", "GET /config");
	}

	/** Sets the registry-wide default level ({@code PUT /config}) and returns the level now in force. */
	public CompatibilityLevel updateGlobalCompatibility(CompatibilityLevel level) {
		return level(send("PUT", "/config", compatibilityBody(level)), "compatibility", "PUT /config");
	}

	/**
	 * The level that applies to {@code subject}: its own, else the registry-wide one ({@code GET
	 * /config/{subject}?defaultToGlobal=true}).
	 */
	public CompatibilityLevel subjectCompatibility(String subject) {
		String path = "/config/" + RegistryProtocol.encodePathSegment(subject) + "?defaultToGlobal=true";
		return level(send("GET", path, null), "compatibilityLevel", "GET " + path);
	}

	/** Gives {@code subject} its own level ({@code PUT /config/{subject}}); the subject may not exist yet. */
	public CompatibilityLevel updateSubjectCompatibility(String subject, CompatibilityLevel level) {
		String path = "/config/" + RegistryProtocol.encodePathSegment(subject);
		return level(send("PUT", path, compatibilityBody(level)), "compatibility", "PUT " + path);
	}

	@Override
	public void close() {
		this.http.close();
	}

	private ObjectNode schemaBody(String schema) {
		// schemaType is left out: Confluent reads a missing type as AVRO, and older registries reject the field
		return this.json.createObjectNode().put("schema", schema);
	}

	private ObjectNode compatibilityBody(CompatibilityLevel level) {
		return this.json.createObjectNode().put("compatibility", level.name());
	}

	private JsonNode send(String method, String path, JsonNode body) {
		String call = method + " " + path;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Accept", RegistryProtocol.ACCEPT);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", RegistryProtocol.MEDIA_TYPE)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(toBytes(body)));
		}
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw SchemaRegistryException.unreachable(
					"Schema registry[" + this.baseUrl + "] did not answer " + call + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SchemaRegistryException.unreachable(
					"Interrupted while waiting for schema registry[" + this.baseUrl + "] to answer " + call, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw refused(call, response);
		}
		try {
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw malformed(call, "not JSON");
		}
	}

	private SchemaRegistryException refused(String call, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		String body = new String(response.body(), StandardCharsets.UTF_8);
		int errorCode = status;
		String message = body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "..." : body;
		try {
			JsonNode error = this.json.readTree(body);
			if (error != null && error.path("error_code").isInt()) {
				errorCode = error.get("error_code").intValue();
				message = error.path("message").asText("");
			}
		}
		catch (JacksonException ex) {
			// not Confluent's error JSON (e.g. a proxy's page): keep the status as the code
		}
		return new SchemaRegistryException(status, errorCode, "Schema registry[" + this.baseUrl + "] refused " + call
				+ " with HTTP " + status + ", error_code " + errorCode + ": " + message, null);
	}

	private SchemaRegistryException malformed(String call, String what) {
		return new SchemaRegistryException(200, 0,
				"Schema registry[" + this.baseUrl + "] answered " + call + " with an unexpected body: " + what, null);
	}

	private byte[] toBytes(JsonNode body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot write a JSON tree", ex);
		}
	}

	private SubjectVersion subjectVersion(JsonNode answer, String call) {
		return new SubjectVersion(textField(answer, "subject", call), intField(answer, "version", call),
				intField(answer, "id", call), textField(answer, "schema", call));
	}

	private Iterable<JsonNode> array(JsonNode answer, String call) {
		if (!answer.isArray()) {
			throw malformed(call, "not a JSON array");
		}
		return answer;
	}

	private int intField(JsonNode answer, String field, String call) {
		JsonNode value = answer.get(field);
		if (value == null || !value.isInt()) {
			throw malformed(call, "no integer field[" + field + "]");
		}
		return value.intValue();
	}

	private String textField(JsonNode answer, String field, String call) {
		JsonNode value = answer.get(field);
		if (value == null || !value.isTextual()) {
			throw malformed(call, "no text field[" + field + "]");
		}
		return value.textValue();
	}

	private CompatibilityLevel level(JsonNode answer, String field, String call) {
		String name = textField(answer, field, call);
		return CompatibilityLevel.parse(name)
			.orElseThrow(() -> malformed(call, "unknown compatibility level[" + name + "]"));
	}

	private Schema parse(String schema, String call) {
		try {
			return new Schema.Parser().parse(schema);
		}
		catch (AvroRuntimeException ex) {
			throw malformed(call, "a schema Avro cannot parse (" + ex.getMessage() + ")");
		}
	}

	/** Cache key: the schema's JSON text, exactly what the registry compares. */
	private record SubjectSchema(String subject, String schema) {

		SubjectSchema {
			Objects.requireNonNull(subject, "subject");
			Objects.requireNonNull(schema, "schema");
		}

	}

}
