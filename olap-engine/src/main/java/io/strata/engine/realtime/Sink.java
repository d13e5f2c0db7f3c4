package io.strata.engine.realtime;

import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one interval's partition: its persisted parts and the live index that takes new
 * rows. Parts and live index change together in one swap of an immutable {@link State}, so a
 * query that reads the state once sees every row exactly once, also while a persist runs: a row is
 * either still in the live index it reads or already in the part it reads, never both.
 * <p>
 * <b>Threading:</b> one writer (the appender's thread) adds and persists; any thread queries.
 */
final class Sink {

	/** The version of the parts while they are served from the task; {@code finish} gives the real one. */
	static final String LIVE_VERSION = "realtime";

	/**
	 * @param partFiles the parts' file names, relative to the appender's directory
	 * @param persistedRows the rows of the parts (after rollup within each part)
	 */
	record State(List<Segment> parts, List<String> partFiles, IncrementalIndex live, long persistedRows) {

		State {
			parts = List.copyOf(parts);
			partFiles = List.copyOf(partFiles);
		}

	}

	private final SegmentId id;

	private volatile State state;

	/** Rows of the live index when the writer last looked (writer thread only). */
	int liveRows;

	/** Whether new rows of the interval go to a later partition (writer thread only). */
	boolean full;

	Sink(SegmentId id, State state) {
		this.id = id;
		this.state = state;
	}

	SegmentId id() {
		return this.id;
	}

	State state() {
		return this.state;
	}

	IncrementalIndex live() {
		return this.state.live();
	}

	/** Replaces the live index by its persisted part and a fresh index (writer thread). */
	void persisted(Segment part, String file, IncrementalIndex fresh) {
		State old = this.state;
		List<Segment> parts = new ArrayList<>(old.parts());
		parts.add(part);
		List<String> files = new ArrayList<>(old.partFiles());
		files.add(file);
		this.state = new State(parts, files, fresh, old.persistedRows() + part.numRows());
		this.liveRows = 0;
	}

	/** The parts and a snapshot of the live rows, from one state. Any thread. */
	void addQueryable(List<Segment> segments) {
		State current = this.state;
		segments.addAll(current.parts());
		if (current.live().ingestedRows() > 0) {
			segments.add(current.live().snapshotSegment(this.id));
		}
	}

}
