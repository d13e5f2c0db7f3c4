package io.strata.engine.error;

/**
 * Every error Strata raises, with its category, a stable numeric code and the error name Druid
 * clients expect in the {@code error} field of an error response.
 */
public enum ErrorCode {

	INVALID_SPEC(1001, ErrorCategory.INVALID_INPUT, "Invalid spec"),
	UNPARSEABLE_ROW(1002, ErrorCategory.INVALID_INPUT, "Unparseable row"),
	INVALID_ARGUMENT(1003, ErrorCategory.INVALID_INPUT, "Invalid input"),
	UNSUPPORTED(1004, ErrorCategory.INVALID_INPUT, "Unsupported operation"),
	ROW_OUT_OF_INTERVAL(1005, ErrorCategory.INVALID_INPUT, "Invalid input"),
	SEGMENT_NOT_FOUND(2001, ErrorCategory.NOT_FOUND, "Segment not found"),
	COLUMN_NOT_FOUND(2002, ErrorCategory.NOT_FOUND, "Column not found"),
	INDEX_FULL(3001, ErrorCategory.CAPACITY, "Resource limit exceeded"),
	SEGMENT_CORRUPT(5001, ErrorCategory.INTERNAL, "Segment corrupt"),
	SEGMENT_VERSION_UNSUPPORTED(5002, ErrorCategory.INTERNAL, "Segment version unsupported"),
	IO_FAILURE(5003, ErrorCategory.INTERNAL, "I/O failure"),
	ILLEGAL_STATE(6001, ErrorCategory.DEFENSIVE, "Unknown exception");

	private final int code;

	private final ErrorCategory category;

	private final String druidErrorName;

	ErrorCode(int code, ErrorCategory category, String druidErrorName) {
		this.code = code;
		this.category = category;
		this.druidErrorName = druidErrorName;
	}

	public int code() {
		return this.code;
	}

	public ErrorCategory category() {
		return this.category;
	}

	public String druidErrorName() {
		return this.druidErrorName;
	}

	public int httpStatus() {
		return this.category.httpStatus();
	}

}
