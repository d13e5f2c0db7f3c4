package io.strata.node.task;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;

/** The task types this node knows, by Druid's {@code type}; frozen once built. Thread-safe. */
public final class TaskTypes {

	private final Map<String, TaskType> byName;

	public TaskTypes(Collection<TaskType> types) {
		Map<String, TaskType> map = new TreeMap<>();
		for (TaskType type : types) {
			if (map.put(type.name(), type) != null) {
				throw StrataException.defensive("Task type[%s] is registered twice", type.name());
			}
		}
		this.byName = java.util.Collections.unmodifiableMap(map);
	}

	/** @throws StrataException invalid input when no such type is registered */
	public TaskType get(String name) {
		TaskType type = this.byName.get(name);
		if (type == null) {
			throw StrataException.invalidInput("Invalid spec: field[type] names task type[%s], which is none of %s",
					name, names());
		}
		return type;
	}

	public List<String> names() {
		return List.copyOf(this.byName.keySet());
	}

	/** Parses a stored task for running. */
	public TaskExecutor executor(Task task) {
		return get(task.type()).parse(task.spec());
	}

}
