package io.strata.node.overlord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.IsoTime;
import io.strata.node.config.OverlordProperties;
import io.strata.node.metadata.AuditInfo;
import io.strata.node.metadata.ConfigMetadata;
import io.strata.node.metadata.TasksMetadata;
import io.strata.node.overlord.lock.TaskLockbox;
import io.strata.node.overlord.worker.WorkerBehaviorConfigJson;
import io.strata.node.overlord.worker.WorkerLoad;
import io.strata.node.overlord.worker.WorkerSelectStrategy;
import io.strata.node.task.RunnerStatusCode;
import io.strata.node.task.Task;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLocation;
import io.strata.node.task.TaskState;
import io.strata.node.task.TaskStatus;
import io.strata.node.task.TaskStatusCode;
import io.strata.node.task.TaskTypes;
import io.strata.node.zk.LeaderElection;
import io.strata.node.zk.WorkerAnnouncement;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlord: joins the election and, while it leads, owns the task queue. A new leader first
 * restores the queue and the lockbox from the metadata store; a task already assigned in
 * ZooKeeper keeps running on its worker and is adopted, not started again. Each run (every
 * period and on every ZooKeeper change) records the final statuses workers reported, fails the
 * tasks of workers that vanished, drops stale assignments and assigns pending tasks, highest
 * priority first, to workers the select strategy picks by free capacity and category.
 * Threading: runs and leadership changes on one scheduler thread; API calls from any thread.
 */
public final class Overlord implements AutoCloseable {

	static final String SHUTDOWN_MESSAGE = "Shutdown request from user";

	private static final Logger log = LoggerFactory.getLogger(Overlord.class);

	private final TasksMetadata tasks;

	private final ConfigMetadata config;

	private final TaskTypes types;

	private final OverlordProperties properties;

	private final TaskLockbox lockbox;

	private final TaskQueue queue;

	private final RemoteTaskRunner runner;

	private final LeaderElection election;

	private final TaskJson json = new TaskJson();

	private final WorkerBehaviorConfigJson workerConfigJson = new WorkerBehaviorConfigJson();

	private final Map<String, String> lastCompletedTaskTime = new ConcurrentHashMap<>();

	/** Assignments written but maybe not yet in the ZooKeeper cache: without them a task could go out twice. */
	private final Map<String, String> inFlight = new ConcurrentHashMap<>();

	private final AtomicBoolean runQueued = new AtomicBoolean();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("overlord").daemon(true).factory());

	private volatile boolean leading;

	public Overlord(TasksMetadata tasks, TaskLockbox lockbox, ConfigMetadata config, ZkNodes zk, ZkPaths paths,
			TaskTypes types, OverlordProperties properties) {
		this.tasks = tasks;
		this.config = config;
		this.types = types;
		this.properties = properties;
		this.lockbox = lockbox;
		this.queue = new TaskQueue(tasks, lockbox, types);
		this.runner = new RemoteTaskRunner(zk, paths, this::requestRun);
		this.election = new LeaderElection(zk, paths.overlordLeader());
	}

	/** Joins the election as {@code hostAndPort} and starts the periodic runs. */
	public void start(String hostAndPort) {
		this.runner.start();
		this.election.start(hostAndPort, new LeaderLatchListener() {
			@Override
			public void isLeader() {
				Overlord.this.scheduler.execute(Overlord.this::becomeLeader);
			}

			@Override
			public void notLeader() {
				Overlord.this.scheduler.execute(Overlord.this::stopLeading);
			}
		});
		long period = this.properties.period().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::runIfLeader, period, period, TimeUnit.MILLISECONDS);
	}

	private void becomeLeader() {
		if (!this.election.isLeader() || this.leading) {
			return;
		}
		try {
			this.queue.restore();
			this.leading = true;
			log.info("Leading the overlords with {} active tasks restored", this.queue.active().size());
			runIfLeader();
		}
		catch (RuntimeException ex) {
			// the metadata store is away: the next leadership event or run tries again
			log.warn("Restoring the task queue failed", ex);
			this.scheduler.schedule(this::becomeLeader, this.properties.period().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void stopLeading() {
		if (this.leading) {
			log.info("No longer leading the overlords");
		}
		this.leading = false;
		this.inFlight.clear();
		this.queue.clear();
	}

	/** Whether this overlord leads and has restored its state: only then does it answer the API. */
	public boolean isLeader() {
		return this.leading && this.election.isLeader();
	}

	/** The current leader's host:port, or null while there is none. */
	public String leader() {
		return this.election.leader();
	}

	private void requestRun() {
		if (this.runQueued.compareAndSet(false, true)) {
			this.scheduler.execute(() -> {
				this.runQueued.set(false);
				runIfLeader();
			});
		}
	}

	private void runIfLeader() {
		try {
			if (isLeader() && this.runner.initialized()) {
				runOnce();
			}
		}
		catch (RuntimeException ex) {
			// one failed run (metadata store or ZooKeeper briefly away) must not stop the next ones
			log.warn("Overlord run failed", ex);
		}
	}

	private synchronized void runOnce() {
		Map<String, WorkerAnnouncement> workers = this.runner.workers();
		Map<String, RemoteTaskRunner.Assignment> assigned = new LinkedHashMap<>(this.runner.assignments());
		for (var entry : assigned.entrySet()) {
			String taskId = entry.getKey();
			RemoteTaskRunner.Assignment assignment = entry.getValue();
			boolean active = this.queue.get(taskId).isPresent();
			if (active && assignment.reported() != null && assignment.reported().isComplete()) {
				this.queue.complete(taskId, assignment.reported());
				this.lastCompletedTaskTime.put(assignment.worker(), IsoTime.format(System.currentTimeMillis()));
				active = false;
			}
			else if (active && !workers.containsKey(assignment.worker())) {
				this.queue.complete(taskId, TaskState.failure(taskId,
						"Worker[" + assignment.worker() + "] disappeared while the task ran", TaskLocation.UNKNOWN));
				active = false;
			}
			if (!active) {
				this.runner.unassign(assignment.worker(), taskId);
			}
		}
		assigned.keySet().removeIf(id -> this.queue.get(id).isEmpty());
		this.inFlight.keySet().removeIf(id -> assigned.containsKey(id) || this.queue.get(id).isEmpty());
		this.inFlight.forEach((id, worker) -> assigned.put(id, new RemoteTaskRunner.Assignment(worker, null)));
		assignPending(workers, assigned);
	}

	private void assignPending(Map<String, WorkerAnnouncement> workers, Map<String, RemoteTaskRunner.Assignment> assigned) {
		List<TaskQueue.Entry> pending = this.queue.active()
			.stream()
			.filter(entry -> !assigned.containsKey(entry.task().id()))
			.sorted(Comparator.comparingInt((TaskQueue.Entry entry) -> -entry.task().priority())
				.thenComparing(TaskQueue.Entry::createdTime))
			.toList();
		if (pending.isEmpty() || workers.isEmpty()) {
			return;
		}
		Map<String, Integer> used = new LinkedHashMap<>();
		workers.keySet().forEach(worker -> used.put(worker, 0));
		assigned.values().forEach(assignment -> used.merge(assignment.worker(), 1, Integer::sum));
		WorkerSelectStrategy strategy = workerStrategy();
		for (TaskQueue.Entry entry : pending) {
			List<WorkerLoad> loads = workers.values()
				.stream()
				.map(worker -> new WorkerLoad(worker, used.get(worker.hostAndPort())))
				.toList();
			Optional<WorkerLoad> chosen = strategy.select(entry.task(), loads);
			if (chosen.isPresent()) {
				String worker = chosen.get().worker().hostAndPort();
				this.inFlight.put(entry.task().id(), worker);
				this.runner.assign(worker, entry.task());
				used.merge(worker, 1, Integer::sum);
				log.info("Assigned task[{}] to worker[{}]", entry.task().id(), worker);
			}
		}
	}

	private TaskQueue requireLeader() {
		if (!isLeader()) {
			throw StrataException.unavailable("This overlord is not the leader (or is still restoring its state): ask[%s]",
					leader());
		}
		return this.queue;
	}

	/** Queues a submitted task; returns its id. */
	public String submit(String body) {
		Task task = this.json.readSubmitted(body, this.types);
		requireLeader().add(task);
		requestRun();
		return task.id();
	}

	/**
	 * Ends an active task as failed ({@code Shutdown request from user}) and tells its worker to
	 * stop it; a complete task is left alone.
	 * @return false when no task has the id
	 */
	public boolean shutdown(String taskId) {
		TaskQueue active = requireLeader();
		Optional<TaskQueue.Entry> entry = active.get(taskId);
		if (entry.isEmpty()) {
			return this.tasks.get(taskId).isPresent();
		}
		RemoteTaskRunner.Assignment assignment = this.runner.assignments().get(taskId);
		TaskLocation location = assignment != null && assignment.reported() != null ? assignment.reported().location()
				: TaskLocation.UNKNOWN;
		active.complete(taskId, TaskState.failure(taskId, SHUTDOWN_MESSAGE, location));
		if (assignment != null) {
			this.runner.unassign(assignment.worker(), taskId);
		}
		requestRun();
		return true;
	}

	/** Shuts down every active task of the datasource; returns their ids. */
	public List<String> shutdownAll(String dataSource) {
		List<String> ids = requireLeader().active()
			.stream()
			.map(TaskQueue.Entry::task)
			.filter(task -> task.dataSource().equals(dataSource))
			.map(Task::id)
			.toList();
		ids.forEach(this::shutdown);
		return ids;
	}

	/** The task's status, active or complete. */
	public Optional<TaskStatus> status(String taskId) {
		Optional<TaskQueue.Entry> active = requireLeader().get(taskId);
		if (active.isPresent()) {
			return Optional.of(activeStatus(active.get(), this.runner.assignments().get(taskId)));
		}
		return this.tasks.get(taskId).map(this::storedStatus);
	}

	/** The task's payload as submitted (ids filled in). */
	public Optional<String> payload(String taskId) {
		requireLeader();
		return this.tasks.get(taskId).map(TasksMetadata.TaskEntry::payload);
	}

	/**
	 * Druid's task lists: active tasks by runner state ({@code waiting}, {@code pending},
	 * {@code running}), then complete ones, newest first.
	 * @param state null for all
	 * @param max at most this many complete tasks; null: those created within the recently
	 * finished threshold
	 */
	public List<TaskStatus> tasks(String state, String dataSource, String type, Integer max) {
		TaskQueue active = requireLeader();
		List<TaskStatus> result = new ArrayList<>();
		if (state == null || !state.equals("complete")) {
			Map<String, RemoteTaskRunner.Assignment> assigned = this.runner.assignments();
			for (TaskQueue.Entry entry : active.active()) {
				TaskStatus status = activeStatus(entry, assigned.get(entry.task().id()));
				if (state == null || status.runnerStatusCode().name().equalsIgnoreCase(state)) {
					result.add(status);
				}
			}
			result.removeIf(status -> (dataSource != null && !dataSource.equals(status.dataSource()))
					|| (type != null && !type.equals(status.type())));
		}
		if (state == null || state.equals("complete")) {
			String since = max != null ? IsoTime.format(0)
					: IsoTime.format(System.currentTimeMillis() - this.properties.recentlyFinishedThreshold().toMillis());
			this.tasks.complete(since, dataSource, type, max != null ? max : Integer.MAX_VALUE)
				.forEach(entry -> result.add(storedStatus(entry)));
		}
		return result;
	}

	private TaskStatus activeStatus(TaskQueue.Entry entry, RemoteTaskRunner.Assignment assignment) {
		Task task = entry.task();
		RunnerStatusCode runnerStatus = assignment == null ? RunnerStatusCode.PENDING
				: assignment.reported() != null ? RunnerStatusCode.RUNNING : RunnerStatusCode.PENDING;
		TaskLocation location = assignment != null && assignment.reported() != null ? assignment.reported().location()
				: TaskLocation.UNKNOWN;
		return new TaskStatus(task.id(), task.groupId(), task.type(), entry.createdTime(), entry.createdTime(),
				TaskStatusCode.RUNNING, runnerStatus, -1, location, task.dataSource(), null);
	}

	private TaskStatus storedStatus(TasksMetadata.TaskEntry entry) {
		TaskState state = this.json.readState(entry.statusPayload());
		return new TaskStatus(entry.id(), entry.groupId(), entry.type(), entry.createdDate(), entry.createdDate(),
				state.status(), state.isComplete() ? RunnerStatusCode.NONE : RunnerStatusCode.WAITING, state.duration(),
				state.location(), entry.dataSource(), state.errorMsg());
	}

	/** Announced workers with their assigned tasks, for {@code /workers}. */
	public List<WorkerView> workers() {
		requireLeader();
		Map<String, List<String>> running = new LinkedHashMap<>();
		this.runner.assignments()
			.forEach((taskId, assignment) -> running.computeIfAbsent(assignment.worker(), w -> new ArrayList<>())
				.add(taskId));
		String now = IsoTime.format(System.currentTimeMillis());
		return this.runner.workers()
			.values()
			.stream()
			.map(worker -> new WorkerView(worker, running.getOrDefault(worker.hostAndPort(), List.of()),
					this.lastCompletedTaskTime.computeIfAbsent(worker.hostAndPort(), w -> now)))
			.toList();
	}

	/** A worker as {@code /workers} shows it (Druid's {@code ImmutableWorkerInfo}). */
	public record WorkerView(WorkerAnnouncement worker, List<String> runningTasks, String lastCompletedTaskTime) {

	}

	/** The worker select strategy in force: the stored dynamic config, else equalDistribution. */
	public WorkerSelectStrategy workerStrategy() {
		return this.config.get(WorkerBehaviorConfigJson.CONFIG_KEY)
			.map(this.workerConfigJson::read)
			.orElse(WorkerSelectStrategy.DEFAULT);
	}

	/** Checks and stores a new worker config. */
	public void setWorkerConfig(String body, AuditInfo audit) {
		WorkerSelectStrategy strategy = this.workerConfigJson.read(body);
		this.config.set(WorkerBehaviorConfigJson.CONFIG_KEY, this.workerConfigJson.write(strategy), audit);
		requestRun();
	}

	/** The active task with this id, for task actions. */
	Task activeTask(String taskId) {
		return requireLeader().get(taskId)
			.map(TaskQueue.Entry::task)
			.orElseThrow(() -> StrataException.invalidInput("Task[%s] is not an active task of this overlord", taskId));
	}

	TaskLockbox lockbox() {
		return this.lockbox;
	}

	@Override
	public void close() throws java.io.IOException {
		this.scheduler.shutdownNow();
		this.election.close();
		this.runner.close();
	}

}
