package io.strata.engine.error;

import java.util.Objects;

/**
 * The one exception type Strata code throws. Immutable once built; the wire shape (Druid error
 * JSON, problem details) is decided at the edge from {@link #errorCode()}.
 */
public final class StrataException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode errorCode;

	public StrataException(ErrorCode errorCode, String message, Throwable cause) {
		super(Objects.requireNonNull(message, "message"), cause);
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
	}

	public StrataException(ErrorCode errorCode, String message) {
		this(errorCode, message, null);
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

	public static StrataException unavailable(String format, Object... args) {
		return new StrataException(ErrorCode.DATA_UNAVAILABLE, String.format(format, args));
	}

	public static StrataException invalidSpec(String format, Object... args) {
		return new StrataException(ErrorCode.INVALID_SPEC, String.format(format, args));
	}

	public static StrataException invalidInput(String format, Object... args) {
		return new StrataException(ErrorCode.INVALID_ARGUMENT, String.format(format, args));
	}

	public static StrataException unsupported(String format, Object... args) {
		return new StrataException(ErrorCode.UNSUPPORTED, String.format(format, args));
	}

	public static StrataException corrupt(String format, Object... args) {
		return new StrataException(ErrorCode.SEGMENT_CORRUPT, String.format(format, args));
	}

	public static StrataException io(Throwable cause, String format, Object... args) {
		return new StrataException(ErrorCode.IO_FAILURE, String.format(format, args), cause);
	}

	public static StrataException defensive(String format, Object... args) {
		return new StrataException(ErrorCode.ILLEGAL_STATE, String.format(format, args));
	}

	public static StrataException resourceLimit(String format, Object... args) {
		return new StrataException(ErrorCode.RESOURCE_LIMIT_EXCEEDED, String.format(format, args));
	}

	public static StrataException timeout(String format, Object... args) {
		return new StrataException(ErrorCode.QUERY_TIMEOUT, String.format(format, args));
	}

	public static StrataException interrupted(String format, Object... args) {
		return new StrataException(ErrorCode.QUERY_INTERRUPTED, String.format(format, args));
	}

}
