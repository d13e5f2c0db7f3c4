package io.strata.node.overlord;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.error.StrataException;
import io.strata.node.config.OverlordProperties;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.overlord.lock.TaskLockbox;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.task.LockType;
import io.strata.node.task.Task;
import io.strata.node.task.TaskAction;
import io.strata.node.task.TaskActionJson;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLock;

/**
 * Carries out the actions running tasks post to the leader (Druid's task action client, server
 * side): lock requests go to the lockbox, segment inserts and nukes to the metadata store under
 * the lockbox's check; a streaming task's insert also commits its offsets in the same transaction. Only active tasks may act. Thread-safe; {@code lockAcquire} blocks the
 * calling thread until granted or timed out.
 */
final class TaskActions {

	private final Overlord overlord;

	private final SegmentsMetadata segments;

	private final DataSourceMetadataStore dataSources;

	private final OverlordProperties properties;

	private final TaskActionJson actionJson = new TaskActionJson();

	private final TaskJson taskJson = new TaskJson();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	private final SegmentAllocator allocator;

	TaskActions(Overlord overlord, SegmentsMetadata segments, DataSourceMetadataStore dataSources,
			PendingSegmentsMetadata pending, OverlordProperties properties) {
		this.overlord = overlord;
		this.allocator = new SegmentAllocator(segments, pending);
		this.segments = segments;
		this.dataSources = dataSources;
		this.properties = properties;
	}

	/** Performs the action in {@code body}; returns Druid's {@code {"result": ...}} body. */
	String perform(String body) {
		TaskActionJson.Request request = this.actionJson.read(body);
		Task task = this.overlord.activeTask(request.taskId());
		TaskLockbox lockbox = this.overlord.lockbox();
		Object result = switch (request.action()) {
			case TaskAction.LockAcquire acquire -> {
				Duration timeout = acquire.timeoutMs() > 0 ? Duration.ofMillis(acquire.timeoutMs())
						: this.properties.lockTimeout();
				try {
					yield this.taskJson.lockMap(lockbox.lock(task, acquire.lockType(), acquire.interval(), timeout));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw StrataException.interrupted("Interrupted while task[%s] waited for a lock", task.id());
				}
			}
			case TaskAction.LockTryAcquire tryAcquire -> lockbox.tryLock(task, tryAcquire.lockType(), tryAcquire.interval())
				.map(this.taskJson::lockMap)
				.orElse(null);
			case TaskAction.LockRelease release -> {
				lockbox.unlock(task.id(), release.interval());
				yield null;
			}
			case TaskAction.SegmentAllocate allocate -> {
				TaskLock lock;
				try {
					lock = lockbox.lock(task, LockType.SHARED, allocate.interval(), this.properties.lockTimeout());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw StrataException.interrupted("Interrupted while task[%s] waited for a lock", task.id());
				}
				PendingSegment allocated = this.allocator.allocate(task.dataSource(), allocate.interval(),
						allocate.sequenceName(), lock);
				Map<String, Object> identifier = new LinkedHashMap<>();
				identifier.put("dataSource", allocated.dataSource());
				identifier.put("interval", allocated.interval().toString());
				identifier.put("version", allocated.version());
				identifier.put("shardSpec", Map.of("type", "numbered", "partitionNum", allocated.partitionNum(),
						"partitions", allocated.corePartitions()));
				yield identifier;
			}
			case TaskAction.LockList list -> lockbox.locks(task.id()).stream().map(this.taskJson::lockMap).toList();
			case TaskAction.SegmentInsert insert -> {
				lockbox.insertUnderLocks(task.id(), insert.segments(), covered -> insert.commit()
					.ifPresentOrElse(
							commit -> this.dataSources.publish(task.dataSource(), commit.start(), commit.end(),
									() -> this.segments.insert(covered)),
							() -> this.segments.insert(covered)));
				Map<String, Object> published = new LinkedHashMap<>();
				published.put("segments", insert.segments().stream().map(this.segmentJson::write).toList());
				published.put("success", true);
				published.put("errorMsg", null);
				yield published;
			}
			case TaskAction.RetrieveUnusedSegments retrieve -> unusedSegments(retrieve).stream()
				.map(this.segmentJson::write)
				.toList();
			case TaskAction.SegmentNuke nuke -> {
				lockbox.underLocks(task.id(), nuke.segments(), covered -> {
					// the store deletes unused rows only; a used one here means the kill raced a mark-used
					int deleted = this.segments.delete(covered.stream().map(DataSegment::id).toList());
					if (deleted != covered.size()) {
						throw StrataException.invalidInput(
								"Task[%s] asked to nuke %d segments, but only %d were unused and deleted: used segments are never killed",
								task.id(), covered.size(), deleted);
					}
				});
				yield null;
			}
		};
		return this.actionJson.writeResult(result);
	}

	/** Druid's {@code RetrieveUnusedSegmentsAction}: contained in the interval, oldest interval first. */
	private List<DataSegment> unusedSegments(TaskAction.RetrieveUnusedSegments retrieve) {
		List<DataSegment> found = this.segments.unusedSegments(retrieve.dataSource())
			.stream()
			.filter(segment -> retrieve.interval().contains(segment.interval()))
			.filter(segment -> retrieve.versions().isEmpty() || retrieve.versions().contains(segment.version()))
			.sorted(Comparator.comparing(DataSegment::interval).thenComparing(DataSegment::id))
			.toList();
		return retrieve.limit() == 0 || found.size() <= retrieve.limit() ? found : found.subList(0, retrieve.limit());
	}

}
