package io.strata.engine.input;

import java.util.ArrayList;
import java.util.List;

/** A {@link RowSink} that keeps everything it is given, for assertions. */
final class RecordingSink implements RowSink {

	final List<InputRow> accepted = new ArrayList<>();

	final List<RowRejection> rejected = new ArrayList<>();

	/** The position of each accepted row, -1 when the reader did not give one. */
	final List<Long> acceptedPositions = new ArrayList<>();

	@Override
	public void accept(InputRow row) {
		this.accepted.add(row);
		this.acceptedPositions.add(-1L);
	}

	@Override
	public void accept(InputRow row, long position) {
		this.accepted.add(row);
		this.acceptedPositions.add(position);
	}

	@Override
	public void reject(RowRejection rejection) {
		this.rejected.add(rejection);
	}

	List<Long> rejectedLines() {
		return this.rejected.stream().map(RowRejection::position).toList();
	}

}
