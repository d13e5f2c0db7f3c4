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
	/** A query asked for more groups or ordered rows than the server allows; Druid answers 400. */
	RESOURCE_LIMIT_EXCEEDED(1006, ErrorCategory.INVALID_INPUT, "Resource limit exceeded"),
	SEGMENT_NOT_FOUND(2001, ErrorCategory.NOT_FOUND, "Segment not found"),
	COLUMN_NOT_FOUND(2002, ErrorCategory.NOT_FOUND, "Column not found"),
	/** An ingestion task, or its log or report, the overlord or a worker does not have. */
	TASK_NOT_FOUND(2003, ErrorCategory.NOT_FOUND, "Task not found"),
	/** A configuration entry (e.g. a datasource's compaction config) that was never set. */
	CONFIG_NOT_FOUND(2004, ErrorCategory.NOT_FOUND, "Config not found"),
	INDEX_FULL(3001, ErrorCategory.CAPACITY, "Resource limit exceeded"),
	QUERY_CAPACITY_EXCEEDED(3002, ErrorCategory.CAPACITY, "Query capacity exceeded"),
	/** Data a query needs is on no reachable server (every replica failed or none is loaded). */
	DATA_UNAVAILABLE(4001, ErrorCategory.UNAVAILABLE, "Query interrupted"),
	SEGMENT_CORRUPT(5001, ErrorCategory.INTERNAL, "Segment corrupt"),
	SEGMENT_VERSION_UNSUPPORTED(5002, ErrorCategory.INTERNAL, "Segment version unsupported"),
	IO_FAILURE(5003, ErrorCategory.INTERNAL, "I/O failure"),
	QUERY_INTERRUPTED(5004, ErrorCategory.INTERNAL, "Query interrupted"),
	UNKNOWN(5005, ErrorCategory.INTERNAL, "Unknown exception"),
	ILLEGAL_STATE(6001, ErrorCategory.DEFENSIVE, "Unknown exception"),
	QUERY_TIMEOUT(7001, ErrorCategory.TIMEOUT, "Query timeout");

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
