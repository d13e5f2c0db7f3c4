package io.strata.node.overlord.lock;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.node.task.LockType;
import io.strata.node.task.Task;
import io.strata.node.task.TaskLock;
import io.strata.node.testing.TestingSegmentsMetadata;
import io.strata.node.testing.TestingTaskLocksMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLockboxTest {

	private static final Interval OCTOBER_1_3 = Interval.parse("2026-10-01/2026-10-03");

	private static final Interval OCTOBER_2_4 = Interval.parse("2026-10-02/2026-10-04");

	private final AtomicLong clock = new AtomicLong(IsoTime.parse("2026-12-01T00:00:00.000Z"));

	private final TestingTaskLocksMetadata store = new TestingTaskLocksMetadata();

	private final TestingSegmentsMetadata segments = new TestingSegmentsMetadata();

	private final TaskLockbox lockbox = new TaskLockbox(this.store, this.segments, this.clock::get);

	@Test
	void overlappingExclusiveLocksAreNeverHeldTogether() {
		Task first = task("a", "a", 0);
		Task second = task("b", "b", 0);
		TaskLock granted = this.lockbox.tryLock(first, LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();

		assertThat(granted.version()).isEqualTo("2026-12-01T00:00:00.000Z");
		assertThat(this.lockbox.tryLock(second, LockType.EXCLUSIVE, OCTOBER_2_4)).isEmpty();
		assertThat(this.lockbox.tryLock(second, LockType.SHARED, OCTOBER_2_4)).isEmpty();
		assertThat(this.lockbox.tryLock(second, LockType.EXCLUSIVE, Interval.parse("2026-10-03/2026-10-04")))
			.as("an adjacent interval does not overlap")
			.isPresent();
		assertThat(this.lockbox.tryLock(first, LockType.EXCLUSIVE, Interval.parse("2026-10-01/2026-10-02")))
			.as("a task asking again inside its own lock gets it")
			.contains(granted);
	}

	@Test
	void theNextLockOnAnIntervalGetsAGreaterVersionEvenWithinOneMillisecond() {
		Task first = task("a", "a", 0);
		Task second = task("b", "b", 0);
		TaskLock before = this.lockbox.tryLock(first, LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		this.lockbox.unlock("a", OCTOBER_1_3);

		TaskLock after = this.lockbox.tryLock(second, LockType.EXCLUSIVE, OCTOBER_2_4).orElseThrow();

		assertThat(after.version()).isGreaterThan(before.version());
	}

	@Test
	void aVersionIsGreaterThanEveryUsedSegmentVersionOfItsInterval() {
		this.segments.insert(List.of(segment("ds", "2026-10-02/2026-10-03", "2030-01-01T00:00:00.000Z"),
				segment("ds", "2026-10-05/2026-10-06", "2040-01-01T00:00:00.000Z"),
				segment("other", "2026-10-01/2026-10-02", "2050-01-01T00:00:00.000Z")));

		TaskLock lock = this.lockbox.tryLock(task("a", "a", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();

		assertThat(lock.version()).isEqualTo("2030-01-01T00:00:00.001Z");
		TaskLock elsewhere = this.lockbox
			.tryLock(task("b", "b", 0), LockType.EXCLUSIVE, Interval.parse("2026-11-01/2026-11-02"))
			.orElseThrow();
		assertThat(elsewhere.version()).as("a far-future version elsewhere does not move this one")
			.startsWith("2026-12-01T00:00:00");
	}

	@Test
	void aVersionThatIsNoTimeIsStillExceeded() {
		this.segments.insert(List.of(segment("ds", "2026-10-02/2026-10-03", "v9")));

		TaskLock lock = this.lockbox.tryLock(task("a", "a", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();

		assertThat(lock.version()).isGreaterThan("v9");
	}

	@Test
	void aHigherPriorityRevokesLowerLocksAndTheirHoldersCanNoLongerPublish() {
		Task batch = task("batch", "batch", 50);
		Task compaction = task("compact", "compact", 25);
		TaskLock low = this.lockbox.tryLock(compaction, LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();

		assertThat(this.lockbox.tryLock(compaction, LockType.EXCLUSIVE, OCTOBER_1_3)).contains(low);
		TaskLock high = this.lockbox.tryLock(batch, LockType.EXCLUSIVE, OCTOBER_2_4).orElseThrow();

		assertThat(high.priority()).isEqualTo(50);
		assertThat(this.lockbox.locks("compact")).singleElement().satisfies(lock -> assertThat(lock.revoked()).isTrue());
		assertThat(this.store.all()).anySatisfy(row -> assertThat(row.payload()).contains("\"revoked\":true"));
		assertThatThrownBy(() -> this.lockbox.tryLock(compaction, LockType.EXCLUSIVE, OCTOBER_1_3))
			.hasMessageContaining("revoked");
		DataSegment written = segment("ds", "2026-10-01/2026-10-02", low.version());
		assertThatThrownBy(() -> this.lockbox.insertUnderLocks("compact", List.of(written), this.segments::insert))
			.hasMessageContaining("revoked");
		assertThat(this.segments.usedSegments()).isEmpty();
		assertThat(this.lockbox.tryLock(task("equal", "equal", 50), LockType.EXCLUSIVE, OCTOBER_2_4))
			.as("equal priority does not revoke")
			.isEmpty();
	}

	@Test
	void tasksOfOneGroupShareAnExclusiveLockAndSharedLocksCoexist() {
		TaskLock groupLock = this.lockbox.tryLock(task("a", "g", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		assertThat(this.lockbox.tryLock(task("b", "g", 0), LockType.EXCLUSIVE, Interval.parse("2026-10-01/2026-10-02")))
			.contains(groupLock);
		this.lockbox.removeTask("a");
		assertThat(this.lockbox.locks("b")).containsExactly(groupLock);

		Interval november = Interval.parse("2026-11-01/2026-11-02");
		TaskLock shared = this.lockbox.tryLock(task("c", "c", 0), LockType.SHARED, november).orElseThrow();
		assertThat(this.lockbox.tryLock(task("d", "d", 0), LockType.SHARED, november)).contains(shared);
		assertThat(this.lockbox.tryLock(task("e", "e", 0), LockType.EXCLUSIVE, november)).isEmpty();
	}

	@Test
	void aWaitingLockIsGrantedWhenTheConflictingOneGoes() throws Exception {
		this.lockbox.tryLock(task("a", "a", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		CompletableFuture<TaskLock> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return this.lockbox.lock(task("b", "b", 0), LockType.EXCLUSIVE, OCTOBER_2_4, Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(waiting).isNotDone();
		this.lockbox.removeTask("a");

		assertThat(waiting.get(10, TimeUnit.SECONDS).interval()).isEqualTo(OCTOBER_2_4);
		assertThatThrownBy(() -> this.lockbox.lock(task("c", "c", 0), LockType.EXCLUSIVE, OCTOBER_1_3, Duration.ofMillis(50)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.QUERY_TIMEOUT))
			.hasMessageContaining("Task[c]");
	}

	@Test
	void locksAreRestoredForActiveTasksAndDroppedForEndedOnes() {
		TaskLock kept = this.lockbox.tryLock(task("a", "g", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		this.lockbox.tryLock(task("b", "g", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		this.lockbox.tryLock(task("ended", "ended", 0), LockType.EXCLUSIVE, Interval.parse("2026-11-01/2026-11-02"))
			.orElseThrow();

		TaskLockbox restored = new TaskLockbox(this.store, this.segments, this.clock::get);
		restored.restore(Set.of("a", "b"));

		assertThat(restored.all()).containsOnlyKeys(kept);
		assertThat(restored.all().get(kept)).containsExactly("a", "b");
		assertThat(this.store.all()).hasSize(2).noneMatch(row -> row.taskId().equals("ended"));
		assertThat(restored.tryLock(task("c", "c", 0), LockType.EXCLUSIVE, OCTOBER_2_4)).isEmpty();
	}

	@Test
	void segmentsArePublishedOnlyUnderACoveringLockOfAtLeastTheirVersion() {
		TaskLock lock = this.lockbox.tryLock(task("a", "a", 0), LockType.EXCLUSIVE, OCTOBER_1_3).orElseThrow();
		DataSegment inside = segment("ds", "2026-10-01/2026-10-02", lock.version());

		this.lockbox.insertUnderLocks("a", List.of(inside), this.segments::insert);

		assertThat(this.segments.usedSegments()).containsExactly(inside);
		for (DataSegment refused : List.of(segment("ds", "2026-10-02/2026-10-05", lock.version()),
				segment("ds", "2026-10-02/2026-10-03", lock.version() + "x"),
				segment("other", "2026-10-01/2026-10-02", lock.version()))) {
			assertThatThrownBy(() -> this.lockbox.insertUnderLocks("a", List.of(refused), this.segments::insert))
				.hasMessageContaining("not covered by a lock of task[a]");
		}
		assertThatThrownBy(() -> this.lockbox.insertUnderLocks("b", List.of(inside), this.segments::insert))
			.hasMessageContaining("task[b]");
	}

	private static Task task(String id, String groupId, int priority) {
		return new Task(id, "noop", groupId, "ds", priority, "{}");
	}

	private static DataSegment segment(String dataSource, String interval, String version) {
		SegmentId id = new SegmentId(dataSource, Interval.parse(interval), version, 0);
		return new DataSegment(id, new LoadSpec.Local("/nowhere"), List.of("d"), List.of("m"), new ShardSpec.Numbered(0, 1),
				DataSegment.BINARY_VERSION, 1);
	}

}
