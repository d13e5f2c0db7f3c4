package io.strata.node.overlord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.metadata.AuditInfo;
import io.strata.node.overlord.worker.WorkerBehaviorConfigJson;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskStatus;
import io.strata.node.zk.WorkerAnnouncementJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Druid's overlord API: tasks (submit, payload, status, log, reports, lists, shutdown), workers
 * and their dynamic config, leadership, and the task action endpoint workers call. Errors are
 * Druid's error JSON (the web advice); an unknown task is a 404.
 */
@RestController
@RequestMapping("/druid/indexer/v1")
@ConditionalOnRole(Role.OVERLORD)
class OverlordController {

	private static final List<String> STATES = List.of("pending", "waiting", "running", "complete");

	private final Overlord overlord;

	private final TaskActions actions;

	private final WorkerClient workerClient;

	private final TaskJson json = new TaskJson();

	private final WorkerAnnouncementJson workerJson = new WorkerAnnouncementJson();

	private final WorkerBehaviorConfigJson workerConfigJson = new WorkerBehaviorConfigJson();

	OverlordController(Overlord overlord, TaskActions actions, WorkerClient workerClient) {
		this.overlord = overlord;
		this.actions = actions;
		this.workerClient = workerClient;
	}

	@GetMapping(path = "/leader", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> leader() {
		String leader = this.overlord.leader();
		return leader == null ? ResponseEntity.status(503).build() : ResponseEntity.ok("http://" + leader);
	}

	@GetMapping("/isLeader")
	ResponseEntity<Map<String, Boolean>> isLeader() {
		boolean leader = this.overlord.isLeader();
		return ResponseEntity.status(leader ? 200 : 404).body(Map.of("leader", leader));
	}

	@PostMapping(path = "/task", consumes = MediaType.ALL_VALUE)
	Map<String, String> submit(@RequestBody(required = false) String body) {
		if (body == null || body.isBlank()) {
			throw StrataException.invalidInput("Task payload is missing: POST the task JSON");
		}
		return Map.of("task", this.overlord.submit(body));
	}

	@GetMapping(path = "/task/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
	String payload(@PathVariable String taskId) {
		String payload = this.overlord.payload(taskId).orElseThrow(() -> notFound(taskId));
		return "{\"task\":" + JsonMapper.builder().build().writeValueAsString(taskId) + ",\"payload\":" + payload + "}";
	}

	@GetMapping("/task/{taskId}/status")
	Map<String, Object> status(@PathVariable String taskId) {
		TaskStatus status = this.overlord.status(taskId).orElseThrow(() -> notFound(taskId));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("task", taskId);
		body.put("status", this.json.statusMap(status));
		return body;
	}

	@GetMapping(path = "/task/{taskId}/log", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> log(@PathVariable String taskId) {
		return fromWorker(taskId, "log");
	}

	@GetMapping(path = "/task/{taskId}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> reports(@PathVariable String taskId) {
		return fromWorker(taskId, "reports");
	}

	/** Logs and reports stay on the worker that ran the task; the overlord fetches them from there. */
	private ResponseEntity<String> fromWorker(String taskId, String what) {
		TaskStatus status = this.overlord.status(taskId).orElseThrow(() -> notFound(taskId));
		if (!status.location().known()) {
			throw new StrataException(ErrorCode.TASK_NOT_FOUND,
					String.format("No %s was found for task[%s]: it may not have begun running yet", what, taskId));
		}
		return this.workerClient.get(status.location().hostAndPort(), "/druid/worker/v1/task/" + taskId + "/" + what);
	}

	@GetMapping("/tasks")
	List<Map<String, Object>> tasks(@RequestParam(required = false) String state,
			@RequestParam(required = false) String datasource, @RequestParam(required = false) Integer max,
			@RequestParam(required = false) String type) {
		String lower = state == null ? null : state.toLowerCase(Locale.ROOT);
		if (lower != null && !STATES.contains(lower)) {
			throw StrataException.invalidInput("Invalid task state[%s]. Must be one of %s.", state, STATES);
		}
		if (max != null && max < 0) {
			throw StrataException.invalidInput("Parameter[max] must not be negative, not %s", max);
		}
		return this.overlord.tasks(lower, datasource, type, max).stream().map(this.json::statusMap).toList();
	}

	@GetMapping("/runningTasks")
	List<Map<String, Object>> runningTasks(@RequestParam(required = false) String type) {
		return tasks("running", null, null, type);
	}

	@GetMapping("/pendingTasks")
	List<Map<String, Object>> pendingTasks() {
		return tasks("pending", null, null, null);
	}

	@GetMapping("/waitingTasks")
	List<Map<String, Object>> waitingTasks() {
		return tasks("waiting", null, null, null);
	}

	@GetMapping("/completeTasks")
	List<Map<String, Object>> completeTasks(@RequestParam(name = "n", required = false) Integer max) {
		return tasks("complete", null, max, null);
	}

	@PostMapping("/task/{taskId}/shutdown")
	Map<String, String> shutdown(@PathVariable String taskId) {
		if (!this.overlord.shutdown(taskId)) {
			throw notFound(taskId);
		}
		return Map.of("task", taskId);
	}

	@PostMapping("/datasources/{dataSource}/shutdownAllTasks")
	ResponseEntity<Map<String, String>> shutdownAll(@PathVariable String dataSource) {
		// Druid: 404 without a body when the datasource has no active task
		return this.overlord.shutdownAll(dataSource).isEmpty() ? ResponseEntity.notFound().build()
				: ResponseEntity.ok(Map.of("dataSource", dataSource));
	}

	@GetMapping("/workers")
	List<Map<String, Object>> workers() {
		return this.overlord.workers().stream().map(view -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("worker", this.workerJson.toMap(view.worker()));
			entry.put("currCapacityUsed", view.runningTasks().size());
			entry.put("currParallelIndexCapacityUsed", 0);
			entry.put("availabilityGroups", List.of());
			entry.put("runningTasks", view.runningTasks());
			entry.put("lastCompletedTaskTime", view.lastCompletedTaskTime());
			entry.put("blacklistedUntil", null);
			return entry;
		}).toList();
	}

	@GetMapping("/worker")
	Map<String, Object> workerConfig() {
		return this.workerConfigJson.toMap(this.overlord.workerStrategy());
	}

	@PostMapping(path = "/worker", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Void> setWorkerConfig(@RequestBody(required = false) String body,
			@RequestHeader(name = "X-Druid-Author", defaultValue = "") String author,
			@RequestHeader(name = "X-Druid-Comment", defaultValue = "") String comment) {
		if (body == null || body.isBlank()) {
			throw StrataException.invalidInput("Worker config is missing: POST the config JSON");
		}
		this.overlord.setWorkerConfig(body, new AuditInfo(author, comment, IsoTime.format(System.currentTimeMillis())));
		return ResponseEntity.ok().build();
	}

	@PostMapping(path = "/action", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	String action(@RequestBody String body) {
		return this.actions.perform(body);
	}

	private static StrataException notFound(String taskId) {
		return new StrataException(ErrorCode.TASK_NOT_FOUND, String.format("Task[%s] not found", taskId));
	}

}
