package io.strata.engine.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts rejected rows and keeps the first {@code maxSaved} of them with their reasons
 * (Druid's {@code maxSavedParseExceptions}). Single-threaded.
 */
public final class RejectedRows {

	private final int maxSaved;

	private final List<RowRejection> saved = new ArrayList<>();

	private long count;

	public RejectedRows(int maxSaved) {
		if (maxSaved < 0) {
			throw new IllegalArgumentException("maxSaved must not be negative");
		}
		this.maxSaved = maxSaved;
	}

	public void add(RowRejection rejection) {
		this.count++;
		if (this.saved.size() < this.maxSaved) {
			this.saved.add(rejection);
		}
	}

	public long count() {
		return this.count;
	}

	public List<RowRejection> saved() {
		return List.copyOf(this.saved);
	}

}
