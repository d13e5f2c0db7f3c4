package io.strata.node.task.kill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Interval;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.LockType;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskLock;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskType;

/**
 * Druid's {@code kill} task ({@code KillUnusedSegmentsTask}): deletes the unused segments of a
 * datasource lying inside {@code interval}, optionally only those of some {@code versions}, at
 * most {@code limit} of them, {@code batchSize} at a time. It holds an EXCLUSIVE lock on the
 * interval throughout; per batch the overlord deletes the metadata rows first (refusing any
 * segment that is used, or not covered by the lock), then the task deletes the objects from deep
 * storage, so a row never points to a deleted object. Used segments are never touched. The counts
 * go to the task report under Druid's {@code killUnusedSegments} key.
 */
public final class KillTaskType implements TaskType {

	public static final String NAME = "kill";

	/** Druid's report key and type of the kill task report. */
	public static final String REPORT_KEY = "killUnusedSegments";

	private static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 300_000;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int defaultPriority() {
		return 0;
	}

	@Override
	public TaskExecutor parse(SpecNode payload) {
		String dataSource = payload.requiredString("dataSource");
		String intervalText = payload.requiredString("interval");
		Interval interval;
		try {
			interval = Interval.parse(intervalText);
		}
		catch (RuntimeException ex) {
			throw payload.error("interval", "is not an ISO interval: " + intervalText);
		}
		List<String> versions = payload.optionalStringList("versions");
		int batchSize = payload.optionalInt("batchSize", 100);
		if (batchSize <= 0) {
			throw payload.error("batchSize", "must be greater than 0, not " + batchSize);
		}
		int limit = payload.optionalInt("limit", 0);
		if (payload.has("limit") && limit <= 0) {
			throw payload.error("limit", "must be greater than 0, not " + limit);
		}
		if (payload.optionalBoolean("markAsUnused", false)) {
			throw payload.error("markAsUnused", "is no longer supported: mark the segments unused first");
		}
		if (payload.has("maxUsedStatusLastUpdatedTime")) {
			// ignoring it would kill more than asked for
			throw payload.error("maxUsedStatusLastUpdatedTime", "is not supported");
		}
		SpecNode context = payload.optionalObject("context");
		long lockTimeout = context == null ? DEFAULT_LOCK_TIMEOUT_MILLIS
				: context.optionalLong("taskLockTimeout", DEFAULT_LOCK_TIMEOUT_MILLIS);
		if (lockTimeout <= 0) {
			throw context.error("taskLockTimeout", "must be greater than 0");
		}
		return new Kill(dataSource, interval, versions, batchSize, limit, Duration.ofMillis(lockTimeout));
	}

	private record Kill(String dataSource, Interval interval, List<String> versions, int batchSize, int limit,
			Duration lockTimeout) implements TaskExecutor {

		@Override
		public TaskResult run(TaskContext context) {
			TaskLock lock = context.locks().acquire(this.interval, LockType.EXCLUSIVE, this.lockTimeout);
			List<DataSegment> unused = context.unusedSegments(this.interval, this.versions, this.limit);
			// a segment newer than the lock was written after it was granted (Druid skips those too)
			List<DataSegment> killable = new ArrayList<>();
			for (DataSegment segment : unused) {
				if (segment.version().compareTo(lock.version()) <= 0) {
					killable.add(segment);
				}
				else {
					context.log("Segment[%s] is newer than lock version[%s]: left alone", segment.id(), lock.version());
				}
			}
			context.log("Killing %d unused segments of dataSource[%s] in interval[%s], %d per batch", killable.size(),
					this.dataSource, this.interval, this.batchSize);
			int killed = 0;
			int batches = 0;
			for (int from = 0; from < killable.size(); from += this.batchSize) {
				if (context.cancelled()) {
					report(context, killed, batches);
					return TaskResult.failure("Shutdown request from user");
				}
				List<DataSegment> batch = killable.subList(from, Math.min(killable.size(), from + this.batchSize));
				context.nuke(batch);
				for (DataSegment segment : batch) {
					context.deepStorage().delete(segment.loadSpec());
				}
				killed += batch.size();
				batches++;
				context.log("Batch %d: killed %d segments", batches, batch.size());
			}
			report(context, killed, batches);
			return TaskResult.success();
		}

		/** Druid's {@code KillTaskReport}. */
		private static void report(TaskContext context, int killed, int batches) {
			Map<String, Object> stats = new LinkedHashMap<>();
			stats.put("numSegmentsKilled", killed);
			stats.put("numBatchesProcessed", batches);
			stats.put("numSegmentsMarkedAsUnused", 0);
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("type", REPORT_KEY);
			report.put("taskId", context.task().id());
			report.put("payload", stats);
			Map<String, Object> reports = new LinkedHashMap<>();
			reports.put(REPORT_KEY, report);
			context.writeReports(reports);
		}

	}

}
