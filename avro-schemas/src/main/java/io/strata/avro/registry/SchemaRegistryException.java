package io.strata.avro.registry;

import java.util.Objects;

/**
 * A failed schema registry call: the HTTP status and Confluent {@code error_code} the registry
 * answered with, or {@link #answered()} false when no answer arrived (connection refused,
 * timeout). Immutable. The embedded server throws it too, and renders it as Confluent's error
 * JSON.
 */
public final class SchemaRegistryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int httpStatus;

	private final int errorCode;

	/**
	 * @param httpStatus the HTTP status, 0 when the registry gave no answer
	 * @param errorCode Confluent's {@code error_code}, 0 when the answer carried none
	 */
	public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
		super(Objects.requireNonNull(message, "message"), cause);
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
	}

	public SchemaRegistryException(RegistryError error, String message) {
		this(error.httpStatus(), error.code(), message, null);
	}

	public SchemaRegistryException(RegistryError error, String message, Throwable cause) {
		this(error.httpStatus(), error.code(), message, cause);
	}

	/** A call that got no HTTP answer at all. */
	public static SchemaRegistryException unreachable(String message, Throwable cause) {
		return new SchemaRegistryException(0, 0, message, cause);
	}

	/** The HTTP status of the registry's answer; 0 when there was none. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Confluent's {@code error_code} (e.g. 40401); the HTTP status for an error answer that is not
	 * Confluent's JSON; 0 when there was no answer or a success answer could not be understood.
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/** Whether the registry answered at all; false for connection failures and timeouts. */
	public boolean answered() {
		return this.httpStatus != 0;
	}

	/** Whether this is the given registry error (same status and code). */
	public boolean is(RegistryError error) {
		return this.httpStatus == error.httpStatus() && this.errorCode == error.code();
	}

}
