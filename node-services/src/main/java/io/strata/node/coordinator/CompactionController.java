package io.strata.node.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.coordinator.compaction.CompactionConfig;
import io.strata.node.coordinator.compaction.CompactionConfigJson;
import io.strata.node.coordinator.compaction.CompactionConfigs;
import io.strata.node.coordinator.compaction.CompactionStatistics;
import io.strata.node.coordinator.compaction.CompactionStatus;
import io.strata.node.coordinator.compaction.DataSourceCompactionConfig;
import io.strata.node.metadata.AuditInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Druid's auto-compaction API on the coordinator: the config ({@code /config/compaction...},
 * audited with {@code X-Druid-Author} / {@code X-Druid-Comment}) and what the last run found
 * ({@code /compaction/status}, {@code /compaction/progress}); {@code POST /compaction/compact}
 * runs it at once.
 */
@RestController
@RequestMapping("/druid/coordinator/v1")
@ConditionalOnRole(Role.COORDINATOR)
class CompactionController {

	private final Coordinator coordinator;

	private final CompactionConfigs configs;

	private final CompactionConfigJson json = new CompactionConfigJson();

	CompactionController(Coordinator coordinator) {
		this.coordinator = coordinator;
		this.configs = coordinator.compactionConfigs();
	}

	@GetMapping(path = "/config/compaction", produces = MediaType.APPLICATION_JSON_VALUE)
	String config() {
		return this.json.toJson(this.json.writeCluster(this.configs.current()));
	}

	@PostMapping(path = "/config/compaction", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Void> setDataSourceConfig(@RequestBody(required = false) String body,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		// parsed first: a bad config is refused with the field named, never stored
		DataSourceCompactionConfig config = this.json.readDataSource(body);
		this.configs.update(current -> current.with(config), audit(author, comment));
		return ResponseEntity.ok().build();
	}

	@PostMapping("/config/compaction/taskslots")
	ResponseEntity<Void> setTaskSlots(@RequestParam(required = false) Double ratio,
			@RequestParam(required = false) Integer max,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		if (ratio != null && !(ratio >= 0 && ratio <= 1)) {
			throw StrataException.invalidInput("Parameter[ratio] must be between 0 and 1, not %s", ratio);
		}
		if (max != null && max < 0) {
			throw StrataException.invalidInput("Parameter[max] must not be negative, not %s", max);
		}
		this.configs.update(current -> current.withSlots(ratio == null ? current.compactionTaskSlotRatio() : ratio,
				max == null ? current.maxCompactionTaskSlots() : max), audit(author, comment));
		return ResponseEntity.ok().build();
	}

	@GetMapping(path = "/config/compaction/{dataSource}", produces = MediaType.APPLICATION_JSON_VALUE)
	String dataSourceConfig(@PathVariable String dataSource) {
		DataSourceCompactionConfig config = this.configs.current()
			.of(dataSource)
			.orElseThrow(() -> notConfigured(dataSource));
		return this.json.toJson(this.json.writeDataSource(config));
	}

	@DeleteMapping("/config/compaction/{dataSource}")
	ResponseEntity<Void> deleteDataSourceConfig(@PathVariable String dataSource,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		this.configs.update(current -> {
			if (current.of(dataSource).isEmpty()) {
				throw notConfigured(dataSource);
			}
			return current.without(dataSource);
		}, audit(author, comment));
		return ResponseEntity.ok().build();
	}

	/** Druid's {@code DataSourceCompactionConfigAuditEntry} list, oldest first. */
	@GetMapping(path = "/config/compaction/{dataSource}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	String history(@PathVariable String dataSource, @RequestParam(required = false) String interval,
			@RequestParam(required = false) Integer count) {
		if (count != null && count <= 0) {
			throw StrataException.invalidInput("Parameter[count] must be positive, not %s", count);
		}
		Interval within = null;
		if (interval != null) {
			try {
				within = Interval.parse(interval);
			}
			catch (RuntimeException ex) {
				throw StrataException.invalidInput("Parameter[interval] is not an ISO interval: %s", interval);
			}
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (CompactionConfigs.HistoryEntry entry : this.configs.history(dataSource, Integer.MAX_VALUE)) {
			if (within != null && !within.contains(IsoTime.parse(entry.audit().at()))) {
				continue;
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("globalConfig", this.json.writeSlots(entry.cluster()));
			json.put("compactionConfig",
					entry.compactionConfig() == null ? null : this.json.writeDataSource(entry.compactionConfig()));
			json.put("auditInfo", Map.of("author", entry.audit().author(), "comment", entry.audit().comment(), "ip", ""));
			json.put("auditTime", entry.audit().at());
			entries.add(json);
		}
		if (count != null && entries.size() > count) {
			entries = entries.subList(entries.size() - count, entries.size());
		}
		return this.json.toJson(entries);
	}

	@GetMapping("/compaction/progress")
	Map<String, Long> progress(@RequestParam(required = false) String dataSource) {
		if (dataSource == null || dataSource.isEmpty()) {
			throw StrataException.invalidInput("Parameter[dataSource] is required");
		}
		return Map.of("remainingSegmentSize", statusOf(dataSource).awaiting().bytes());
	}

	@GetMapping("/compaction/status")
	Map<String, Object> compactionStatus(@RequestParam(required = false) String dataSource) {
		List<CompactionStatus> statuses = dataSource == null ? statuses() : List.of(statusOf(dataSource));
		return Map.of("latestStatus", statuses.stream().map(CompactionController::statusMap).toList());
	}

	@PostMapping("/compaction/compact")
	ResponseEntity<Void> compact() {
		this.coordinator.runCompaction();
		return ResponseEntity.ok().build();
	}

	private CompactionStatus statusOf(String dataSource) {
		return statuses().stream()
			.filter(status -> status.dataSource().equals(dataSource))
			.findFirst()
			.orElseThrow(() -> notConfigured(dataSource));
	}

	/** Every configured datasource: its last run's status, or awaiting its first run. */
	private List<CompactionStatus> statuses() {
		CompactionConfig config = this.configs.current();
		Map<String, CompactionStatus> last = this.coordinator.compaction().statuses();
		return config.compactionConfigs()
			.stream()
			.map(c -> last.getOrDefault(c.dataSource(), CompactionStatus.awaitingFirstRun(c.dataSource())))
			.toList();
	}

	/** Druid's {@code AutoCompactionSnapshot}. */
	private static Map<String, Object> statusMap(CompactionStatus status) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("dataSource", status.dataSource());
		json.put("scheduleStatus", status.scheduleStatus().name());
		CompactionStatistics awaiting = status.awaiting();
		CompactionStatistics compacted = status.compacted();
		CompactionStatistics skipped = status.skipped();
		json.put("bytesAwaitingCompaction", awaiting.bytes());
		json.put("bytesCompacted", compacted.bytes());
		json.put("bytesSkipped", skipped.bytes());
		json.put("segmentCountAwaitingCompaction", awaiting.segments());
		json.put("segmentCountCompacted", compacted.segments());
		json.put("segmentCountSkipped", skipped.segments());
		json.put("intervalCountAwaitingCompaction", awaiting.intervals());
		json.put("intervalCountCompacted", compacted.intervals());
		json.put("intervalCountSkipped", skipped.intervals());
		return json;
	}

	private static StrataException notConfigured(String dataSource) {
		return new StrataException(ErrorCode.CONFIG_NOT_FOUND,
				String.format("DataSource[%s] has no compaction config", dataSource));
	}

	private static AuditInfo audit(String author, String comment) {
		return new AuditInfo(author, comment, IsoTime.format(System.currentTimeMillis()));
	}

}
