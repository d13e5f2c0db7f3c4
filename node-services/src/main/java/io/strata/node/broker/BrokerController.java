package io.strata.node.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.engine.timeline.TimelineChunk;
import io.strata.engine.timeline.TimelineSegment;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.zk.NodeAnnouncement;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Druid's broker metadata endpoints: datasources, their columns, candidate segments, load status. */
@RestController
@ConditionalOnRole(Role.BROKER)
class BrokerController {

	private final BrokerServerView view;

	BrokerController(BrokerServerView view) {
		this.view = view;
	}

	@GetMapping({ "/druid/v2/datasources", "/druid/v2/datasources/" })
	List<String> dataSources() {
		return new ArrayList<>(this.view.snapshot().timelines().keySet());
	}

	@GetMapping({ "/druid/v2/datasources/{dataSource}", "/druid/v2/datasources/{dataSource}/" })
	Map<String, Object> dataSource(@PathVariable String dataSource) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("dimensions", dimensions(dataSource));
		columns.put("metrics", metrics(dataSource));
		return columns;
	}

	@GetMapping("/druid/v2/datasources/{dataSource}/dimensions")
	List<String> dimensions(@PathVariable String dataSource) {
		TreeSet<String> names = new TreeSet<>();
		visible(dataSource, Interval.ETERNITY).forEach(served -> names.addAll(served.segment().dimensions()));
		return new ArrayList<>(names);
	}

	@GetMapping("/druid/v2/datasources/{dataSource}/metrics")
	List<String> metrics(@PathVariable String dataSource) {
		TreeSet<String> names = new TreeSet<>();
		visible(dataSource, Interval.ETERNITY).forEach(served -> names.addAll(served.segment().metrics()));
		return new ArrayList<>(names);
	}

	@GetMapping("/druid/v2/datasources/{dataSource}/candidates")
	List<Map<String, Object>> candidates(@PathVariable String dataSource, @RequestParam String intervals) {
		List<Map<String, Object>> candidates = new ArrayList<>();
		for (String text : intervals.split(",")) {
			Interval interval = parse(text);
			for (BrokerServerView.ServedBy served : visible(dataSource, interval)) {
				Map<String, Object> candidate = new LinkedHashMap<>();
				candidate.put("interval", served.segment().interval().toString());
				candidate.put("version", served.segment().version());
				candidate.put("partitionNumber", served.segment().id().partitionNum());
				candidate.put("size", served.segment().size());
				List<Map<String, Object>> locations = new ArrayList<>();
				for (NodeAnnouncement server : served.servers()) {
					Map<String, Object> location = new LinkedHashMap<>();
					location.put("name", server.hostAndPort());
					location.put("host", server.hostAndPort());
					location.put("hostAndTlsPort", null);
					location.put("maxSize", server.maxSize());
					location.put("type", "historical");
					location.put("tier", server.tier());
					location.put("priority", server.priority());
					locations.add(location);
				}
				candidate.put("locations", locations);
				candidates.add(candidate);
			}
		}
		return candidates;
	}

	@GetMapping("/druid/broker/v1/loadstatus")
	Map<String, Boolean> loadStatus() {
		return Map.of("inventoryInitialized", this.view.initialized());
	}

	@GetMapping("/druid/broker/v1/readiness")
	ResponseEntity<Void> readiness() {
		return ResponseEntity.status(this.view.initialized() ? 200 : 503).build();
	}

	private List<BrokerServerView.ServedBy> visible(String dataSource, Interval interval) {
		SegmentTimeline<BrokerServerView.ServedBy> timeline = this.view.snapshot().timelines().get(dataSource);
		List<BrokerServerView.ServedBy> visible = new ArrayList<>();
		if (timeline == null) {
			return visible;
		}
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (TimelineChunk<BrokerServerView.ServedBy> chunk : timeline.lookup(interval)) {
			for (TimelineSegment<BrokerServerView.ServedBy> partition : chunk.partitions()) {
				if (seen.add(partition.id().toString())) {
					visible.add(partition.payload());
				}
			}
		}
		return visible;
	}

	private static Interval parse(String text) {
		try {
			return Interval.parse(text.strip());
		}
		catch (RuntimeException ex) {
			throw StrataException.invalidInput("Interval[%s] is not an ISO-8601 interval", text);
		}
	}

}
