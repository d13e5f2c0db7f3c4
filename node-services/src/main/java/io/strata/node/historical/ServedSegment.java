package io.strata.node.historical;

import io.strata.engine.segment.Segment;
import io.strata.node.segment.DataSegment;

/**
 * A loaded segment with a reference count: queries acquire it for the time they read it, and a
 * drop closes the memory-mapped file only once the last reader has released it (closing it under
 * a reader would crash the process or give wrong answers). Thread-safe.
 */
final class ServedSegment {

	private final DataSegment descriptor;

	private final Segment segment;

	private int references;

	private boolean dropped;

	ServedSegment(DataSegment descriptor, Segment segment) {
		this.descriptor = descriptor;
		this.segment = segment;
	}

	DataSegment descriptor() {
		return this.descriptor;
	}

	Segment segment() {
		return this.segment;
	}

	/** Takes a reference; false once the segment has been dropped. */
	synchronized boolean acquire() {
		if (this.dropped) {
			return false;
		}
		this.references++;
		return true;
	}

	synchronized void release() {
		this.references--;
		if (this.dropped && this.references == 0) {
			this.segment.close();
		}
	}

	/** No new readers; the file closes when the current ones are done. */
	synchronized void drop() {
		if (!this.dropped) {
			this.dropped = true;
			if (this.references == 0) {
				this.segment.close();
			}
		}
	}

}
