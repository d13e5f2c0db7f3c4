package io.strata.engine.input;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the unparseable rows of a batch ingestion, keeps the first {@code maxSavedParseExceptions}
 * of them for the task report, and fails the ingestion once more than {@code maxParseExceptions}
 * were seen (Druid's tuning fields of those names; Druid's defaults are unlimited and 0).
 * Single-threaded.
 */
public final class ParseExceptionHandler {

	/** Druid's default {@code maxParseExceptions}: never fail for bad rows. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	private final int maxParseExceptions;

	private final int maxSaved;

	private final List<ParseError> saved = new ArrayList<>();

	/** Volatile: read by status APIs while the ingesting thread counts. */
	private volatile long count;

	public ParseExceptionHandler(int maxParseExceptions, int maxSavedParseExceptions) {
		this(maxParseExceptions, maxSavedParseExceptions, 0);
	}

	/**
	 * @param alreadySeen unparseable rows counted before (by a real-time task before it crashed,
	 * restored from its commit), which count towards {@code maxParseExceptions}
	 */
	public ParseExceptionHandler(int maxParseExceptions, int maxSavedParseExceptions, long alreadySeen) {
		if (maxParseExceptions < 0 || maxSavedParseExceptions < 0) {
			throw StrataException.invalidSpec(
					"maxParseExceptions[%d] and maxSavedParseExceptions[%d] must not be negative", maxParseExceptions,
					maxSavedParseExceptions);
		}
		this.maxParseExceptions = maxParseExceptions;
		this.maxSaved = maxSavedParseExceptions;
		this.count = alreadySeen;
	}

	/**
	 * Records one unparseable row.
	 * @throws StrataException UNPARSEABLE_ROW naming the row's input and line when this row passes
	 * {@code maxParseExceptions}
	 */
	public void handle(ParseError error) {
		this.count++;
		if (this.saved.size() < this.maxSaved) {
			this.saved.add(error);
		}
		if (this.count > this.maxParseExceptions) {
			throw new StrataException(ErrorCode.UNPARSEABLE_ROW,
					"Max parse exceptions[" + this.maxParseExceptions + "] exceeded; the last was at "
							+ error.describe());
		}
	}

	/** Unparseable rows seen so far. */
	public long count() {
		return this.count;
	}

	/** The first {@code maxSavedParseExceptions} unparseable rows, in input order. */
	public List<ParseError> saved() {
		return List.copyOf(this.saved);
	}

}
