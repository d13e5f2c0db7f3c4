package io.strata.gateway.batch;

import java.util.List;
import java.util.Objects;

/**
 * Where an import stands.
 * @param id the file's identity: the first 32 hex digits of the SHA-256 of its content
 * @param rows data rows read so far; {@code emitted} of them produced and acknowledged
 * @param rejected rows refused (bad fields); the first {@link #MAX_ERRORS} are in {@code errors}
 */
public record BatchStatus(String id, State state, long rows, long emitted, long rejected, List<LineError> errors,
		String message) {

	public static final int MAX_ERRORS = 100;

	public enum State {

		RUNNING, SUCCEEDED, FAILED

	}

	/** A refused row: its line in the file (1 = the first line) and what was wrong. */
	public record LineError(long line, String field, String message) {

	}

	public BatchStatus {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(state, "state");
		errors = List.copyOf(errors);
	}

	public boolean finished() {
		return this.state != State.RUNNING;
	}

}
