package io.strata.node.task;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Druid's JSON for tasks: submitted payloads, {@code TaskStatus} (stored and in ZooKeeper),
 * {@code TaskStatusPlus} (the API) and {@code TimeChunkLock}. Thread-safe.
 */
public final class TaskJson {

	private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	/**
	 * Reads a submitted task: checks {@code type} and the type's own fields, fills in a missing
	 * {@code id} (Druid's {@code type_dataSource_random_time}), {@code groupId} (the id) and
	 * {@code dataSource}.
	 * @throws StrataException invalid input naming the bad field
	 */
	public Task readSubmitted(String body, TaskTypes types) {
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Task payload is not valid JSON: %s", ex.getOriginalMessage());
		}
		if (json == null || !json.isObject()) {
			throw StrataException.invalidInput("Task payload must be a JSON object");
		}
		SpecNode root = SpecNode.root(json, "");
		TaskType type = types.get(root.requiredString("type"));
		TaskExecutor executor = type.parse(root);
		String dataSource = executor.dataSource();
		String id = root.has("id") ? root.requiredString("id") : newId(type.name(), dataSource);
		checkId(id);
		String groupId = root.optionalString("groupId", id);
		int priority = priority(root, type.defaultPriority());
		ObjectNode payload = this.mapper.createObjectNode();
		payload.put("type", type.name());
		payload.put("id", id);
		payload.put("groupId", groupId);
		payload.put("dataSource", dataSource);
		json.properties().forEach(field -> {
			if (!payload.has(field.getKey())) {
				payload.set(field.getKey(), field.getValue());
			}
		});
		return new Task(id, type.name(), groupId, dataSource, priority, this.mapper.writeValueAsString(payload));
	}

	/** A stored task back from its payload (already checked when it was submitted). */
	public Task readStored(String payload, TaskTypes types) {
		SpecNode root = SpecNode.root(this.mapper.readTree(payload), "");
		TaskType type = types.get(root.requiredString("type"));
		String id = root.requiredString("id");
		return new Task(id, type.name(), root.optionalString("groupId", id), root.requiredString("dataSource"),
				priority(root, type.defaultPriority()), payload);
	}

	private static int priority(SpecNode root, int defaultPriority) {
		SpecNode context = root.optionalObject("context");
		return context == null ? defaultPriority : context.optionalInt("priority", defaultPriority);
	}

	/** Druid's id rules: ids name znodes and directories, so no slashes, no whitespace, no leading dot. */
	static void checkId(String id) {
		if (id.isEmpty() || id.startsWith(".") || id.contains("/") || id.chars().anyMatch(Character::isWhitespace)) {
			throw StrataException.invalidInput(
					"Invalid spec: field[id] value[%s] must be non-empty, without '/' or whitespace, not starting with '.'",
					id);
		}
	}

	private String newId(String type, String dataSource) {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			suffix.append(ID_CHARACTERS.charAt(this.random.nextInt(ID_CHARACTERS.length())));
		}
		return type + "_" + dataSource + "_" + suffix + "_" + IsoTime.format(System.currentTimeMillis());
	}

	public String writeState(TaskState state) {
		return this.mapper.writeValueAsString(stateMap(state));
	}

	public Map<String, Object> stateMap(TaskState state) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", state.id());
		json.put("status", state.status().name());
		json.put("duration", state.duration());
		json.put("errorMsg", state.errorMsg());
		json.put("location", locationMap(state.location()));
		return json;
	}

	public TaskState readState(String json) {
		SpecNode node = SpecNode.root(this.mapper.readTree(json), "status");
		SpecNode location = node.optionalObject("location");
		return new TaskState(node.requiredString("id"), statusCode(node.requiredString("status")),
				node.optionalLong("duration", -1), node.optionalString("errorMsg", null),
				location == null ? TaskLocation.UNKNOWN
						: new TaskLocation(location.optionalString("host", null), location.optionalInt("port", -1),
								location.optionalInt("tlsPort", -1)));
	}

	private static TaskStatusCode statusCode(String text) {
		try {
			return TaskStatusCode.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw StrataException.invalidInput("Task status[%s] is none of RUNNING, SUCCESS, FAILED", text);
		}
	}

	/** Druid's {@code TaskStatusPlus} fields, in its order ({@code status} repeats {@code statusCode}). */
	public Map<String, Object> statusMap(TaskStatus status) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", status.id());
		json.put("groupId", status.groupId());
		json.put("type", status.type());
		json.put("createdTime", status.createdTime());
		json.put("queueInsertionTime", status.queueInsertionTime());
		json.put("statusCode", status.statusCode().name());
		json.put("status", status.statusCode().name());
		json.put("runnerStatusCode", status.runnerStatusCode().name());
		json.put("duration", status.duration());
		json.put("location", locationMap(status.location()));
		json.put("dataSource", status.dataSource());
		json.put("errorMsg", status.errorMsg());
		return json;
	}

	private static Map<String, Object> locationMap(TaskLocation location) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("host", location.host());
		json.put("port", location.port());
		json.put("tlsPort", location.tlsPort());
		return json;
	}

	/** Druid's {@code TimeChunkLock} JSON. */
	public Map<String, Object> lockMap(TaskLock lock) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", lock.type().name());
		json.put("granularity", "timeChunk");
		json.put("groupId", lock.groupId());
		json.put("dataSource", lock.dataSource());
		json.put("interval", lock.interval().toString());
		json.put("version", lock.version());
		json.put("priority", lock.priority());
		json.put("revoked", lock.revoked());
		return json;
	}

	public String writeLock(TaskLock lock) {
		return this.mapper.writeValueAsString(lockMap(lock));
	}

	public TaskLock readLock(String json) {
		return readLock(SpecNode.root(this.mapper.readTree(json), "lock"));
	}

	public TaskLock readLock(SpecNode node) {
		String granularity = node.optionalString("granularity", "timeChunk");
		if (!granularity.equals("timeChunk")) {
			throw node.error("granularity", "must be timeChunk: segment locks are not supported");
		}
		return new TaskLock(lockType(node, "type"), node.requiredString("groupId"), node.requiredString("dataSource"),
				Interval.parse(node.requiredString("interval")), node.requiredString("version"),
				node.optionalInt("priority", 0), node.optionalBoolean("revoked", false));
	}

	static LockType lockType(SpecNode node, String field) {
		String text = node.optionalString(field, "EXCLUSIVE");
		try {
			return LockType.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw node.error(field, "must be EXCLUSIVE or SHARED, not " + text);
		}
	}

}
