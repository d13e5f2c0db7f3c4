package io.strata.node.coordinator.compaction;

import java.util.List;
import java.util.Objects;

/**
 * One datasource's auto-compaction state after a search, Druid's {@code AutoCompactionSnapshot}.
 * @param awaiting intervals that need compaction, including those just submitted
 * @param compacted intervals already as the config wants them
 * @param skipped intervals left alone: within {@code skipOffsetFromLatest} of the newest data,
 * larger than {@code inputSegmentSizeBytes}, or with a compact task already on them
 * @param candidates the awaiting intervals a compact task may be submitted for now, newest first
 */
public record CompactionStatus(String dataSource, ScheduleStatus scheduleStatus, CompactionStatistics awaiting,
		CompactionStatistics compacted, CompactionStatistics skipped, List<CompactionCandidate> candidates) {

	/** Druid's {@code scheduleStatus}. */
	public enum ScheduleStatus {

		NOT_ENABLED, AWAITING_FIRST_RUN, RUNNING

	}

	public CompactionStatus {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(scheduleStatus, "scheduleStatus");
		Objects.requireNonNull(awaiting, "awaiting");
		Objects.requireNonNull(compacted, "compacted");
		Objects.requireNonNull(skipped, "skipped");
		candidates = List.copyOf(candidates);
	}

	public static CompactionStatus awaitingFirstRun(String dataSource) {
		return new CompactionStatus(dataSource, ScheduleStatus.AWAITING_FIRST_RUN, CompactionStatistics.ZERO,
				CompactionStatistics.ZERO, CompactionStatistics.ZERO, List.of());
	}

}
