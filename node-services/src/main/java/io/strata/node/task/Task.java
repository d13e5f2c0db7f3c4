package io.strata.node.task;

import java.util.Objects;

import io.strata.engine.json.SpecNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submitted task: the fields the overlord schedules by, and the JSON it was submitted as, kept
 * verbatim (with {@code id}, {@code groupId} and {@code dataSource} filled in when they were left
 * out) so that a task type reads its own fields from it on any node.
 * @param priority the lock priority: context {@code priority}, else the type's default
 */
public record Task(String id, String type, String groupId, String dataSource, int priority, String payload) {

	public Task {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(groupId, "groupId");
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(payload, "payload");
	}

	/** The payload as a JSON tree (a fresh copy each call). */
	public JsonNode json() {
		return JsonMapper.builder().build().readTree(this.payload);
	}

	/** The payload as the root of a spec, for a task type to read its fields with named errors. */
	public SpecNode spec() {
		return SpecNode.root(json(), "");
	}

}
