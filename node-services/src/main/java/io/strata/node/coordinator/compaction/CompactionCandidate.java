package io.strata.node.coordinator.compaction;

import java.util.List;
import java.util.Objects;

import io.strata.engine.time.Interval;
import io.strata.node.segment.DataSegment;

/** The used, visible segments of one datasource in one interval, which a compact task would merge. */
public record CompactionCandidate(String dataSource, Interval interval, List<DataSegment> segments) {

	public CompactionCandidate {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(interval, "interval");
		segments = List.copyOf(segments);
	}

	public long bytes() {
		return this.segments.stream().mapToLong(DataSegment::size).sum();
	}

}
