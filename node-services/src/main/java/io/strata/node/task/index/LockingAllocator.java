package io.strata.node.task.index;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.strata.engine.batch.IntervalAllocation;
import io.strata.engine.time.Interval;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.LockType;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskLock;

/**
 * Druid's segment allocation for batch ingestion, asked once per interval the input turns out to
 * cover: an overwrite takes an exclusive lock and its version, so the new segments replace
 * everything older in the interval at once; an append takes a shared lock and numbers its
 * segments after the newest existing block's, keeping that block's version and core set.
 */
final class LockingAllocator implements Function<Interval, IntervalAllocation> {

	private final TaskContext context;

	private final String dataSource;

	private final boolean append;

	private final Duration lockTimeout;

	/** The datasource's used segments, read once per task: an append asks for every interval it covers. */
	private List<DataSegment> existing;

	LockingAllocator(TaskContext context, String dataSource, boolean append, Duration lockTimeout) {
		this.context = context;
		this.dataSource = dataSource;
		this.append = append;
		this.lockTimeout = lockTimeout;
	}

	@Override
	public IntervalAllocation apply(Interval interval) {
		TaskLock lock = this.context.locks().acquire(interval, this.append ? LockType.SHARED : LockType.EXCLUSIVE,
				this.lockTimeout);
		this.context.log("Locked interval[%s] (%s), version[%s]", interval, lock.type(), lock.version());
		if (!this.append) {
			return IntervalAllocation.fresh(lock.version());
		}
		List<DataSegment> existing = usedSegments().stream()
			.filter(segment -> segment.interval().equals(interval))
			.toList();
		if (existing.isEmpty()) {
			return IntervalAllocation.fresh(lock.version());
		}
		String newest = existing.stream().map(DataSegment::version).max(Comparator.naturalOrder()).orElseThrow();
		List<DataSegment> block = existing.stream().filter(segment -> segment.version().equals(newest)).toList();
		int next = block.stream().mapToInt(segment -> segment.shardSpec().partitionNum()).max().orElse(-1) + 1;
		int core = block.getFirst().shardSpec().corePartitions();
		return IntervalAllocation.append(newest, next, core);
	}

	private List<DataSegment> usedSegments() {
		if (this.existing == null) {
			this.existing = this.context.segments()
				.usedSegments()
				.stream()
				.filter(segment -> segment.dataSource().equals(this.dataSource))
				.toList();
		}
		return this.existing;
	}

}
