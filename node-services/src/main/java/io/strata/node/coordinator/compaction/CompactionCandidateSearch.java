package io.strata.node.coordinator.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.node.segment.DataSegment;
import tools.jackson.databind.JsonNode;

/**
 * Druid's newest-segment-first search for one datasource: which intervals need compaction. The
 * visible used segments are grouped into intervals (buckets of the config's
 * {@code segmentGranularity}, else the segments' own intervals, overlapping ones merged), walked
 * newest to oldest. An interval is skipped when it ends within {@code skipOffsetFromLatest} of the
 * newest segment's end (late data may still come), when a compact task already works on it, or
 * when its segments total more than {@code inputSegmentSizeBytes}. It needs compaction when a
 * segment's {@code lastCompactionState} differs from what the config asks for, or when some
 * segments were never compacted and compaction would change something: more than one segment to
 * merge, a hashed partitioning to apply, or a segment not of the configured granularity. A lone
 * segment never compacted under a dynamic config is left alone: merging it changes nothing.
 * Stateless and thread-safe.
 */
public final class CompactionCandidateSearch {

	public CompactionStatus search(DataSourceCompactionConfig config, List<DataSegment> used, List<Interval> busy) {
		List<DataSegment> visible = visible(config.dataSource(), used);
		CompactionStatistics awaiting = CompactionStatistics.ZERO;
		CompactionStatistics compacted = CompactionStatistics.ZERO;
		CompactionStatistics skipped = CompactionStatistics.ZERO;
		List<CompactionCandidate> candidates = new ArrayList<>();
		if (!visible.isEmpty()) {
			long latestEnd = visible.stream().mapToLong(s -> s.interval().endMillis()).max().orElseThrow();
			long skipFrom = config.skipFrom(latestEnd);
			for (CompactionCandidate candidate : group(config, visible)) {
				if (candidate.interval().endMillis() > skipFrom) {
					skipped = skipped.plus(candidate);
				}
				else if (!needsCompaction(config, candidate)) {
					compacted = compacted.plus(candidate);
				}
				else if (busy.stream().anyMatch(interval -> interval.overlaps(candidate.interval()))
						|| candidate.bytes() > config.inputSegmentSizeBytes()) {
					skipped = skipped.plus(candidate);
				}
				else {
					awaiting = awaiting.plus(candidate);
					candidates.add(candidate);
				}
			}
		}
		return new CompactionStatus(config.dataSource(), CompactionStatus.ScheduleStatus.RUNNING, awaiting, compacted,
				skipped, candidates);
	}

	/** The datasource's used segments that no newer complete block overshadows. */
	private static List<DataSegment> visible(String dataSource, List<DataSegment> used) {
		SegmentTimeline<DataSegment> timeline = new SegmentTimeline<>(dataSource);
		List<DataSegment> own = new ArrayList<>();
		for (DataSegment segment : used) {
			if (segment.dataSource().equals(dataSource)) {
				try {
					timeline.add(segment.id(), segment.shardSpec().corePartitions(), segment);
				}
				catch (StrataException ex) {
					// a block whose core partition counts disagree neither overshadows nor is
					// overshadowed (as in MarkOvershadowedSegmentsUnused); it still counts here
				}
				own.add(segment);
			}
		}
		Set<SegmentId> overshadowed = new HashSet<>(timeline.overshadowed());
		return own.stream().filter(segment -> !overshadowed.contains(segment.id())).toList();
	}

	/** Segments grouped into intervals, newest first (by end, then start). */
	private static List<CompactionCandidate> group(DataSourceCompactionConfig config, List<DataSegment> segments) {
		List<DataSegment> byStart = new ArrayList<>(segments);
		byStart.sort(Comparator.comparing((DataSegment s) -> aligned(config, s.interval())).thenComparing(DataSegment::id));
		List<CompactionCandidate> groups = new ArrayList<>();
		Interval umbrella = null;
		List<DataSegment> members = new ArrayList<>();
		for (DataSegment segment : byStart) {
			Interval interval = aligned(config, segment.interval());
			if (umbrella != null && !umbrella.overlaps(interval)) {
				groups.add(new CompactionCandidate(config.dataSource(), umbrella, members));
				umbrella = null;
				members = new ArrayList<>();
			}
			umbrella = umbrella == null ? interval
					: new Interval(Math.min(umbrella.startMillis(), interval.startMillis()),
							Math.max(umbrella.endMillis(), interval.endMillis()));
			members.add(segment);
		}
		if (umbrella != null) {
			groups.add(new CompactionCandidate(config.dataSource(), umbrella, members));
		}
		groups.sort(Comparator.comparing((CompactionCandidate c) -> c.interval().endMillis())
			.thenComparing(c -> c.interval().startMillis())
			.reversed());
		return groups;
	}

	/** The interval widened to whole buckets of the configured segment granularity. */
	private static Interval aligned(DataSourceCompactionConfig config, Interval interval) {
		Granularity granularity = config.segmentGranularity();
		if (granularity == null || granularity.equals(Granularity.all()) || granularity.equals(Granularity.none())) {
			return interval;
		}
		long start = granularity.bucketStart(interval.startMillis());
		long end = granularity.next(granularity.bucketStart(Math.max(interval.startMillis(), interval.endMillis() - 1)));
		return new Interval(start, end);
	}

	private static boolean needsCompaction(DataSourceCompactionConfig config, CompactionCandidate candidate) {
		boolean neverCompacted = false;
		for (DataSegment segment : candidate.segments()) {
			JsonNode state = segment.lastCompactionState();
			if (state == null) {
				neverCompacted = true;
			}
			else if (!matches(config, state)) {
				return true;
			}
		}
		if (!neverCompacted) {
			return false;
		}
		boolean misaligned = config.segmentGranularity() != null && candidate.segments()
			.stream()
			.anyMatch(segment -> !aligned(config, segment.interval()).equals(segment.interval()));
		return candidate.segments().size() > 1 || config.partitionsSpec() instanceof PartitionsSpec.Hashed || misaligned;
	}

	/** Whether a recorded compaction state is what the config asks for (partitioning, segment granularity). */
	static boolean matches(DataSourceCompactionConfig config, JsonNode state) {
		try {
			SpecNode root = SpecNode.root(state, "lastCompactionState");
			SpecNode partitions = root.optionalObject("partitionsSpec");
			if (partitions == null || !PartitionsSpec.read(partitions).equals(config.partitionsSpec())) {
				return false;
			}
			if (config.segmentGranularity() == null) {
				return true;
			}
			SpecNode granularitySpec = root.optionalObject("granularitySpec");
			return granularitySpec != null && config.segmentGranularity()
				.equals(GranularityJson.read(granularitySpec, "segmentGranularity", null));
		}
		catch (StrataException ex) {
			// a state this build cannot read (another writer's fields) is not the config's state
			return false;
		}
	}

}
