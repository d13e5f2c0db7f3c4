package io.strata.node.overlord.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.TaskLocksMetadata;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.LockType;
import io.strata.node.task.Task;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLock;

/**
 * Druid's time-chunk lockbox. A lock covers a datasource and interval; overlapping locks
 * conflict unless all are SHARED, or the request is EXCLUSIVE from a task of the same group
 * inside an exclusive lock that group holds (it joins that lock). A request of higher priority
 * than every conflicting lock revokes them (their holders can no longer publish) and is granted.
 * A new lock's version is its acquisition time (ISO UTC), made greater than every version in use
 * for its datasource and interval (used segments, other locks), so batch re-indexing overshadows
 * real-time data. Every grant is a row per holder in the task locks table. Thread-safe: one
 * mutex; waiters for {@link #lock} wake whenever a lock goes.
 */
public final class TaskLockbox {

	/** A granted lock and the tasks holding it, with the row id of each holder's copy. */
	private static final class Posse {

		private TaskLock lock;

		private final Map<String, Long> holders = new LinkedHashMap<>();

		Posse(TaskLock lock) {
			this.lock = lock;
		}

	}

	private final TaskLocksMetadata store;

	private final SegmentsMetadata segments;

	private final LongSupplier clock;

	private final TaskJson json = new TaskJson();

	private final ReentrantLock mutex = new ReentrantLock();

	private final Condition released = this.mutex.newCondition();

	private final List<Posse> posses = new ArrayList<>();

	private long lastVersionMillis = Long.MIN_VALUE;

	public TaskLockbox(TaskLocksMetadata store, SegmentsMetadata segments, LongSupplier clock) {
		this.store = store;
		this.segments = segments;
		this.clock = clock;
	}

	/**
	 * Replaces what is held by the stored locks of the active tasks (a new leader); rows of tasks
	 * no longer active are deleted.
	 */
	public void restore(Set<String> activeTaskIds) {
		this.mutex.lock();
		try {
			this.posses.clear();
			for (TaskLocksMetadata.LockEntry entry : this.store.all()) {
				if (!activeTaskIds.contains(entry.taskId())) {
					this.store.remove(entry.id());
					continue;
				}
				TaskLock lock = this.json.readLock(entry.payload());
				Posse posse = this.posses.stream().filter(p -> p.lock.equals(lock)).findFirst().orElseGet(() -> {
					Posse created = new Posse(lock);
					this.posses.add(created);
					return created;
				});
				posse.holders.put(entry.taskId(), entry.id());
				long issued = versionMillis(lock.version());
				if (issued <= this.clock.getAsLong()) {
					this.lastVersionMillis = Math.max(this.lastVersionMillis, issued);
				}
			}
		}
		finally {
			this.mutex.unlock();
		}
	}

	/** Forgets every lock without touching the store (leadership lost: the next leader restores them). */
	public void clear() {
		this.mutex.lock();
		try {
			this.posses.clear();
			this.released.signalAll();
		}
		finally {
			this.mutex.unlock();
		}
	}

	/**
	 * The lock if it can be granted now.
	 * @throws StrataException when the task's own lock on the interval was revoked
	 */
	public Optional<TaskLock> tryLock(Task task, LockType type, Interval interval) {
		this.mutex.lock();
		try {
			return grant(task, type, interval);
		}
		finally {
			this.mutex.unlock();
		}
	}

	/**
	 * Waits up to {@code timeout} for the lock.
	 * @throws StrataException timeout when it was not granted in time
	 */
	public TaskLock lock(Task task, LockType type, Interval interval, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.mutex.lock();
		try {
			while (true) {
				Optional<TaskLock> granted = grant(task, type, interval);
				if (granted.isPresent()) {
					return granted.get();
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw StrataException.timeout("Task[%s] did not get a %s lock on interval[%s] of dataSource[%s] within %s",
							task.id(), type, interval, task.dataSource(), timeout);
				}
				this.released.await(left, TimeUnit.NANOSECONDS);
			}
		}
		finally {
			this.mutex.unlock();
		}
	}

	private Optional<TaskLock> grant(Task task, LockType type, Interval interval) {
		for (Posse posse : this.posses) {
			if (posse.holders.containsKey(task.id()) && posse.lock.dataSource().equals(task.dataSource())
					&& posse.lock.interval().contains(interval)) {
				if (posse.lock.revoked()) {
					throw StrataException.invalidInput("Lock of task[%s] on interval[%s] was revoked by a higher-priority task",
							task.id(), posse.lock.interval());
				}
				return Optional.of(posse.lock);
			}
		}
		List<Posse> conflicts = this.posses.stream()
			.filter(p -> !p.lock.revoked() && p.lock.dataSource().equals(task.dataSource())
					&& p.lock.interval().overlaps(interval) && !p.holders.containsKey(task.id()))
			.toList();
		if (!conflicts.isEmpty()) {
			Optional<Posse> joinable = joinable(task, type, interval, conflicts);
			if (joinable.isPresent()) {
				return Optional.of(hold(joinable.get(), task.id()));
			}
			boolean allShared = type == LockType.SHARED && conflicts.stream().allMatch(p -> p.lock.type() == LockType.SHARED);
			if (!allShared) {
				if (conflicts.stream().anyMatch(p -> p.lock.priority() >= task.priority())) {
					return Optional.empty();
				}
				conflicts.forEach(this::revoke);
			}
		}
		Posse created = new Posse(new TaskLock(type, task.groupId(), task.dataSource(), interval,
				newVersion(task.dataSource(), interval), task.priority(), false));
		this.posses.add(created);
		return Optional.of(hold(created, task.id()));
	}

	/** A lock the task may share: same group and exclusive, or shared on the same interval. */
	private static Optional<Posse> joinable(Task task, LockType type, Interval interval, List<Posse> conflicts) {
		if (conflicts.size() != 1) {
			return Optional.empty();
		}
		TaskLock lock = conflicts.getFirst().lock;
		boolean sameGroupExclusive = type == LockType.EXCLUSIVE && lock.type() == LockType.EXCLUSIVE
				&& lock.groupId().equals(task.groupId()) && lock.interval().contains(interval);
		boolean sameShared = type == LockType.SHARED && lock.type() == LockType.SHARED
				&& lock.interval().equals(interval);
		return sameGroupExclusive || sameShared ? Optional.of(conflicts.getFirst()) : Optional.empty();
	}

	private TaskLock hold(Posse posse, String taskId) {
		posse.holders.put(taskId, this.store.add(taskId, this.json.writeLock(posse.lock)));
		return posse.lock;
	}

	private void revoke(Posse posse) {
		posse.lock = posse.lock.revoke();
		String payload = this.json.writeLock(posse.lock);
		posse.holders.values().forEach(row -> this.store.replace(row, payload));
	}

	/** Now, but after every version issued and every version in use on the interval. */
	private String newVersion(String dataSource, Interval interval) {
		long millis = Math.max(this.clock.getAsLong(), this.lastVersionMillis + 1);
		// only the clock's own steps are remembered: one far-future version must not drag every later lock along
		this.lastVersionMillis = millis;
		String version = IsoTime.format(millis);
		String floor = this.segments.maxUsedVersion(dataSource, interval).orElse("");
		for (Posse posse : this.posses) {
			if (posse.lock.dataSource().equals(dataSource) && posse.lock.interval().overlaps(interval)
					&& posse.lock.version().compareTo(floor) > 0) {
				floor = posse.lock.version();
			}
		}
		if (version.compareTo(floor) <= 0) {
			// a version ahead of this clock (another machine's, or hand-made): step just past it
			version = IsoTime.format(Math.max(millis, versionMillis(floor) + 1));
			if (version.compareTo(floor) <= 0) {
				version = floor + "_1";
			}
		}
		return version;
	}

	private static long versionMillis(String version) {
		try {
			return IsoTime.parse(version);
		}
		catch (RuntimeException ex) {
			return Long.MIN_VALUE;
		}
	}

	/** Releases the task's lock on exactly this interval. */
	public void unlock(String taskId, Interval interval) {
		release(taskId, posse -> posse.lock.interval().equals(interval));
	}

	/** Releases every lock of the task (it ended). */
	public void removeTask(String taskId) {
		release(taskId, posse -> true);
	}

	private void release(String taskId, java.util.function.Predicate<Posse> which) {
		this.mutex.lock();
		try {
			var iterator = this.posses.iterator();
			while (iterator.hasNext()) {
				Posse posse = iterator.next();
				if (posse.holders.containsKey(taskId) && which.test(posse)) {
					this.store.remove(posse.holders.remove(taskId));
					if (posse.holders.isEmpty()) {
						iterator.remove();
					}
				}
			}
			this.released.signalAll();
		}
		finally {
			this.mutex.unlock();
		}
	}

	/** The locks the task holds. */
	public List<TaskLock> locks(String taskId) {
		this.mutex.lock();
		try {
			return this.posses.stream().filter(p -> p.holders.containsKey(taskId)).map(p -> p.lock).toList();
		}
		finally {
			this.mutex.unlock();
		}
	}

	/** Every lock with its holders, for the API and tests. */
	public Map<TaskLock, List<String>> all() {
		this.mutex.lock();
		try {
			Map<TaskLock, List<String>> all = new LinkedHashMap<>();
			this.posses.forEach(p -> all.put(p.lock, List.copyOf(p.holders.keySet())));
			return all;
		}
		finally {
			this.mutex.unlock();
		}
	}

	/**
	 * Inserts the segments with {@code insert} if the task's locks cover them, with no lock
	 * changing in between (Druid's {@code segmentTransactionalInsert} critical section): each
	 * segment needs a lock of the task, not revoked, of its datasource, whose interval contains
	 * the segment's and whose version is at least the segment's.
	 * @throws StrataException invalid input naming the first segment not covered
	 */
	public void insertUnderLocks(String taskId, Collection<DataSegment> toInsert,
			Consumer<List<DataSegment>> insert) {
		underLocks(taskId, toInsert, insert);
	}

	/**
	 * Runs {@code change} on the segments if the task's locks cover them, with no lock changing in
	 * between (the critical section of Druid's segment inserts and nukes): each segment needs a lock
	 * of the task, not revoked, of its datasource, whose interval contains the segment's and whose
	 * version is at least the segment's.
	 * @throws StrataException invalid input naming the first segment not covered
	 */
	public void underLocks(String taskId, Collection<DataSegment> toChange, Consumer<List<DataSegment>> change) {
		this.mutex.lock();
		try {
			for (DataSegment segment : toChange) {
				List<TaskLock> covering = this.posses.stream()
					.filter(p -> p.holders.containsKey(taskId))
					.map(p -> p.lock)
					.filter(lock -> lock.dataSource().equals(segment.dataSource())
							&& lock.interval().contains(segment.interval())
							&& lock.version().compareTo(segment.version()) >= 0)
					.toList();
				if (covering.isEmpty()) {
					throw StrataException.invalidInput("Segment[%s] is not covered by a lock of task[%s]", segment.id(),
							taskId);
				}
				if (covering.stream().allMatch(TaskLock::revoked)) {
					throw StrataException.invalidInput(
							"Segment[%s] cannot be published or killed: the lock of task[%s] was revoked by a higher-priority task",
							segment.id(), taskId);
				}
			}
			change.accept(List.copyOf(toChange));
		}
		finally {
			this.mutex.unlock();
		}
	}

}
