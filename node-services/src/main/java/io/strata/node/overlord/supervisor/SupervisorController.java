package io.strata.node.overlord.supervisor;

import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Druid's supervisor API under {@code /druid/indexer/v1/supervisor}: submit, list, spec, status,
 * history, suspend, resume, terminate, reset. Errors are Druid's error JSON (the web advice); an
 * unknown id is a 404. Followers redirect to the leader (the overlord's interceptor).
 */
@RestController
@RequestMapping(path = "/druid/indexer/v1/supervisor", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnRole(Role.OVERLORD)
class SupervisorController {

	private final Supervisors supervisors;

	private final SupervisorRunner runner;

	private final JsonMapper mapper = JsonMapper.builder().build();

	SupervisorController(Supervisors supervisors, SupervisorRunner runner) {
		this.runner = runner;
		this.supervisors = supervisors;
	}

	@PostMapping(consumes = MediaType.ALL_VALUE)
	ResponseEntity<String> submit(@RequestBody(required = false) String body) {
		if (body == null || body.isBlank()) {
			throw StrataException.invalidInput("Supervisor spec is missing: POST the supervisor JSON");
		}
		return json(Map.of("id", this.supervisors.submit(body)));
	}

	@GetMapping
	ResponseEntity<String> list(@RequestParam(required = false) String full) {
		return json(full != null ? this.supervisors.full(this.runner::report) : this.supervisors.ids());
	}

	@GetMapping("/history")
	ResponseEntity<String> history() {
		return json(this.supervisors.history());
	}

	@GetMapping("/{id}")
	ResponseEntity<String> spec(@PathVariable String id) {
		return json(this.supervisors.spec(id));
	}

	@GetMapping("/{id}/status")
	ResponseEntity<String> status(@PathVariable String id) {
		return json(this.supervisors.status(id, this.runner.report(id)));
	}

	@GetMapping("/{id}/history")
	ResponseEntity<String> history(@PathVariable String id) {
		return json(this.supervisors.history(id));
	}

	@PostMapping(path = "/{id}/suspend", consumes = MediaType.ALL_VALUE)
	ResponseEntity<String> suspend(@PathVariable String id) {
		return json(this.supervisors.suspend(id, true));
	}

	@PostMapping(path = "/{id}/resume", consumes = MediaType.ALL_VALUE)
	ResponseEntity<String> resume(@PathVariable String id) {
		return json(this.supervisors.suspend(id, false));
	}

	@PostMapping(path = { "/{id}/terminate", "/{id}/shutdown" }, consumes = MediaType.ALL_VALUE)
	ResponseEntity<String> terminate(@PathVariable String id) {
		this.supervisors.terminate(id);
		return json(Map.of("id", id));
	}

	@PostMapping(path = "/{id}/reset", consumes = MediaType.ALL_VALUE)
	ResponseEntity<String> reset(@PathVariable String id) {
		this.supervisors.reset(id);
		this.runner.reset(id);
		return json(Map.of("id", id));
	}

	private ResponseEntity<String> json(Object body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.mapper.writeValueAsString(body));
	}

}
