package io.strata.node.coordinator.duty;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.ServerState;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.segment.DataSegment;

/**
 * Marks used segments unused once a newer complete version covers their whole interval and is
 * served somewhere. Waiting until the newer block is loaded keeps queries from seeing a gap:
 * brokers switch to the new version when its last partition is announced, and only then does the
 * old one go.
 */
public final class MarkOvershadowedSegmentsUnused {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarkOvershadowedSegmentsUnused.class);

	private final SegmentsMetadata metadata;

	private static List<SegmentId> overshadowed(List<DataSegment> used, java.util.function.Predicate<String> include) {
		Map<String, SegmentTimeline<DataSegment>> timelines = new TreeMap<>();
		for (DataSegment segment : used) {
			if (include.test(segment.id().toString())) {
				try {
					timelines.computeIfAbsent(segment.dataSource(), SegmentTimeline::new)
						.add(segment.id(), segment.shardSpec().corePartitions(), segment);
				}
				catch (io.strata.engine.error.StrataException ex) {
					// a segment whose core partition count disagrees with its block's: it neither
					// overshadows nor is overshadowed, and the rest of the run goes on
					log.warn("Segment[{}] left out of the overshadow check: {}", segment.id(), ex.getMessage());
				}
			}
		}
		List<SegmentId> ids = new java.util.ArrayList<>();
		timelines.values().forEach(timeline -> ids.addAll(timeline.overshadowed()));
		return ids;
	}

	public MarkOvershadowedSegmentsUnused(SegmentsMetadata metadata) {
		this.metadata = metadata;
	}

	/** Returns the ids marked unused. */
	public Set<String> run(CoordinatorRun run) {
		Set<String> served = new java.util.HashSet<>();
		for (ServerState server : run.servers().values()) {
			served.addAll(server.served().keySet());
		}
		// a served segment goes only when served newer blocks cover it; one nobody serves adds
		// nothing to queries, so any complete newer block in the metadata store will do
		Set<String> overshadowed = new LinkedHashSet<>();
		for (SegmentId id : overshadowed(run.used(), served::contains)) {
			if (served.contains(id.toString())) {
				overshadowed.add(id.toString());
			}
		}
		for (SegmentId id : overshadowed(run.used(), any -> true)) {
			if (!served.contains(id.toString())) {
				overshadowed.add(id.toString());
			}
		}
		if (!overshadowed.isEmpty()) {
			List<SegmentId> ids = run.used()
				.stream()
				.filter(segment -> overshadowed.contains(segment.id().toString()))
				.map(DataSegment::id)
				.toList();
			this.metadata.markUnused(ids);
		}
		return overshadowed;
	}

}
