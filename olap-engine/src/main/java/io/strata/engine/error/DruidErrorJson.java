package io.strata.engine.error;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders an error as the JSON body Druid answers with: the legacy fields every Druid client
 * reads ({@code error}, {@code errorMessage}, {@code errorClass}, {@code host}) and the fields of
 * Druid's newer error shape ({@code errorCode}, {@code persona}, {@code category}, {@code
 * context}). Stateless and thread-safe.
 */
public final class DruidErrorJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** The body for {@code error}; {@code host} is {@code host:port} of the answering server, or null. */
	public String render(StrataException error, String host) {
		ErrorCode code = error.errorCode();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", code.druidErrorName());
		body.put("errorCode", errorCode(code));
		body.put("persona", persona(code.category()));
		body.put("category", category(code));
		body.put("errorMessage", error.getMessage());
		body.put("errorClass", error.getClass().getName());
		body.put("host", host);
		body.put("context", Map.of());
		return this.mapper.writeValueAsString(body);
	}

	/**
	 * An unexpected exception as Druid's {@code Unknown exception}; the message is the exception's
	 * own, never a stack trace.
	 */
	public StrataException wrapUnexpected(RuntimeException unexpected) {
		if (unexpected instanceof StrataException strata) {
			return strata;
		}
		String message = unexpected.getMessage() == null ? unexpected.getClass().getSimpleName()
				: unexpected.getMessage();
		return new StrataException(ErrorCode.UNKNOWN, message, unexpected);
	}

	/** {@code QUERY_TIMEOUT} becomes {@code queryTimeout}. */
	private static String errorCode(ErrorCode code) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : code.name().toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? c : Character.toLowerCase(c));
				upper = false;
			}
		}
		return camel.toString();
	}

	/** Who must act, in Druid's terms. */
	private static String persona(ErrorCategory category) {
		return switch (category) {
			case INVALID_INPUT, NOT_FOUND, CAPACITY, TIMEOUT -> "USER";
			case UNAVAILABLE, INTERNAL -> "OPERATOR";
			case DEFENSIVE -> "DEVELOPER";
		};
	}

	/** Druid's error category names. */
	private static String category(ErrorCode code) {
		if (code == ErrorCode.UNSUPPORTED) {
			return "UNSUPPORTED";
		}
		if (code == ErrorCode.QUERY_INTERRUPTED) {
			return "CANCELED";
		}
		return switch (code.category()) {
			case INVALID_INPUT -> "INVALID_INPUT";
			case NOT_FOUND -> "NOT_FOUND";
			case CAPACITY -> "CAPACITY_EXCEEDED";
			case UNAVAILABLE, INTERNAL -> "RUNTIME_FAILURE";
			case DEFENSIVE -> "DEFENSIVE";
			case TIMEOUT -> "TIMEOUT";
		};
	}

}
