package io.strata.node.overlord;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.strata.node.task.Task;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskState;
import io.strata.node.zk.WorkerAnnouncement;
import io.strata.node.zk.WorkerAnnouncementJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlord's side of the ZooKeeper task protocol: it sees the announced workers, writes an
 * assignment znode {@code indexer/tasks/<worker>/<taskId>} (the task's payload) per task it gives
 * a worker, and reads the statuses workers write under {@code indexer/status/<worker>/<taskId>}.
 * Deleting an assignment tells the worker the task is over: it stops the task if it still runs
 * and removes its status. Assignments are persistent, so a new overlord leader finds the tasks
 * running and adopts them. Threading: Curator's event thread updates the caches; any thread reads.
 */
final class RemoteTaskRunner implements AutoCloseable {

	/** A task's assignment and the status its worker reported, if any yet. */
	record Assignment(String worker, TaskState reported) {

	}

	private static final Logger log = LoggerFactory.getLogger(RemoteTaskRunner.class);

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final CuratorCache workers;

	private final CuratorCache assignments;

	private final CuratorCache statuses;

	private final WorkerAnnouncementJson workerJson = new WorkerAnnouncementJson();

	private final TaskJson taskJson = new TaskJson();

	private int initializedCaches;

	private volatile boolean initialized;

	RemoteTaskRunner(ZkNodes zk, ZkPaths paths, Runnable onChange) {
		this.zk = zk;
		this.paths = paths;
		zk.ensurePath(paths.workerAnnouncements());
		zk.ensurePath(paths.taskAssignments());
		zk.ensurePath(paths.taskStatuses());
		this.workers = CuratorCache.build(zk.curator(), paths.workerAnnouncements());
		this.assignments = CuratorCache.build(zk.curator(), paths.taskAssignments());
		this.statuses = CuratorCache.build(zk.curator(), paths.taskStatuses());
		CuratorCacheListener listener = CuratorCacheListener.builder()
			.forAll((type, before, after) -> onChange.run())
			.forInitialized(this::cacheInitialized)
			.build();
		for (CuratorCache cache : new CuratorCache[] { this.workers, this.assignments, this.statuses }) {
			cache.listenable().addListener(listener);
		}
	}

	void start() {
		this.workers.start();
		this.assignments.start();
		this.statuses.start();
	}

	private synchronized void cacheInitialized() {
		this.initializedCaches++;
		this.initialized = this.initializedCaches == 3;
	}

	/** Whether all three caches have read ZooKeeper once: before that, a missing znode proves nothing. */
	boolean initialized() {
		return this.initialized;
	}

	/** Announced workers by host:port. */
	Map<String, WorkerAnnouncement> workers() {
		Map<String, WorkerAnnouncement> workers = new TreeMap<>();
		for (ChildData data : (Iterable<ChildData>) this.workers.stream()::iterator) {
			if (isChild(data, this.paths.workerAnnouncements(), 1)) {
				try {
					WorkerAnnouncement worker = this.workerJson.read(data.getData());
					workers.put(worker.hostAndPort(), worker);
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable worker announcement at {}", data.getPath(), ex);
				}
			}
		}
		return workers;
	}

	/** Every assigned task by id, with its worker and reported status. */
	Map<String, Assignment> assignments() {
		Map<String, TaskState> reported = new TreeMap<>();
		for (ChildData data : (Iterable<ChildData>) this.statuses.stream()::iterator) {
			if (isChild(data, this.paths.taskStatuses(), 2)) {
				try {
					TaskState state = this.taskJson.readState(new String(data.getData(), StandardCharsets.UTF_8));
					reported.put(state.id(), state);
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable task status at {}", data.getPath(), ex);
				}
			}
		}
		Map<String, Assignment> assigned = new TreeMap<>();
		String prefix = this.paths.taskAssignments() + "/";
		for (ChildData data : (Iterable<ChildData>) this.assignments.stream()::iterator) {
			if (isChild(data, this.paths.taskAssignments(), 2)) {
				String relative = data.getPath().substring(prefix.length());
				String worker = relative.substring(0, relative.indexOf('/'));
				String taskId = ZkPaths.lastElement(data.getPath());
				assigned.put(taskId, new Assignment(worker, reported.get(taskId)));
			}
		}
		return assigned;
	}

	/** Whether the znode is {@code depth} levels below {@code root} and carries data. */
	private static boolean isChild(ChildData data, String root, int depth) {
		if (!data.getPath().startsWith(root + "/") || data.getData() == null || data.getData().length == 0) {
			return false;
		}
		return data.getPath().substring(root.length() + 1).split("/").length == depth;
	}

	void assign(String worker, Task task) {
		this.zk.put(this.paths.taskAssignment(worker, task.id()), task.payload().getBytes(StandardCharsets.UTF_8));
	}

	void unassign(String worker, String taskId) {
		this.zk.delete(this.paths.taskAssignment(worker, taskId));
	}

	@Override
	public void close() {
		this.workers.close();
		this.assignments.close();
		this.statuses.close();
	}

}
