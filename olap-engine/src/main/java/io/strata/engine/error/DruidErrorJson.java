package io.strata.engine.error;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders an error as the JSON body Druid answers with, in Druid's two shapes. Errors of the
 * request (invalid input, not found, unsupported) and of the server take Druid's modern shape:
 * {@code {"error":"druidException","errorCode","persona","category","errorMessage","context"}}.
 * Query failures Druid still raises as query exceptions (timeout, resource limit, capacity,
 * interrupted, unknown) take its legacy-wrapped shape: {@code error} is the legacy error name,
 * then {@code errorClass} and {@code host}, {@code errorCode} {@code legacyQueryException} and
 * the three legacy values repeated in {@code context}. Stateless and thread-safe.
 */
public final class DruidErrorJson {

	/** Druid's {@code error} value for errors of the modern shape. */
	static final String MODERN = "druidException";

	/** Druid's {@code errorCode} for wrapped query exceptions. */
	static final String LEGACY_CODE = "legacyQueryException";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** The body for {@code error}; {@code host} is {@code host:port} of the answering server, or null. */
	public String render(StrataException error, String host) {
		ErrorCode code = error.errorCode();
		Map<String, Object> body = new LinkedHashMap<>();
		if (isLegacy(code)) {
			body.put("error", code.druidErrorName());
			body.put("errorClass", error.getClass().getName());
			body.put("host", host);
			body.put("errorCode", LEGACY_CODE);
			body.put("persona", "OPERATOR");
			body.put("category", category(code));
			body.put("errorMessage", error.getMessage());
			Map<String, Object> context = new LinkedHashMap<>();
			context.put("host", host);
			context.put("errorClass", error.getClass().getName());
			context.put("legacyErrorCode", code.druidErrorName());
			body.put("context", context);
		}
		else {
			body.put("error", MODERN);
			body.put("errorCode", switch (code.category()) {
				case INVALID_INPUT -> code == ErrorCode.UNSUPPORTED ? "general" : "invalidInput";
				case NOT_FOUND -> "notFound";
				default -> "general";
			});
			body.put("persona", persona(code.category()));
			body.put("category", category(code));
			body.put("errorMessage", error.getMessage());
			body.put("context", Map.of());
		}
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

	/** The failures Druid raises as query exceptions, wrapped in its legacy shape. */
	private static boolean isLegacy(ErrorCode code) {
		return switch (code) {
			case QUERY_TIMEOUT, RESOURCE_LIMIT_EXCEEDED, QUERY_CAPACITY_EXCEEDED, QUERY_INTERRUPTED, DATA_UNAVAILABLE, UNKNOWN ->
				true;
			default -> false;
		};
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
		return switch (code) {
			case UNSUPPORTED -> "UNSUPPORTED";
			case QUERY_INTERRUPTED -> "CANCELED";
			case RESOURCE_LIMIT_EXCEEDED -> "CAPACITY_EXCEEDED";
			case UNKNOWN -> "UNCATEGORIZED";
			default -> switch (code.category()) {
				case INVALID_INPUT -> "INVALID_INPUT";
				case NOT_FOUND -> "NOT_FOUND";
				case CAPACITY -> "CAPACITY_EXCEEDED";
				case UNAVAILABLE, INTERNAL -> "RUNTIME_FAILURE";
				case DEFENSIVE -> "DEFENSIVE";
				case TIMEOUT -> "TIMEOUT";
			};
		};
	}

}
