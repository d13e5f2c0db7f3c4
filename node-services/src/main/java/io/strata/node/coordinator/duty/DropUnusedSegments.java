package io.strata.node.coordinator.duty;

import java.util.HashSet;
import java.util.Set;

import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.LoadQueuePeon;
import io.strata.node.coordinator.ServerState;
import io.strata.node.segment.DataSegment;

/**
 * Drops from every historical the segments that are no longer used (overshadowed, killed, marked
 * unused). Only segments of datasources the metadata store knows: a coordinator pointed at the
 * wrong (say, empty) database must not unload the whole cluster.
 */
public final class DropUnusedSegments {

	private final LoadQueuePeon peon;

	public DropUnusedSegments(LoadQueuePeon peon) {
		this.peon = peon;
	}

	/** Returns how many drops were requested. */
	public int run(CoordinatorRun run) {
		Set<String> used = new HashSet<>();
		run.used().forEach(segment -> used.add(segment.id().toString()));
		Set<String> known = new HashSet<>(run.knownDataSources());
		int dropped = 0;
		for (ServerState server : run.servers().values()) {
			for (DataSegment segment : server.served().values()) {
				String id = segment.id().toString();
				if (!used.contains(id) && !server.isDropping(id) && known.contains(segment.dataSource())) {
					this.peon.drop(server.name(), segment);
					dropped++;
				}
			}
		}
		return dropped;
	}

}
