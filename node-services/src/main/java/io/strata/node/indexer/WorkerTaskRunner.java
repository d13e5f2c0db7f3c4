package io.strata.node.indexer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.strata.node.config.WorkerProperties;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.task.Task;
import io.strata.node.task.TaskChat;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLocation;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskState;
import io.strata.node.task.TaskStatusCode;
import io.strata.node.task.TaskTypes;
import io.strata.node.zk.WorkerAnnouncement;
import io.strata.node.zk.WorkerAnnouncementJson;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of the ZooKeeper task protocol. It announces itself, watches its assignment
 * znodes and runs each assigned task once on a pool of {@code capacity} threads, reporting
 * RUNNING and then the final status in an ephemeral status znode. When the overlord deletes an
 * assignment the task is over for it: a task still running is cancelled (interrupted), and the
 * status znode of an ended one is removed. Threading: assignment changes arrive on Curator's
 * thread; the bookkeeping is guarded by the instance lock; tasks run on the pool.
 */
final class WorkerTaskRunner implements AutoCloseable {

	static final String SHUTDOWN_MESSAGE = "Shutdown request from user";

	/**
	 * A task this worker took: running until {@code ended}. {@code thread} is the pool thread while
	 * it runs the task, and also the lock under which it is interrupted, so that an interrupt never
	 * reaches the next task of that thread.
	 */
	private record Attempt(Task task, AtomicReference<Thread> thread, AtomicBoolean cancelled, AtomicBoolean ended,
			PersistentNode status) {

	}

	private static final Logger log = LoggerFactory.getLogger(WorkerTaskRunner.class);

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final WorkerProperties properties;

	private final TaskTypes types;

	private final TaskFiles files;

	private final OverlordClient overlord;

	private final SegmentPublisher publisher;

	private final DeepStorage deepStorage;

	private final SegmentsMetadata segments;

	private final LiveSegments live;

	private final DataSourceMetadataStore dataSources;

	/** Chat handlers of the running tasks, by task id. */
	private final Map<String, TaskChat> chats = new ConcurrentHashMap<>();

	private final TaskJson json = new TaskJson();

	private final WorkerAnnouncementJson workerJson = new WorkerAnnouncementJson();

	private final Map<String, Attempt> attempts = new LinkedHashMap<>();

	private final AtomicInteger started = new AtomicInteger();

	private ExecutorService pool;

	private CuratorCache assignments;

	private PersistentNode announcement;

	private WorkerAnnouncement announced;

	private String hostAndPort;

	WorkerTaskRunner(ZkNodes zk, ZkPaths paths, WorkerProperties properties, TaskTypes types, TaskFiles files,
			OverlordClient overlord, SegmentPublisher publisher, DeepStorage deepStorage, SegmentsMetadata segments,
			LiveSegments live, DataSourceMetadataStore dataSources) {
		this.live = live;
		this.dataSources = dataSources;
		this.zk = zk;
		this.paths = paths;
		this.properties = properties;
		this.types = types;
		this.files = files;
		this.overlord = overlord;
		this.publisher = publisher;
		this.deepStorage = deepStorage;
		this.segments = segments;
	}

	synchronized void start(String hostAndPort) {
		this.hostAndPort = hostAndPort;
		this.live.start(hostAndPort);
		int capacity = this.properties.capacityOrDefault();
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(capacity,
				runnable -> Thread.ofPlatform().name("worker-task-" + threads.incrementAndGet()).daemon(true).unstarted(runnable));
		this.announced = new WorkerAnnouncement(hostAndPort, hostAndPort.substring(0, hostAndPort.lastIndexOf(':')),
				capacity, this.properties.version(), this.properties.category());
		String mine = this.paths.taskAssignments(hostAndPort);
		this.zk.ensurePath(mine);
		this.assignments = CuratorCache.build(this.zk.curator(), mine);
		this.assignments.listenable().addListener((type, before, after) -> reconcile());
		this.assignments.start();
		this.announcement = this.zk.ephemeral(this.paths.workerAnnouncement(hostAndPort), this.workerJson.write(this.announced));
		log.info("Worker {} announced with capacity {} in category {}", hostAndPort, capacity, this.properties.category());
	}

	/** Starts newly assigned tasks; ends what lost its assignment. */
	private synchronized void reconcile() {
		if (this.pool == null || this.pool.isShutdown()) {
			return;
		}
		Map<String, byte[]> assigned = new LinkedHashMap<>();
		String prefix = this.paths.taskAssignments(this.hostAndPort) + "/";
		for (ChildData data : (Iterable<ChildData>) this.assignments.stream()::iterator) {
			if (data.getPath().startsWith(prefix) && data.getData() != null) {
				assigned.put(ZkPaths.lastElement(data.getPath()), data.getData());
			}
		}
		for (var entry : assigned.entrySet()) {
			if (!this.attempts.containsKey(entry.getKey())) {
				begin(entry.getKey(), new String(entry.getValue(), StandardCharsets.UTF_8));
			}
		}
		var iterator = this.attempts.entrySet().iterator();
		while (iterator.hasNext()) {
			var entry = iterator.next();
			if (!assigned.containsKey(entry.getKey())) {
				Attempt attempt = entry.getValue();
				if (attempt.ended().get()) {
					closeQuietly(attempt.status());
					iterator.remove();
				}
				else {
					cancel(attempt);
				}
			}
		}
	}

	private void begin(String taskId, String payload) {
		TaskLocation location = TaskLocation.of(this.hostAndPort);
		PersistentNode status = this.zk.ephemeral(this.paths.taskStatus(this.hostAndPort, taskId),
				this.json.writeState(TaskState.running(taskId, location)).getBytes(StandardCharsets.UTF_8));
		AtomicBoolean cancelled = new AtomicBoolean();
		AtomicBoolean ended = new AtomicBoolean();
		Task task;
		try {
			task = this.json.readStored(payload, this.types);
		}
		catch (RuntimeException ex) {
			report(status, TaskState.failure(taskId, "Task payload cannot be read: " + ex.getMessage(), location));
			ended.set(true);
			this.attempts.put(taskId, new Attempt(null, new AtomicReference<>(), cancelled, ended, status));
			return;
		}
		this.started.incrementAndGet();
		AtomicReference<Thread> thread = new AtomicReference<>();
		this.pool.execute(() -> {
			synchronized (thread) {
				thread.set(Thread.currentThread());
			}
			try {
				run(task, cancelled, status, location);
			}
			finally {
				synchronized (thread) {
					thread.set(null);
					// a shutdown that came as the task ended must not interrupt the next task
					Thread.interrupted();
				}
				ended.set(true);
				reconcile();
			}
		});
		this.attempts.put(taskId, new Attempt(task, thread, cancelled, ended, status));
	}

	private void run(Task task, AtomicBoolean cancelled, PersistentNode status, TaskLocation location) {
		long start = System.currentTimeMillis();
		WorkerTaskContext context = new WorkerTaskContext(task, this.overlord, this.publisher, this.deepStorage,
				this.segments, this.files, cancelled, this.live, this.zk, this.paths, this.chats, this.dataSources);
		TaskResult result;
		try {
			if (cancelled.get()) {
				throw new InterruptedException("shut down before it started");
			}
			context.log("Running task[%s] of type[%s] on worker[%s]", task.id(), task.type(), this.hostAndPort);
			TaskExecutor executor = this.types.executor(task);
			result = executor.run(context);
		}
		catch (InterruptedException ex) {
			result = TaskResult.failure(cancelled.get() ? SHUTDOWN_MESSAGE : "Task thread was interrupted");
		}
		catch (Exception ex) {
			log.warn("Task[{}] failed", task.id(), ex);
			result = cancelled.get() ? TaskResult.failure(SHUTDOWN_MESSAGE)
					: TaskResult.failure("%s", ex.getMessage() == null ? ex.toString() : ex.getMessage());
		}
		this.chats.remove(task.id());
		TaskState state = new TaskState(task.id(), result.succeeded() ? TaskStatusCode.SUCCESS : TaskStatusCode.FAILED,
				System.currentTimeMillis() - start, result.errorMsg(), location);
		try {
			context.log("Task[%s] finished with status[%s]%s", task.id(), state.status(),
					state.errorMsg() == null ? "" : ": " + state.errorMsg());
			this.files.deleteWorkDirectory(task.id());
		}
		catch (RuntimeException ex) {
			log.warn("Cleaning up after task[{}] failed", task.id(), ex);
		}
		report(status, state);
	}

	private void report(PersistentNode status, TaskState state) {
		try {
			status.setData(this.json.writeState(state).getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			// the status znode is gone (the worker is closing): the overlord fails the task when the worker vanishes
			log.warn("Reporting the status of task[{}] failed", state.id(), ex);
		}
	}

	private static void cancel(Attempt attempt) {
		attempt.cancelled().set(true);
		synchronized (attempt.thread()) {
			Thread thread = attempt.thread().get();
			if (thread != null) {
				thread.interrupt();
			}
		}
	}

	/** Stops a running task (a shutdown sent to the worker directly); false when it does not run here. */
	synchronized boolean shutdown(String taskId) {
		Attempt attempt = this.attempts.get(taskId);
		if (attempt == null || attempt.ended().get()) {
			return false;
		}
		cancel(attempt);
		return true;
	}

	/** The chat handler of a running task, if it registered one. */
	Optional<TaskChat> chat(String taskId) {
		return Optional.ofNullable(this.chats.get(taskId));
	}

	/** Ids of the tasks running here now. */
	synchronized List<String> running() {
		List<String> running = new ArrayList<>();
		this.attempts.forEach((id, attempt) -> {
			if (!attempt.ended().get()) {
				running.add(id);
			}
		});
		return running;
	}

	/** How many task runs this worker started since it came up. */
	int startedCount() {
		return this.started.get();
	}

	synchronized boolean enabled() {
		return this.announced != null && this.announced.enabled();
	}

	/** Announces the worker disabled (empty version: no new tasks) or enabled again. */
	synchronized void setEnabled(boolean enabled) throws Exception {
		this.announced = this.announced.withVersion(enabled ? this.properties.version() : "");
		this.announcement.setData(this.workerJson.write(this.announced));
	}

	String hostAndPort() {
		return this.hostAndPort;
	}

	private static void closeQuietly(PersistentNode node) {
		try {
			node.close();
		}
		catch (java.io.IOException ex) {
			log.warn("Closing znode {} failed", node.getActualPath(), ex);
		}
	}

	@Override
	public void close() {
		List<Attempt> all;
		synchronized (this) {
			if (this.pool == null) {
				return;
			}
			this.pool.shutdownNow();
			all = new ArrayList<>(this.attempts.values());
			this.attempts.clear();
		}
		this.assignments.close();
		all.forEach(attempt -> closeQuietly(attempt.status()));
		closeQuietly(this.announcement);
	}

}
