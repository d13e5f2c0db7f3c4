package io.strata.avro.registry;

/**
 * The error codes of Confluent's Schema Registry that Strata produces or reacts to, with the HTTP
 * status each comes with. Confluent sends them as {@code {"error_code": 40401, "message": ...}};
 * generic HTTP failures use the status itself as the code.
 */
public enum RegistryError {

	/** A path or body that is not JSON or not the expected shape. */
	BAD_REQUEST(400, 400),
	/** A path the registry does not serve. */
	NOT_FOUND(404, 404),
	SUBJECT_NOT_FOUND(404, 40401),
	VERSION_NOT_FOUND(404, 40402),
	SCHEMA_NOT_FOUND(404, 40403),
	/** {@code GET /config/{subject}} for a subject without its own level (and no defaultToGlobal). */
	SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408),
	METHOD_NOT_ALLOWED(405, 405),
	/** The schema breaks the subject's compatibility level; Confluent uses the status as code. */
	INCOMPATIBLE_SCHEMA(409, 409),
	INVALID_SCHEMA(422, 42201),
	INVALID_VERSION(422, 42202),
	INVALID_COMPATIBILITY_LEVEL(422, 42203),
	/** The registry could not write its store. */
	STORE_ERROR(500, 50001),
	INTERNAL_ERROR(500, 500);

	private final int httpStatus;

	private final int code;

	RegistryError(int httpStatus, int code) {
		this.httpStatus = httpStatus;
		this.code = code;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/** The {@code error_code} of Confluent's error JSON. */
	public int code() {
		return this.code;
	}

}
