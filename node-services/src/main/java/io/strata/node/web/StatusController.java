package io.strata.node.web;

import io.strata.node.LocalNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.node.config.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Druid's {@code /status} and {@code /status/health} on every role. {@code version} is the Druid
 * API level Strata matches (clients such as Turnilo refuse anything but x.y.z at or above 0.14);
 * Strata's own version is {@code strataVersion}.
 */
@RestController
class StatusController {

	static final String DRUID_API_VERSION = "37.0.0";

	static final String STRATA_VERSION = "0.1.0";

	private final LocalNode node;

	StatusController(LocalNode node) {
		this.node = node;
	}

	@GetMapping({ "/status", "/status/" })
	Map<String, Object> status() {
		Runtime runtime = Runtime.getRuntime();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("version", DRUID_API_VERSION);
		status.put("strataVersion", STRATA_VERSION);
		status.put("modules", List.of());
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("maxMemory", runtime.maxMemory());
		memory.put("totalMemory", runtime.totalMemory());
		memory.put("freeMemory", runtime.freeMemory());
		memory.put("usedMemory", runtime.totalMemory() - runtime.freeMemory());
		memory.put("directMemory", 0);
		status.put("memory", memory);
		status.put("roles", this.node.roles().stream().map(Role::configName).toList());
		status.put("host", this.node.hostAndPort());
		return status;
	}

	@GetMapping({ "/status/health", "/status/health/" })
	boolean health() {
		return true;
	}

}
