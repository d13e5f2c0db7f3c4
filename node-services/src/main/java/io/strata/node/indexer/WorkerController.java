package io.strata.node.indexer;

import java.util.List;
import java.util.Map;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import io.strata.node.task.TaskChat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Druid's middleManager API: {@code enabled}, {@code enable}/{@code disable}, running
 * {@code tasks}, a task's {@code log} and {@code reports} (which the overlord fetches from here),
 * and {@code shutdown}.
 */
@RestController
@RequestMapping("/druid/worker/v1")
@ConditionalOnRole({ Role.MIDDLE_MANAGER, Role.INDEXER })
class WorkerController {

	private final WorkerTaskRunner runner;

	private final TaskFiles files;

	WorkerController(WorkerTaskRunner runner, TaskFiles files) {
		this.runner = runner;
		this.files = files;
	}

	@GetMapping("/enabled")
	Map<String, Boolean> enabled() {
		return Map.of(this.runner.hostAndPort(), this.runner.enabled());
	}

	@PostMapping("/disable")
	Map<String, String> disable() throws Exception {
		this.runner.setEnabled(false);
		return Map.of(this.runner.hostAndPort(), "disabled");
	}

	@PostMapping("/enable")
	Map<String, String> enable() throws Exception {
		this.runner.setEnabled(true);
		return Map.of(this.runner.hostAndPort(), "enabled");
	}

	@GetMapping("/tasks")
	List<String> tasks() {
		return this.runner.running();
	}

	@GetMapping(path = "/task/{taskId}/log", produces = MediaType.TEXT_PLAIN_VALUE)
	String log(@PathVariable String taskId) {
		return this.files.log(taskId).orElseThrow(() -> notFound("log", taskId));
	}

	@GetMapping(path = "/task/{taskId}/reports", produces = MediaType.APPLICATION_JSON_VALUE)
	String reports(@PathVariable String taskId) {
		return this.files.reports(taskId).orElseThrow(() -> notFound("reports", taskId));
	}

	@PostMapping("/task/{taskId}/shutdown")
	Map<String, String> shutdown(@PathVariable String taskId) {
		if (!this.runner.shutdown(taskId)) {
			throw notFound("running task", taskId);
		}
		return Map.of("task", taskId);
	}

	/** Druid's chat handler path: a running task's own API, used by its supervisor. */
	@RequestMapping(path = "/chat/{taskId}/**", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> chat(@PathVariable String taskId, HttpServletRequest request,
			@RequestBody(required = false) String body) {
		TaskChat chat = this.runner.chat(taskId).orElseThrow(() -> notFound("running task with a chat handler", taskId));
		String prefix = "/druid/worker/v1/chat/" + taskId + "/";
		String uri = request.getRequestURI();
		String path = uri.length() > prefix.length() ? uri.substring(prefix.length()) : "";
		TaskChat.Reply reply = chat.handle(request.getMethod(), path, request.getQueryString(), body);
		return ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.json());
	}

	private static StrataException notFound(String what, String taskId) {
		return new StrataException(ErrorCode.TASK_NOT_FOUND,
				String.format("No %s was found for task[%s] on this worker", what, taskId));
	}

}
