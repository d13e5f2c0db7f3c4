package io.strata.engine.timeline;

import io.strata.engine.time.Interval;

import java.util.Objects;

/**
 * Names a block: the segments that share an interval and a version. Ordered by interval, then
 * version, which is also the order of the segment ids inside.
 */
record BlockKey(Interval interval, String version) implements Comparable<BlockKey> {

	BlockKey {
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
	}

	@Override
	public int compareTo(BlockKey other) {
		int result = this.interval.compareTo(other.interval);
		return result != 0 ? result : this.version.compareTo(other.version);
	}

}
