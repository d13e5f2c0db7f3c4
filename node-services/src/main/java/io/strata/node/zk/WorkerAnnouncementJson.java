package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a {@link WorkerAnnouncement}, Druid's {@code Worker}:
 * {@code {"scheme","host":"host:port","ip","capacity","version","category"}}. Thread-safe.
 */
public final class WorkerAnnouncementJson {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** The announcement as a JSON-ready map (also the {@code worker} object of {@code /workers}). */
	public Map<String, Object> toMap(WorkerAnnouncement worker) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scheme", "http");
		json.put("host", worker.hostAndPort());
		json.put("ip", worker.ip());
		json.put("capacity", worker.capacity());
		json.put("version", worker.version());
		json.put("category", worker.category());
		return json;
	}

	public byte[] write(WorkerAnnouncement worker) {
		return this.mapper.writeValueAsBytes(toMap(worker));
	}

	public WorkerAnnouncement read(byte[] data) {
		SpecNode node;
		try {
			node = SpecNode.root(this.mapper.readTree(new String(data, StandardCharsets.UTF_8)), "worker");
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Worker announcement is not valid JSON: %s", ex.getOriginalMessage());
		}
		String host = node.requiredString("host");
		return new WorkerAnnouncement(host, node.optionalString("ip", host.substring(0, Math.max(0, host.lastIndexOf(':')))),
				node.optionalInt("capacity", 1), node.optionalString("version", "0"),
				node.optionalString("category", "_default_worker_category"));
	}

}
