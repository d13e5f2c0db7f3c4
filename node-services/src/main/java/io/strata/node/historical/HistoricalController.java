package io.strata.node.historical;

import java.util.Map;

import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Druid's historical status endpoints. */
@RestController
@ConditionalOnRole(Role.HISTORICAL)
class HistoricalController {

	private final SegmentManager segments;

	HistoricalController(SegmentManager segments) {
		this.segments = segments;
	}

	@GetMapping("/druid/historical/v1/loadstatus")
	Map<String, Boolean> loadStatus() {
		return Map.of("cacheInitialized", this.segments.cacheInitialized());
	}

	@GetMapping("/druid/historical/v1/readiness")
	ResponseEntity<Void> readiness() {
		return ResponseEntity.status(this.segments.cacheInitialized() ? 200 : 503).build();
	}

}
