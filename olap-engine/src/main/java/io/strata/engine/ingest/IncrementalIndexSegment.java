package io.strata.engine.ingest;

import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchColumn;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.memory.InMemorySegment;

/**
 * A queryable snapshot of a live {@link IncrementalIndex}: the segment its first {@link
 * #ingestedRows()} adds would persist as, held in memory. It does not change as the index grows;
 * take a new one with {@link IncrementalIndex#snapshotSegment}. Thread-safe; closing does nothing.
 */
public final class IncrementalIndexSegment implements Segment {

	private final InMemorySegment segment;

	private final long ingestedRows;

	IncrementalIndexSegment(InMemorySegment segment, long ingestedRows) {
		this.segment = segment;
		this.ingestedRows = ingestedRows;
	}

	/** Input rows added to the index when the snapshot was taken (before rollup). */
	public long ingestedRows() {
		return this.ingestedRows;
	}

	@Override
	public SegmentMetadata metadata() {
		return this.segment.metadata();
	}

	@Override
	public NumericColumn time() {
		return this.segment.time();
	}

	@Override
	public StringColumn stringColumn(String name) {
		return this.segment.stringColumn(name);
	}

	@Override
	public NumericColumn numericColumn(String name) {
		return this.segment.numericColumn(name);
	}

	@Override
	public SketchColumn sketchColumn(String name) {
		return this.segment.sketchColumn(name);
	}

	/** Nothing to release: a snapshot lives on the heap, and other queries may still share it. */
	@Override
	public void close() {
	}

}
