package io.strata.avro.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry byte for byte over plain HTTP: the bodies, status codes and error JSON
 * of Confluent's REST API, independent of Strata's client.
 */
class SchemaRegistryServerHttpTest {

	private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path dataDir;

	private SchemaRegistryServer server;

	private HttpClient http;

	@BeforeEach
	void startRegistry() {
		this.server = new SchemaRegistryServer(this.dataDir).start(0);
		this.http = HttpClient.newHttpClient();
	}

	@AfterEach
	void stopRegistry() {
		this.http.close();
		this.server.close();
	}

	@Test
	void registerFetchAndListSpeakConfluentsShapes() throws Exception {
		HttpResponse<String> registered = call("POST", "/subjects/s-value/versions", schemaBody(SCHEMA));
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(registered.headers().firstValue("Content-Type")).hasValue(MEDIA_TYPE);
		assertThat(registered.body()).isEqualTo("{\"id\":1}");

		assertThat(call("GET", "/schemas/ids/1", null).body()).isEqualTo(body("schema", SCHEMA));
		assertThat(call("GET", "/subjects", null).body()).isEqualTo("[\"s-value\"]");
		assertThat(call("GET", "/subjects/s-value/versions", null).body()).isEqualTo("[1]");
		JsonNode latest = this.json.readTree(call("GET", "/subjects/s-value/versions/latest", null).body());
		assertThat(List.of(latest.fieldNames().next(), latest.size())).containsExactly("subject", 4);
		assertThat(latest.get("subject").asText()).isEqualTo("s-value");
		assertThat(latest.get("version").asInt()).isEqualTo(1);
		assertThat(latest.get("id").asInt()).isEqualTo(1);
		assertThat(latest.get("schema").asText()).isEqualTo(SCHEMA);
		assertThat(call("GET", "/subjects/s-value/versions/-1", null).body()).isEqualTo(latest.toString());
		assertThat(call("GET", "/subjects/s-value/versions/1/schema", null).body()).isEqualTo(SCHEMA);
		assertThat(call("POST", "/subjects/s-value", schemaBody(SCHEMA)).body()).isEqualTo(latest.toString());
	}

	@Test
	void compatibilityAndConfigSpeakConfluentsShapes() throws Exception {
		call("POST", "/subjects/s-value/versions", schemaBody(SCHEMA));

		assertThat(call("POST", "/compatibility/subjects/s-value/versions/latest", schemaBody(SCHEMA)).body())
			.isEqualTo("{\"is_compatible\":true}");
		assertThat(call("GET", "/config", null).body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
		assertThat(call("PUT", "/config", "{\"compatibility\":\"full\"}").body()).isEqualTo("{\"compatibility\":\"FULL\"}");
		assertThat(call("GET", "/config", null).body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
		assertError(call("GET", "/config/s-value", null), 404, 40408);
		assertThat(call("GET", "/config/s-value?defaultToGlobal=true", null).body())
			.isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
		assertThat(call("PUT", "/config/s-value", "{\"compatibility\":\"NONE\"}").body())
			.isEqualTo("{\"compatibility\":\"NONE\"}");
		assertThat(call("GET", "/config/s-value", null).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
	}

	@Test
	void errorsAreConfluentsErrorJson() throws Exception {
		HttpResponse<String> missing = call("GET", "/subjects/nope/versions", null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue(MEDIA_TYPE);
		JsonNode error = this.json.readTree(missing.body());
		assertThat(error.get("error_code").asInt()).isEqualTo(40401);
		assertThat(error.get("message").asText()).isEqualTo("Subject 'nope' not found.");
		assertThat(error.size()).isEqualTo(2);

		call("POST", "/subjects/s-value/versions", schemaBody(SCHEMA));
		assertError(call("GET", "/subjects/s-value/versions/abc", null), 422, 42202);
		assertError(call("GET", "/subjects/s-value/versions/0", null), 422, 42202);
		assertError(call("GET", "/subjects/s-value/versions/7", null), 404, 40402);
		assertError(call("GET", "/schemas/ids/7", null), 404, 40403);
		assertError(call("POST", "/subjects/s-value/versions", "{}"), 422, 42201);
		assertError(call("POST", "/subjects/s-value/versions", body("schema", "{\"type\":\"nope\"}")), 422, 42201);
		assertError(call("POST", "/subjects/s-value/versions",
				"{\"schema\":\"{\\\"type\\\":\\\"object\\\"}\",\"schemaType\":\"JSON\"}"), 422, 42201);
		assertError(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
		assertError(call("PUT", "/config/s-value", "{}"), 422, 42203);
		assertError(call("POST", "/subjects/s-value/versions", "not json"), 400, 400);
		assertError(call("GET", "/no/such/path", null), 404, 404);
		assertError(call("DELETE", "/config", null), 405, 405);
	}

	@Test
	void anIncompatibleSchemaIs409WithErrorCode409() throws Exception {
		call("POST", "/subjects/s-value/versions", schemaBody(SCHEMA));
		String withRequiredField = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
				+ "{\"name\":\"b\",\"type\":\"long\"}]}";

		HttpResponse<String> refused = call("POST", "/subjects/s-value/versions", schemaBody(withRequiredField));

		assertError(refused, 409, 409);
		assertThat(this.json.readTree(refused.body()).get("message").asText())
			.startsWith("Schema being registered is incompatible with an earlier schema for subject \"s-value\"");
		assertThat(call("POST", "/compatibility/subjects/s-value/versions/1", schemaBody(withRequiredField)).body())
			.isEqualTo("{\"is_compatible\":false}");
		assertThat(call("POST", "/compatibility/subjects/s-value/versions", schemaBody(withRequiredField)).body())
			.isEqualTo("{\"is_compatible\":false}");
	}

	private void assertError(HttpResponse<String> response, int status, int code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode error = this.json.readTree(response.body());
		assertThat(error.get("error_code").asInt()).as(response.body()).isEqualTo(code);
		assertThat(error.get("message").asText()).isNotBlank();
	}

	private String schemaBody(String schema) throws Exception {
		return body("schema", schema);
	}

	private String body(String field, String value) throws Exception {
		return this.json.writeValueAsString(this.json.createObjectNode().put(field, value));
	}

	private HttpResponse<String> call(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.url() + path))
			.header("Accept", MEDIA_TYPE);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", MEDIA_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
