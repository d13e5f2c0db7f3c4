package io.strata.engine.error;

/**
 * Who has to act on an error, and so which HTTP status and numeric code range it maps to at the
 * edge. Each category owns a block of 1000 codes so a code alone tells the category.
 */
public enum ErrorCategory {

	/** The caller sent something wrong: fix the request, spec or data. */
	INVALID_INPUT(400, 1000),
	/** A named thing does not exist. */
	NOT_FOUND(404, 2000),
	/** A limit was reached: retry later or ask for less. */
	CAPACITY(429, 3000),
	/** A dependency is down; retrying may help. */
	UNAVAILABLE(503, 4000),
	/** Stored data or the process itself is broken: an operator must look. */
	INTERNAL(500, 5000),
	/** A condition the code believes impossible was reached: a bug. */
	DEFENSIVE(500, 6000),
	/** The work did not finish in the time it was given. */
	TIMEOUT(504, 7000);

	private final int httpStatus;

	private final int firstCode;

	ErrorCategory(int httpStatus, int firstCode) {
		this.httpStatus = httpStatus;
		this.firstCode = firstCode;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public int firstCode() {
		return this.firstCode;
	}

	public int lastCode() {
		return this.firstCode + 999;
	}

}
