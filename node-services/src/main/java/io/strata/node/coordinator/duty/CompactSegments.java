package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.time.Interval;
import io.strata.node.coordinator.compaction.CompactTaskJson;
import io.strata.node.coordinator.compaction.CompactionCandidate;
import io.strata.node.coordinator.compaction.CompactionCandidateSearch;
import io.strata.node.coordinator.compaction.CompactionConfig;
import io.strata.node.coordinator.compaction.CompactionStatus;
import io.strata.node.coordinator.compaction.DataSourceCompactionConfig;
import io.strata.node.coordinator.compaction.OverlordClient;
import io.strata.node.segment.DataSegment;

/**
 * Druid's auto-compaction duty: for each datasource with a compaction config, finds the intervals
 * that need compaction ({@link CompactionCandidateSearch}) and submits compact tasks to the
 * overlord, newest interval first across datasources, as many as the free compaction slots allow
 * ({@link CompactionConfig#taskSlots} minus the compact tasks already active). Intervals an
 * active compact task works on are left alone. Called from the coordinator's one thread.
 */
public final class CompactSegments {

	/** What one run saw and did. */
	public record Result(Map<String, CompactionStatus> statuses, List<String> submitted, int slots) {

		public static final Result NONE = new Result(Map.of(), List.of(), 0);

		public Result {
			statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
			submitted = List.copyOf(submitted);
		}

	}

	private final OverlordClient overlord;

	private final CompactionCandidateSearch search = new CompactionCandidateSearch();

	private final CompactTaskJson taskJson = new CompactTaskJson();

	public CompactSegments(OverlordClient overlord) {
		this.overlord = overlord;
	}

	public Result run(CompactionConfig config, List<DataSegment> used, long now) {
		if (config.compactionConfigs().isEmpty()) {
			return Result.NONE;
		}
		List<OverlordClient.ActiveCompaction> active = this.overlord.activeCompactions();
		int slots = config.taskSlots(this.overlord.totalWorkerCapacity());
		int free = Math.max(0, slots - active.size());
		Map<String, CompactionStatus> statuses = new LinkedHashMap<>();
		List<CompactionCandidate> candidates = new ArrayList<>();
		for (DataSourceCompactionConfig dataSource : config.compactionConfigs()) {
			List<Interval> busy = active.stream()
				.filter(task -> task.dataSource().equals(dataSource.dataSource()))
				.map(OverlordClient.ActiveCompaction::interval)
				.toList();
			CompactionStatus status = this.search.search(dataSource, used, busy);
			statuses.put(dataSource.dataSource(), status);
			candidates.addAll(status.candidates());
		}
		candidates.sort(Comparator.comparing((CompactionCandidate c) -> c.interval().endMillis())
			.reversed()
			.thenComparing(CompactionCandidate::dataSource));
		List<String> submitted = new ArrayList<>();
		for (CompactionCandidate candidate : candidates.subList(0, Math.min(free, candidates.size()))) {
			DataSourceCompactionConfig dataSource = config.of(candidate.dataSource()).orElseThrow();
			String id = this.taskJson.newId(candidate.dataSource(), now);
			this.overlord.submit(this.taskJson.write(id, dataSource, candidate.interval()));
			submitted.add(id);
		}
		return new Result(statuses, submitted, slots);
	}

}
