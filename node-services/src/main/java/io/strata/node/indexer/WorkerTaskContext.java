package io.strata.node.indexer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.DeepStorage;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.SegmentsMetadata;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.publish.SegmentFile;
import io.strata.node.publish.SegmentPublisher;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.task.LockType;
import io.strata.node.task.Task;
import io.strata.node.task.TaskAction;
import io.strata.node.task.TaskChat;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskJson;
import io.strata.node.task.TaskLock;
import io.strata.node.task.TaskLocks;
import io.strata.node.zk.ZkNodes;
import io.strata.node.zk.ZkPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@link TaskContext} a worker gives one task attempt; locks and inserts go to the overlord. */
final class WorkerTaskContext implements TaskContext, TaskLocks {

	/** How long a task's action waits for the overlord leader to come back. */
	static final Duration ACTION_TIME = Duration.ofSeconds(10);

	private final Task task;

	private final OverlordClient overlord;

	private final SegmentPublisher publisher;

	private final DeepStorage deepStorage;

	private final SegmentsMetadata segments;

	private final TaskFiles files;

	private final AtomicBoolean cancelled;

	private final LiveSegments live;

	private final ZkNodes zk;

	private final ZkPaths paths;

	private final Map<String, TaskChat> chats;

	private final DataSourceMetadataStore dataSources;

	private final TaskJson json = new TaskJson();

	private final DataSegmentJson segmentJson = new DataSegmentJson();

	WorkerTaskContext(Task task, OverlordClient overlord, SegmentPublisher publisher, DeepStorage deepStorage,
			SegmentsMetadata segments, TaskFiles files, AtomicBoolean cancelled, LiveSegments live, ZkNodes zk,
			ZkPaths paths, Map<String, TaskChat> chats, DataSourceMetadataStore dataSources) {
		this.dataSources = dataSources;
		this.live = live;
		this.zk = zk;
		this.paths = paths;
		this.chats = chats;
		this.task = task;
		this.overlord = overlord;
		this.publisher = publisher;
		this.deepStorage = deepStorage;
		this.segments = segments;
		this.files = files;
		this.cancelled = cancelled;
	}

	@Override
	public Task task() {
		return this.task;
	}

	@Override
	public TaskLocks locks() {
		return this;
	}

	@Override
	public List<DataSegment> publish(List<SegmentFile> segmentFiles) {
		return this.publisher.publishFiles(segmentFiles,
				pushed -> perform(new TaskAction.SegmentInsert(pushed), ACTION_TIME));
	}

	@Override
	public List<DataSegment> publish(List<SegmentFile> segmentFiles, StreamOffsets start, StreamOffsets end) {
		TaskAction.StreamCommit commit = new TaskAction.StreamCommit(start, end);
		return this.publisher.publishFiles(segmentFiles,
				pushed -> perform(new TaskAction.SegmentInsert(pushed, Optional.of(commit)), ACTION_TIME));
	}

	@Override
	public DeepStorage deepStorage() {
		return this.deepStorage;
	}

	@Override
	public List<DataSegment> unusedSegments(Interval interval, List<String> versions, int limit) {
		List<DataSegment> found = new ArrayList<>();
		perform(new TaskAction.RetrieveUnusedSegments(this.task.dataSource(), interval, versions, limit), ACTION_TIME)
			.forEach(node -> found.add(this.segmentJson.read(node)));
		return found;
	}

	@Override
	public void nuke(List<DataSegment> segments) {
		perform(new TaskAction.SegmentNuke(segments), ACTION_TIME);
	}

	@Override
	public Optional<StreamOffsets> committedOffsets() {
		return this.dataSources.read(this.task.dataSource());
	}

	@Override
	public SegmentsMetadata segments() {
		return this.segments;
	}

	@Override
	public void writeReports(Map<String, Object> reports) {
		this.files.writeReports(this.task.id(), JsonMapper.builder().build().writeValueAsString(reports));
	}

	@Override
	public void log(String format, Object... args) {
		this.files.appendLog(this.task.id(), String.format(format, args));
	}

	@Override
	public Path workDirectory() {
		return this.files.workDirectory(this.task.id());
	}

	@Override
	public PendingSegment allocate(Interval interval, String sequenceName) {
		JsonNode result = perform(new TaskAction.SegmentAllocate(interval, sequenceName), ACTION_TIME);
		JsonNode shardSpec = result.path("shardSpec");
		return new PendingSegment(result.path("dataSource").asString(), sequenceName,
				Interval.parse(result.path("interval").asString()), result.path("version").asString(),
				shardSpec.path("partitionNum").asInt(), shardSpec.path("partitions").asInt());
	}

	@Override
	public AutoCloseable serveLive(DataSegment descriptor, Supplier<List<Segment>> rows) {
		return this.live.serve(descriptor, rows);
	}

	@Override
	public boolean servedByHistoricals(Collection<SegmentId> segments) {
		List<String> servers = this.zk.children(this.paths.servedSegments());
		for (SegmentId segment : segments) {
			boolean served = false;
			for (String server : servers) {
				if (this.zk.exists(this.paths.servedSegment(server, segment.toString()))) {
					served = true;
					break;
				}
			}
			if (!served) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void chat(TaskChat handler) {
		this.chats.put(this.task.id(), handler);
	}

	@Override
	public Path persistentDirectory(String name) {
		return this.files.persistentDirectory(name);
	}

	@Override
	public boolean cancelled() {
		return this.cancelled.get();
	}

	@Override
	public TaskLock acquire(Interval interval, LockType type, Duration timeout) {
		JsonNode result = perform(new TaskAction.LockAcquire(type, interval, timeout.toMillis()), timeout);
		if (result.isNull() || result.isMissingNode()) {
			throw StrataException.timeout("Task[%s] did not get a %s lock on interval[%s] within %s", this.task.id(), type,
					interval, timeout);
		}
		return lock(result);
	}

	@Override
	public Optional<TaskLock> tryAcquire(Interval interval, LockType type) {
		JsonNode result = perform(new TaskAction.LockTryAcquire(type, interval), ACTION_TIME);
		return result.isNull() || result.isMissingNode() ? Optional.empty() : Optional.of(lock(result));
	}

	@Override
	public void release(Interval interval) {
		perform(new TaskAction.LockRelease(interval), ACTION_TIME);
	}

	@Override
	public List<TaskLock> held() {
		List<TaskLock> held = new ArrayList<>();
		perform(new TaskAction.LockList(), ACTION_TIME).forEach(node -> held.add(lock(node)));
		return held;
	}

	private TaskLock lock(JsonNode node) {
		return this.json.readLock(SpecNode.root(node, "lock"));
	}

	private JsonNode perform(TaskAction action, Duration actionTime) {
		try {
			return this.overlord.perform(this.task.id(), action, actionTime);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Task[%s] was interrupted while waiting for the overlord", this.task.id());
		}
	}

}
