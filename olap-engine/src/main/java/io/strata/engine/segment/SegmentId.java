package io.strata.engine.segment;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;

import java.util.Objects;

/**
 * Identifies one segment: {@code dataSource_start_end_version[_partitionNum]}, the partition
 * suffix left out when it is 0, exactly as Druid writes it.
 */
public record SegmentId(String dataSource, Interval interval, String version, int partitionNum)
		implements Comparable<SegmentId> {

	public SegmentId {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(version, "version");
		if (dataSource.isEmpty()) {
			throw new IllegalArgumentException("dataSource must not be empty");
		}
		if (version.isEmpty()) {
			throw new IllegalArgumentException("version must not be empty");
		}
		if (partitionNum < 0) {
			throw new IllegalArgumentException("partitionNum must not be negative");
		}
	}

	@Override
	public int compareTo(SegmentId other) {
		int result = this.dataSource.compareTo(other.dataSource);
		if (result == 0) {
			result = this.interval.compareTo(other.interval);
		}
		if (result == 0) {
			result = this.version.compareTo(other.version);
		}
		return result != 0 ? result : Integer.compare(this.partitionNum, other.partitionNum);
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder(this.dataSource).append('_');
		IsoTime.appendTo(out, this.interval.startMillis());
		out.append('_');
		IsoTime.appendTo(out, this.interval.endMillis());
		out.append('_').append(this.version);
		if (this.partitionNum != 0) {
			out.append('_').append(this.partitionNum);
		}
		return out.toString();
	}

}
