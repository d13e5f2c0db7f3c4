package io.strata.node.overlord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.TasksMetadata;
import io.strata.node.overlord.lock.TaskLockbox;
import io.strata.node.task.Task;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLocation;
import io.strata.node.task.TaskState;
import io.strata.node.task.TaskTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's active tasks, in submission order, backed by the tasks table: a task is written
 * there before it is queued, and its final status is written before it leaves the queue and its
 * locks go. Threading: every method holds the instance lock.
 */
final class TaskQueue {

	/** An active task and when it was created (ISO UTC). */
	record Entry(Task task, String createdTime) {

	}

	private static final Logger log = LoggerFactory.getLogger(TaskQueue.class);

	private final TasksMetadata tasks;

	private final TaskLockbox lockbox;

	private final TaskTypes types;

	private final TaskJson json = new TaskJson();

	private final Map<String, Entry> active = new LinkedHashMap<>();

	TaskQueue(TasksMetadata tasks, TaskLockbox lockbox, TaskTypes types) {
		this.tasks = tasks;
		this.lockbox = lockbox;
		this.types = types;
	}

	/** Loads the active tasks and their locks from the metadata store (a new leader). */
	synchronized void restore() {
		this.active.clear();
		for (TasksMetadata.TaskEntry entry : this.tasks.active()) {
			try {
				Task task = this.json.readStored(entry.payload(), this.types);
				this.active.put(task.id(), new Entry(task, entry.createdDate()));
			}
			catch (RuntimeException ex) {
				// a task of a type this build no longer has can never run: end it rather than block the queue
				log.warn("Failing stored task[{}]: its payload cannot be read", entry.id(), ex);
				this.tasks.setStatus(entry.id(),
						this.json.writeState(TaskState.failure(entry.id(), ex.getMessage(), TaskLocation.UNKNOWN)), false);
			}
		}
		this.lockbox.restore(this.active.keySet());
	}

	synchronized void clear() {
		this.active.clear();
		this.lockbox.clear();
	}

	synchronized void add(Task task) {
		String now = IsoTime.format(System.currentTimeMillis());
		this.tasks.insert(new TasksMetadata.TaskEntry(task.id(), now, task.dataSource(), task.type(), task.groupId(),
				task.payload(), this.json.writeState(TaskState.running(task.id(), TaskLocation.UNKNOWN)), true));
		this.active.put(task.id(), new Entry(task, now));
	}

	synchronized Optional<Entry> get(String id) {
		return Optional.ofNullable(this.active.get(id));
	}

	synchronized List<Entry> active() {
		return new ArrayList<>(this.active.values());
	}

	/** Stores the final state and releases the task's locks; false when the task was not active. */
	synchronized boolean complete(String id, TaskState state) {
		if (!this.active.containsKey(id)) {
			return false;
		}
		this.tasks.setStatus(id, this.json.writeState(state), false);
		this.active.remove(id);
		this.lockbox.removeTask(id);
		log.info("Task[{}] completed with status[{}]{}", id, state.status(),
				state.errorMsg() == null ? "" : ": " + state.errorMsg());
		return true;
	}

}
