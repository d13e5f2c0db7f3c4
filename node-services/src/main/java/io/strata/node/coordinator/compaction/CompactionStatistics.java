package io.strata.node.coordinator.compaction;

/** Bytes, segments and intervals in one compaction state (awaiting, compacted or skipped). */
public record CompactionStatistics(long bytes, int segments, int intervals) {

	public static final CompactionStatistics ZERO = new CompactionStatistics(0, 0, 0);

	public CompactionStatistics plus(CompactionCandidate candidate) {
		return new CompactionStatistics(this.bytes + candidate.bytes(), this.segments + candidate.segments().size(),
				this.intervals + 1);
	}

}
