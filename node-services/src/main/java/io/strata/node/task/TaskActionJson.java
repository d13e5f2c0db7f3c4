package io.strata.node.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Interval;
import io.strata.node.metadata.StreamOffsetsJson;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a task action request, Druid's {@code TaskActionHolder}:
 * {@code {"task": "<id>" or {"id": ...}, "action": {"type": "lockAcquire", ...}}}. Thread-safe.
 */
public final class TaskActionJson {

	/** A parsed request: which task asks, and for what. */
	public record Request(String taskId, TaskAction action) {

	}

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	private final StreamOffsetsJson offsetsJson = new StreamOffsetsJson();

	public String write(String taskId, TaskAction action) {
		Map<String, Object> json = new LinkedHashMap<>();
		switch (action) {
			case TaskAction.LockAcquire acquire -> {
				json.put("type", "lockAcquire");
				json.put("lockType", acquire.lockType().name());
				json.put("interval", acquire.interval().toString());
				json.put("timeoutMs", acquire.timeoutMs());
			}
			case TaskAction.LockTryAcquire tryAcquire -> {
				json.put("type", "lockTryAcquire");
				json.put("lockType", tryAcquire.lockType().name());
				json.put("interval", tryAcquire.interval().toString());
			}
			case TaskAction.LockRelease release -> {
				json.put("type", "lockRelease");
				json.put("interval", release.interval().toString());
			}
			case TaskAction.LockList list -> json.put("type", "lockList");
			case TaskAction.SegmentAllocate allocate -> {
				json.put("type", "segmentAllocate");
				json.put("interval", allocate.interval().toString());
				json.put("sequenceName", allocate.sequenceName());
				json.put("taskLockType", LockType.SHARED.name());
			}
			case TaskAction.SegmentInsert insert -> {
				json.put("type", "segmentTransactionalInsert");
				json.put("segments", insert.segments().stream().map(this.segmentJson::write).toList());
				insert.commit().ifPresent(commit -> {
					json.put("startMetadata", this.offsetsJson.toMap(commit.start(), StreamOffsetsJson.Kind.START));
					json.put("endMetadata", this.offsetsJson.toMap(commit.end(), StreamOffsetsJson.Kind.END));
				});
			}
			case TaskAction.RetrieveUnusedSegments retrieve -> {
				json.put("type", "retrieveUnusedSegments");
				json.put("dataSource", retrieve.dataSource());
				json.put("interval", retrieve.interval().toString());
				json.put("versions", retrieve.versions().isEmpty() ? null : retrieve.versions());
				json.put("limit", retrieve.limit() == 0 ? null : retrieve.limit());
			}
			case TaskAction.SegmentNuke nuke -> {
				json.put("type", "segmentNuke");
				json.put("segments", nuke.segments().stream().map(this.segmentJson::write).toList());
			}
		}
		Map<String, Object> holder = new LinkedHashMap<>();
		holder.put("task", taskId);
		holder.put("action", json);
		return this.mapper.writeValueAsString(holder);
	}

	/** @throws StrataException invalid input naming the bad field */
	public Request read(String body) {
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Task action is not valid JSON: %s", ex.getOriginalMessage());
		}
		SpecNode root = SpecNode.root(json, "");
		JsonNode task = json.path("task");
		String taskId = task.isObject() ? SpecNode.root(task, "task").requiredString("id") : root.requiredString("task");
		SpecNode action = root.requiredObject("action");
		String type = action.requiredString("type");
		TaskAction parsed = switch (type) {
			case "lockAcquire" -> new TaskAction.LockAcquire(TaskJson.lockType(action, "lockType"),
					Interval.parse(action.requiredString("interval")), action.optionalLong("timeoutMs", 0));
			case "lockTryAcquire" -> new TaskAction.LockTryAcquire(TaskJson.lockType(action, "lockType"),
					Interval.parse(action.requiredString("interval")));
			case "lockRelease" -> new TaskAction.LockRelease(Interval.parse(action.requiredString("interval")));
			case "lockList" -> new TaskAction.LockList();
			case "segmentAllocate" -> new TaskAction.SegmentAllocate(Interval.parse(action.requiredString("interval")),
					action.requiredString("sequenceName"));
			case "segmentTransactionalInsert" -> {
				Optional<TaskAction.StreamCommit> commit = streamCommit(action);
				// Druid's rule: a stream task may commit offsets with no segment (it read no row)
				yield new TaskAction.SegmentInsert(commit.isPresent() && action.json().path("segments").isEmpty()
						? List.of() : segments(action), commit);
			}
			case "retrieveUnusedSegments" -> retrieveUnused(action);
			case "segmentNuke" -> new TaskAction.SegmentNuke(segments(action));
			default -> throw action.error("type", "names task action[" + type + "], which is none of [lockAcquire, "
					+ "lockTryAcquire, lockRelease, lockList, segmentAllocate, segmentTransactionalInsert, retrieveUnusedSegments, segmentNuke]");
		};
		return new Request(taskId, parsed);
	}

	private static TaskAction.RetrieveUnusedSegments retrieveUnused(SpecNode action) {
		int limit = action.optionalInt("limit", 0);
		if (limit < 0) {
			throw action.error("limit", "must not be negative");
		}
		return new TaskAction.RetrieveUnusedSegments(action.requiredString("dataSource"),
				Interval.parse(action.requiredString("interval")), action.optionalStringList("versions"), limit);
	}

	/** Druid's rule: start and end metadata come together or not at all. */
	private Optional<TaskAction.StreamCommit> streamCommit(SpecNode action) {
		boolean start = action.has("startMetadata");
		boolean end = action.has("endMetadata");
		if (start != end) {
			throw action.error(start ? "endMetadata" : "startMetadata",
					"is required when " + (start ? "startMetadata" : "endMetadata") + " is given");
		}
		if (!start) {
			return Optional.empty();
		}
		return Optional.of(new TaskAction.StreamCommit(
				this.offsetsJson.read(action.json().get("startMetadata"), action.fieldPath("startMetadata")),
				this.offsetsJson.read(action.json().get("endMetadata"), action.fieldPath("endMetadata"))));
	}

	private List<DataSegment> segments(SpecNode action) {
		JsonNode segments = action.json().path("segments");
		if (!segments.isArray() || segments.isEmpty()) {
			throw action.error("segments", "must be a non-empty array of segment payloads");
		}
		List<DataSegment> parsed = new ArrayList<>();
		for (JsonNode segment : segments) {
			parsed.add(this.segmentJson.read(segment));
		}
		return parsed;
	}

	/** The response body: {@code {"result": ...}}. */
	public String writeResult(Object result) {
		Map<String, Object> holder = new LinkedHashMap<>();
		holder.put("result", result);
		return this.mapper.writeValueAsString(holder);
	}

	public JsonNode readResult(String body) {
		return this.mapper.readTree(body).path("result");
	}

}
