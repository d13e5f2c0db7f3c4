package io.strata.node.coordinator.duty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.coordinator.CoordinatorRun;
import io.strata.node.coordinator.DynamicConfig;
import io.strata.node.coordinator.ServerState;
import io.strata.node.coordinator.rule.Rule;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.node.zk.LoadRequest;
import io.strata.node.zk.NodeAnnouncement;

/**
 * Hand-built inputs for the duty tests: daily segments, historicals with a tier and a capacity,
 * their served segments and queued requests, and the {@link CoordinatorRun} that holds them.
 */
final class DutyFixtures {

	static final long DAY = 86_400_000L;

	/** 2024-01-01T00:00Z: day 0 of every segment here. */
	static final long BASE = 1_704_067_200_000L;

	/** The coordinator's clock: 2024-06-01T00:00Z, after every segment here. */
	static final long NOW = BASE + 152 * DAY;

	/** Large enough that no server here fills up unless a test means it to. */
	static final long LARGE = 1L << 40;

	static final DynamicConfig NO_LIMITS = new DynamicConfig(100, 100);

	private DutyFixtures() {
	}

	/** Days {@code [fromDay, toDay)} after {@link #BASE}. */
	static Interval days(int fromDay, int toDay) {
		return new Interval(BASE + fromDay * DAY, BASE + toDay * DAY);
	}

	/** Partition {@code partition} of {@code partitions} of one day at {@code version}. */
	static DataSegment segment(String dataSource, int day, String version, int partition, int partitions, long size) {
		return segment(dataSource, days(day, day + 1), version, partition, partitions, size);
	}

	/** The only partition of one day at version v1. */
	static DataSegment segment(String dataSource, int day, long size) {
		return segment(dataSource, day, "v1", 0, 1, size);
	}

	static DataSegment segment(String dataSource, Interval interval, String version, int partition, int partitions,
			long size) {
		SegmentId id = new SegmentId(dataSource, interval, version, partition);
		return new DataSegment(id, new LoadSpec.Local("/deep/" + id + "/segment.strata"), List.of("page"),
				List.of("count"), new ShardSpec.Numbered(partition, partitions), DataSegment.BINARY_VERSION, size);
	}

	static NodeAnnouncement historical(String hostAndPort, String tier, long maxSize) {
		return new NodeAnnouncement(hostAndPort, "druid/historical", List.of("historical"), tier, 0, maxSize, 1);
	}

	static ServerState server(NodeAnnouncement node, List<DataSegment> served) {
		return server(node, served, List.of());
	}

	static ServerState server(NodeAnnouncement node, List<DataSegment> served, List<LoadRequest> queued) {
		Map<String, DataSegment> servedById = new TreeMap<>();
		served.forEach(segment -> servedById.put(segment.id().toString(), segment));
		Map<String, LoadRequest> queuedById = new TreeMap<>();
		queued.forEach(request -> queuedById.put(request.segment().id().toString(), request));
		return new ServerState(node, servedById, queuedById);
	}

	static LoadRequest loading(DataSegment segment) {
		return new LoadRequest(LoadRequest.Action.LOAD, segment);
	}

	static LoadRequest dropping(DataSegment segment) {
		return new LoadRequest(LoadRequest.Action.DROP, segment);
	}

	/** Tier to copies, in the order given: {@code tiers("hot", 2, "cold", 1)}. */
	static Map<String, Integer> tiers(Object... tierThenCopies) {
		Map<String, Integer> tiers = new LinkedHashMap<>();
		for (int i = 0; i < tierThenCopies.length; i += 2) {
			tiers.put((String) tierThenCopies[i], (Integer) tierThenCopies[i + 1]);
		}
		return tiers;
	}

	/** A run whose known datasources are those of the used segments. */
	static CoordinatorRun run(List<DataSegment> used, List<ServerState> servers, Map<String, List<Rule>> rules,
			List<Rule> defaultRules, DynamicConfig config) {
		TreeSet<String> known = new TreeSet<>();
		used.forEach(segment -> known.add(segment.dataSource()));
		return run(used, List.copyOf(known), servers, rules, defaultRules, config);
	}

	static CoordinatorRun run(List<DataSegment> used, List<String> knownDataSources, List<ServerState> servers,
			Map<String, List<Rule>> rules, List<Rule> defaultRules, DynamicConfig config) {
		Map<String, ServerState> byName = new TreeMap<>();
		servers.forEach(server -> byName.put(server.name(), server));
		return new CoordinatorRun(NOW, used, knownDataSources, byName, rules, defaultRules, config);
	}

	/** Each of the segments' ids, as the duties key them. */
	static List<String> ids(DataSegment... segments) {
		List<String> ids = new ArrayList<>();
		for (DataSegment segment : segments) {
			ids.add(segment.id().toString());
		}
		return ids;
	}

}
