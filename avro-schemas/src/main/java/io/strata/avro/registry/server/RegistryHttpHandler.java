package io.strata.avro.registry.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.strata.avro.registry.RegistryError;
import io.strata.avro.registry.RegistryProtocol;
import io.strata.avro.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP side of the embedded registry: splits and decodes the path, reads the JSON body, hands
 * both to {@link RegistryRoutes} and writes the answer, or Confluent's error JSON {@code
 * {"error_code": 40401, "message": "..."}} with the matching status. Stateless; called on the
 * server's executor threads.
 */
final class RegistryHttpHandler implements HttpHandler {

	/** Schemas are small; a bigger body is a mistake or an attack. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final RegistryRoutes routes;

	private final ObjectMapper json;

	RegistryHttpHandler(RegistryRoutes routes, ObjectMapper json) {
		this.routes = Objects.requireNonNull(routes, "routes");
		this.json = Objects.requireNonNull(json, "json");
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			int status;
			JsonNode answer;
			try {
				List<String> path = segments(exchange.getRequestURI().getRawPath());
				String query = exchange.getRequestURI().getRawQuery();
				boolean defaultToGlobal = query != null && List.of(query.split("&")).contains("defaultToGlobal=true");
				answer = this.routes.serve(exchange.getRequestMethod(), path, defaultToGlobal, body(exchange));
				status = 200;
			}
			catch (SchemaRegistryException ex) {
				status = ex.httpStatus();
				answer = error(ex.errorCode(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				status = RegistryError.INTERNAL_ERROR.httpStatus();
				answer = error(RegistryError.INTERNAL_ERROR.code(), "Internal error: " + ex);
			}
			byte[] bytes = this.json.writeValueAsBytes(answer);
			exchange.getResponseHeaders().set("Content-Type", RegistryProtocol.MEDIA_TYPE);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private JsonNode error(int code, String message) {
		return this.json.createObjectNode().put("error_code", code).put("message", message);
	}

	private JsonNode body(HttpExchange exchange) throws IOException {
		byte[] bytes;
		try (InputStream in = exchange.getRequestBody()) {
			bytes = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (bytes.length > MAX_BODY_BYTES) {
			throw new SchemaRegistryException(RegistryError.BAD_REQUEST,
					"Request body is larger than " + MAX_BODY_BYTES + " bytes");
		}
		if (bytes.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			JsonNode body = this.json.readTree(bytes);
			if (!body.isObject()) {
				throw new SchemaRegistryException(RegistryError.BAD_REQUEST, "Request body is not a JSON object");
			}
			return body;
		}
		catch (JacksonException ex) {
			throw new SchemaRegistryException(RegistryError.BAD_REQUEST,
					"Request body is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The path's segments, percent-decoded one by one so that an encoded '/' stays in its subject. */
	static List<String> segments(String rawPath) {
		String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
		if (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		List<String> segments = new ArrayList<>();
		if (trimmed.isEmpty()) {
			return segments;
		}
		for (String raw : trimmed.split("/", -1)) {
			try {
				segments.add(RegistryProtocol.decodePathSegment(raw));
			}
			catch (IllegalArgumentException ex) {
				throw new SchemaRegistryException(RegistryError.BAD_REQUEST,
						"Path segment[" + raw + "] is not valid percent-encoding", ex);
			}
		}
		return segments;
	}

}
