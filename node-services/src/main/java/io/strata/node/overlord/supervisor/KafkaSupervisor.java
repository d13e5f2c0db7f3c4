package io.strata.node.overlord.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.strata.engine.json.SpecNode;
import io.strata.engine.time.IsoTime;
import io.strata.node.metadata.DataSourceMetadataStore;
import io.strata.node.metadata.PendingSegmentsMetadata;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.metadata.StreamOffsetsJson;
import io.strata.node.overlord.Overlord;
import io.strata.node.task.TaskStatus;
import io.strata.node.task.TaskStatusCode;
import io.strata.node.task.kafka.KafkaIndexTaskJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running {@code kafka} supervisor (Druid's {@code KafkaSupervisor}), driven by the overlord
 * leader's supervisor thread. Partition {@code p} belongs to task group {@code p % taskCount}; each
 * group reads with {@code replicas} {@code index_kafka} tasks sharing one sequence name and start
 * offsets. A group's start offsets are the end offsets of the group before it when that one is
 * still publishing, else the datasource's committed offsets, else the topic's earliest or latest
 * ones. After {@code taskDuration}, or sooner when a task reports a segment at
 * {@code maxRowsPerSegment} rows (Druid's checkpoint), the group is paused, its end offsets set
 * to the furthest any replica has read, and it publishes while the next group reads on from there. A failed reading
 * task is replaced by one of the same sequence (same segment ids, restoring what was persisted on
 * its worker); a publishing group whose every task failed or which passed
 * {@code completionTimeout} is stopped along with the group chained after it, which then starts
 * again from the committed offsets, so nothing is skipped or published twice. A new leader
 * rebuilds the groups from the running tasks. Not thread-safe: the supervisor thread only.
 */
final class KafkaSupervisor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaSupervisor.class);

	/** A set of replica tasks reading the same partitions from the same offsets. */
	private static final class TaskGroup {

		final int groupId;

		final String baseSequenceName;

		final StreamOffsets start;

		final long startedMillis;

		/** The message-time bounds every task of the group gets (fixed at the group's start). */
		final KafkaIndexTaskJson.MessageTimes messageTimes;

		/** Null while reading; the offsets the group publishes up to once set. */
		Map<Integer, Long> end;

		long completionDeadline;

		final Set<String> tasks = new LinkedHashSet<>();

		/** The replica id of each task (a replacement takes a free one). */
		final Map<String, Integer> replicas = new TreeMap<>();

		int freeReplica() {
			int replica = 0;
			while (this.replicas.containsValue(replica)) {
				replica++;
			}
			return replica;
		}

		void remove(String task) {
			this.tasks.remove(task);
			this.replicas.remove(task);
		}

		/** Whether a task asked to end the group before its duration (a full segment). */
		boolean checkpointRequested;

		/** The furthest offsets any replica reported. */
		final Map<Integer, Long> current = new TreeMap<>();

		TaskGroup(int groupId, String baseSequenceName, StreamOffsets start, long startedMillis,
				KafkaIndexTaskJson.MessageTimes messageTimes) {
			this.groupId = groupId;
			this.baseSequenceName = baseSequenceName;
			this.start = start;
			this.startedMillis = startedMillis;
			this.messageTimes = messageTimes;
			this.current.putAll(start.partitionOffsets());
		}

	}

	private final String id;

	private final Overlord overlord;

	private final DataSourceMetadataStore dataSources;

	private final PendingSegmentsMetadata pendingSegments;

	private final TaskChatClient chat;

	private final KafkaIndexTaskJson taskJson = new KafkaIndexTaskJson();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<Integer, TaskGroup> reading = new TreeMap<>();

	private final List<TaskGroup> publishing = new ArrayList<>();

	/** Start offsets of groups that failed before anything was committed, by partition. */
	private final Map<Integer, Long> restartFrom = new TreeMap<>();

	private KafkaSupervisorSpec spec;

	private JsonNode json;

	private KafkaStreamMetadata stream;

	private boolean discovered;

	private volatile Report report;

	/** The last few problems (failed passes, failed tasks), Druid's {@code recentErrors}, oldest first. */
	private final java.util.ArrayDeque<Map<String, Object>> recentErrors = new java.util.ArrayDeque<>();

	/** What the status API shows of the supervisor's last run. */
	record Report(String state, int partitions, Map<Integer, Long> latest, Map<Integer, Long> lag,
			List<Map<String, Object>> activeTasks, List<Map<String, Object>> publishingTasks, long updatedMillis,
			List<Map<String, Object>> recentErrors) {

		long aggregateLag() {
			return this.lag.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	KafkaSupervisor(String id, Overlord overlord, DataSourceMetadataStore dataSources,
			PendingSegmentsMetadata pendingSegments, TaskChatClient chat) {
		this.id = id;
		this.overlord = overlord;
		this.dataSources = dataSources;
		this.pendingSegments = pendingSegments;
		this.chat = chat;
	}

	Optional<Report> report() {
		return Optional.ofNullable(this.report);
	}

	/** Records a problem for the status's {@code recentErrors} (the last 10 are kept). */
	void error(String exceptionClass, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("timestamp", IsoTime.format(System.currentTimeMillis()));
		error.put("exceptionClass", exceptionClass);
		error.put("message", message);
		error.put("streamException", false);
		this.recentErrors.addLast(error);
		while (this.recentErrors.size() > 10) {
			this.recentErrors.removeFirst();
		}
		if (this.report != null) {
			Report last = this.report;
			this.report = new Report(last.state(), last.partitions(), last.latest(), last.lag(), last.activeTasks(),
					last.publishingTasks(), last.updatedMillis(), List.copyOf(this.recentErrors));
		}
	}

	/** One run with the current spec. */
	void run(KafkaSupervisorSpec spec, JsonNode json, long now) {
		if (this.spec != null && !this.spec.ioConfig().equals(spec.ioConfig()) && this.stream != null) {
			this.stream.close();
			this.stream = null;
		}
		this.spec = spec;
		this.json = json;
		if (this.stream == null) {
			this.stream = new KafkaStreamMetadata(spec.ioConfig().topic(), spec.ioConfig().consumerProperties());
		}
		if (!this.discovered) {
			discover(now);
			this.discovered = true;
		}
		List<Integer> partitions = this.stream.partitions();
		updatePublishing(now);
		updateReading();
		if (spec.suspended()) {
			new ArrayList<>(this.reading.values()).forEach(group -> checkpoint(group, now));
		}
		else {
			for (TaskGroup group : new ArrayList<>(this.reading.values())) {
				if (group.checkpointRequested || now - group.startedMillis >= spec.ioConfig().taskDuration().fixedMillis()) {
					checkpoint(group, now);
				}
			}
			for (int groupId = 0; groupId < spec.ioConfig().taskCount(); groupId++) {
				List<Integer> mine = mine(partitions, groupId);
				if (mine.isEmpty()) {
					continue;
				}
				TaskGroup group = this.reading.get(groupId);
				if (group == null) {
					group = startGroup(groupId, mine, now);
					this.reading.put(groupId, group);
				}
				while (group.tasks.size() < spec.ioConfig().replicas()) {
					int replica = group.freeReplica();
					String task = submit(group, replica);
					group.tasks.add(task);
					group.replicas.put(task, replica);
				}
			}
		}
		forgetOldAllocations(now);
		this.report = report(partitions, now);
	}

	/** Rebuilds the groups from the tasks a previous leader started (they keep running). */
	private void discover(long now) {
		for (TaskStatus status : this.overlord.tasks(null, this.spec.dataSchema().dataSource(), "index_kafka", 0)) {
			if (status.statusCode() != TaskStatusCode.RUNNING) {
				continue;
			}
			Optional<String> payload = this.overlord.payload(status.id());
			if (payload.isEmpty()) {
				continue;
			}
			JsonNode task = this.mapper.readTree(payload.get());
			if (!this.id.equals(task.path("context").path("supervisorId").asString(null))) {
				continue;
			}
			JsonNode io = task.path("ioConfig");
			int groupId = io.path("taskGroupId").asInt();
			String sequence = io.path("baseSequenceName").asString();
			StreamOffsets start = offsets(io.path("startSequenceNumbers"));
			String worker = status.location().known() ? status.location().hostAndPort() : null;
			String taskStatus = worker != null ? this.chat.status(worker, status.id()).orElse("") : "";
			// a task with end offsets set publishes its group, also while a replica still reads up to them
			boolean ending = taskStatus.equals("PUBLISHING") || (worker != null && this.chat.endOffsets(worker, status.id())
				.map(end -> end.values().stream().anyMatch(offset -> offset < Long.MAX_VALUE))
				.orElse(false));
			TaskGroup group = null;
			if (ending) {
				for (TaskGroup candidate : this.publishing) {
					if (candidate.baseSequenceName.equals(sequence)) {
						group = candidate;
					}
				}
				if (group == null) {
					group = new TaskGroup(groupId, sequence, start, now, messageTimes(io));
					group.end = this.chat.endOffsets(status.location().hostAndPort(), status.id())
						.orElse(start.partitionOffsets());
					group.completionDeadline = now + this.spec.ioConfig().completionTimeout().fixedMillis();
					this.publishing.add(group);
				}
			}
			else {
				group = this.reading.get(groupId);
				if (group != null && !group.baseSequenceName.equals(sequence)) {
					// two reading sequences for one group cannot both be right: none of them published,
					// so stopping one loses nothing
					log.warn("Supervisor[{}]: task[{}] reads group {} in another sequence than {}; stopping it", this.id,
							status.id(), groupId, group.baseSequenceName);
					stop(status.id());
					continue;
				}
				if (group == null) {
					group = new TaskGroup(groupId, sequence, start, IsoTime.parse(status.createdTime()), messageTimes(io));
					this.reading.put(groupId, group);
				}
			}
			group.tasks.add(status.id());
			group.replicas.put(status.id(), io.path("replicaId").asInt(0));
		}
		log.info("Supervisor[{}] found {} reading and {} publishing task groups", this.id, this.reading.size(),
				this.publishing.size());
	}

	/** Publishing groups: done when a task succeeded; reset when all failed or time ran out. */
	private void updatePublishing(long now) {
		for (TaskGroup group : new ArrayList<>(this.publishing)) {
			boolean succeeded = false;
			for (String task : new ArrayList<>(group.tasks)) {
				TaskStatusCode code = statusCode(task);
				if (code == TaskStatusCode.SUCCESS) {
					succeeded = true;
				}
				else if (code == TaskStatusCode.FAILED) {
					taskFailed(task);
					group.remove(task);
				}
			}
			if (succeeded) {
				// the replicas that did not finish yet are not needed: one published the group's segments
				group.tasks.stream().filter(task -> statusCode(task) == TaskStatusCode.RUNNING).forEach(this::stop);
				this.publishing.remove(group);
				continue;
			}
			if (group.tasks.isEmpty() || now > group.completionDeadline) {
				log.warn("Supervisor[{}]: task group {} ({}) {}; restarting from the committed offsets", this.id,
						group.groupId, group.baseSequenceName, group.tasks.isEmpty() ? "failed" : "did not publish in time");
				group.tasks.forEach(this::stop);
				this.publishing.remove(group);
				// while nothing is committed, the next group starts where this one did, not at the topic's latest
				group.start.partitionOffsets().forEach(this.restartFrom::putIfAbsent);
				TaskGroup chained = this.reading.remove(group.groupId);
				if (chained != null) {
					chained.tasks.forEach(this::stop);
				}
				for (TaskGroup later : new ArrayList<>(this.publishing)) {
					if (later.groupId == group.groupId) {
						later.tasks.forEach(this::stop);
						this.publishing.remove(later);
					}
				}
			}
		}
	}

	/** Reading groups: failed tasks are dropped (replaced by the caller); offsets are refreshed. */
	private void updateReading() {
		for (TaskGroup group : this.reading.values()) {
			for (String task : new ArrayList<>(group.tasks)) {
				TaskStatusCode code = statusCode(task);
				if (code != TaskStatusCode.RUNNING) {
					if (code == TaskStatusCode.FAILED) {
						taskFailed(task);
					}
					group.remove(task);
					continue;
				}
				Optional<String> worker = location(task);
				worker.flatMap(w -> this.chat.currentOffsets(w, task))
					.ifPresent(offsets -> offsets.forEach((partition, offset) -> group.current.merge(partition, offset,
							Math::max)));
				if (worker.isPresent() && this.chat.checkpointRequested(worker.get(), task)) {
					group.checkpointRequested = true;
				}
			}
		}
	}

	/** Pauses the group's tasks and sets their end offsets to the furthest read; it then publishes. */
	private void checkpoint(TaskGroup group, long now) {
		Map<String, String> workers = new LinkedHashMap<>();
		Map<Integer, Long> end = new TreeMap<>(group.start.partitionOffsets());
		for (String task : new ArrayList<>(group.tasks)) {
			Optional<String> worker = location(task);
			Optional<Map<Integer, Long>> paused = worker.flatMap(w -> this.chat.pause(w, task));
			if (paused.isEmpty()) {
				// not started yet or gone: it could not learn where to stop
				stop(task);
				group.remove(task);
				continue;
			}
			workers.put(task, worker.get());
			paused.get().forEach((partition, offset) -> end.merge(partition, offset, Math::max));
		}
		if (workers.isEmpty()) {
			// nothing was read by a live task: the next group starts where this one did
			this.reading.remove(group.groupId);
			return;
		}
		workers.forEach((task, worker) -> {
			if (!this.chat.setEndOffsets(worker, task, end)) {
				stop(task);
				group.remove(task);
			}
		});
		group.end = end;
		group.completionDeadline = now + this.spec.ioConfig().completionTimeout().fixedMillis();
		this.reading.remove(group.groupId);
		this.publishing.add(group);
		log.info("Supervisor[{}]: task group {} publishes up to {}", this.id, group.groupId, end);
	}

	private TaskGroup startGroup(int groupId, List<Integer> partitions, long now) {
		Map<Integer, Long> start = new TreeMap<>();
		TaskGroup before = null;
		for (TaskGroup group : this.publishing) {
			if (group.groupId == groupId && group.end != null && (before == null || furthest(group.end, before.end))) {
				before = group;
			}
		}
		Optional<StreamOffsets> committed = this.dataSources.read(this.spec.dataSchema().dataSource())
			.filter(offsets -> offsets.stream().equals(this.spec.ioConfig().topic()));
		List<Integer> unknown = new ArrayList<>();
		for (int partition : partitions) {
			Long offset = before != null ? before.end.get(partition)
					: committed.map(c -> c.partitionOffsets().get(partition)).orElse(this.restartFrom.get(partition));
			if (offset != null) {
				start.put(partition, offset);
			}
			else {
				unknown.add(partition);
			}
		}
		if (!unknown.isEmpty()) {
			start.putAll(this.spec.ioConfig().useEarliestOffset() ? this.stream.earliest(unknown)
					: this.stream.latest(unknown));
		}
		StreamOffsets offsets = StreamOffsets.of(this.spec.ioConfig().topic(), start);
		// unique per group, not derived from the offsets: a group after one that read nothing starts
		// from the same offsets and must not share its segment ids or persisted state
		String sequence = "index_kafka_" + this.spec.dataSchema().dataSource() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 15);
		log.info("Supervisor[{}]: task group {} reads {} from {}", this.id, groupId, partitions, start);
		return new TaskGroup(groupId, sequence, offsets, now,
				KafkaIndexTaskJson.MessageTimes.of(SpecNode.root(this.json.path("spec").path("ioConfig"), "spec.ioConfig"), now));
	}

	private String submit(TaskGroup group, int replica) {
		String taskId = group.baseSequenceName + "_" + UUID.randomUUID().toString().substring(0, 8);
		Map<Integer, Long> unbounded = new TreeMap<>();
		group.start.partitionOffsets().keySet().forEach(partition -> unbounded.put(partition, Long.MAX_VALUE));
		JsonNode specNode = this.json.path("spec");
		Map<String, Object> task = this.taskJson.write(taskId, "index_kafka_" + this.spec.dataSchema().dataSource(),
				specNode.path("dataSchema"), specNode.path("tuningConfig"), specNode.path("ioConfig"), group.groupId,
				group.baseSequenceName, replica, group.start, StreamOffsets.of(group.start.stream(), unbounded),
				group.messageTimes,
				Map.of("supervisorId", this.id));
		this.overlord.submit(this.mapper.writeValueAsString(task));
		log.info("Supervisor[{}]: started task[{}]", this.id, taskId);
		return taskId;
	}

	private Report report(List<Integer> partitions, long now) {
		Map<Integer, Long> latest = partitions.isEmpty() ? Map.of() : this.stream.latest(partitions);
		Map<Integer, Long> current = new TreeMap<>();
		this.dataSources.read(this.spec.dataSchema().dataSource())
			.filter(offsets -> offsets.stream().equals(this.spec.ioConfig().topic()))
			.ifPresent(offsets -> current.putAll(offsets.partitionOffsets()));
		for (TaskGroup group : this.publishing) {
			group.end.forEach((partition, offset) -> current.merge(partition, offset, Math::max));
		}
		for (TaskGroup group : this.reading.values()) {
			group.current.forEach((partition, offset) -> current.merge(partition, offset, Math::max));
		}
		Map<Integer, Long> lag = new TreeMap<>();
		latest.forEach((partition, offset) -> lag.put(partition, Math.max(0, offset - current.getOrDefault(partition, 0L))));
		List<Map<String, Object>> active = new ArrayList<>();
		for (TaskGroup group : this.reading.values()) {
			for (String task : group.tasks) {
				active.add(taskReport(task, group, now, group.current, lag));
			}
		}
		List<Map<String, Object>> publishingTasks = new ArrayList<>();
		for (TaskGroup group : this.publishing) {
			for (String task : group.tasks) {
				publishingTasks.add(taskReport(task, group, now, group.end, Map.of()));
			}
		}
		String state = this.spec.suspended() ? "SUSPENDED" : "RUNNING";
		return new Report(state, partitions.size(), latest, lag, active, publishingTasks, now,
				List.copyOf(this.recentErrors));
	}

	private Map<String, Object> taskReport(String task, TaskGroup group, long now, Map<Integer, Long> offsets,
			Map<Integer, Long> lag) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", task);
		entry.put("startingOffsets", StreamOffsetsJson.writeOffsetMap(group.start.partitionOffsets()));
		entry.put("startTime", IsoTime.format(group.startedMillis));
		long remaining = group.end != null ? 0
				: Math.max(0, group.startedMillis + this.spec.ioConfig().taskDuration().fixedMillis() - now) / 1000;
		entry.put("remainingSeconds", remaining);
		entry.put("type", group.end != null ? "PUBLISHING" : "ACTIVE");
		entry.put("currentOffsets", StreamOffsetsJson.writeOffsetMap(offsets));
		Map<Integer, Long> mine = new TreeMap<>();
		group.start.partitionOffsets().keySet().forEach(partition -> {
			if (lag.containsKey(partition)) {
				mine.put(partition, lag.get(partition));
			}
		});
		entry.put("lag", lag.isEmpty() ? null : StreamOffsetsJson.writeOffsetMap(mine));
		return entry;
	}

	/** Druid's pending-segment clean-up: allocations older than the oldest running task of the datasource. */
	private void forgetOldAllocations(long now) {
		String dataSource = this.spec.dataSchema().dataSource();
		String oldest = this.overlord.tasks(null, dataSource, "index_kafka", 0)
			.stream()
			.filter(status -> status.statusCode() == TaskStatusCode.RUNNING)
			.map(TaskStatus::createdTime)
			.min(String::compareTo)
			.orElse(IsoTime.format(now));
		this.pendingSegments.deleteCreatedBefore(dataSource, oldest);
	}

	private void taskFailed(String task) {
		String why = this.overlord.status(task).map(TaskStatus::errorMsg).orElse("no status");
		error("TaskFailed", "Task[" + task + "] failed: " + why);
	}

	/** Stops a task without publishing (Druid's kill of a task group member). */
	private void stop(String task) {
		try {
			this.overlord.shutdown(task);
		}
		catch (RuntimeException ex) {
			log.warn("Supervisor[{}]: stopping task[{}] failed", this.id, task, ex);
		}
	}

	/** Stops every task of this supervisor (a reset). */
	void stopAll() {
		this.reading.values().forEach(group -> group.tasks.forEach(this::stop));
		this.publishing.forEach(group -> group.tasks.forEach(this::stop));
		this.reading.clear();
		this.publishing.clear();
	}

	/** Ends the reading groups gracefully: they publish what they read (a terminate). */
	void finishAll(long now) {
		new ArrayList<>(this.reading.values()).forEach(group -> checkpoint(group, now));
	}

	private TaskStatusCode statusCode(String task) {
		return this.overlord.status(task).map(TaskStatus::statusCode).orElse(TaskStatusCode.FAILED);
	}

	private Optional<String> location(String task) {
		return this.overlord.status(task)
			.filter(status -> status.location().known())
			.map(status -> status.location().hostAndPort());
	}

	/** The bounds a running task was given (by an earlier leader): its replacements get the same. */
	private static KafkaIndexTaskJson.MessageTimes messageTimes(JsonNode io) {
		return new KafkaIndexTaskJson.MessageTimes(
				io.has("minimumMessageTime") ? Optional.of(IsoTime.parse(io.path("minimumMessageTime").asString()))
						: Optional.empty(),
				io.has("maximumMessageTime") ? Optional.of(IsoTime.parse(io.path("maximumMessageTime").asString()))
						: Optional.empty());
	}

	/** Whether {@code a} reaches further than {@code b} (by the sum of its offsets). */
	private static boolean furthest(Map<Integer, Long> a, Map<Integer, Long> b) {
		return a.values().stream().mapToLong(Long::longValue).sum() > b.values().stream().mapToLong(Long::longValue).sum();
	}

	private List<Integer> mine(List<Integer> partitions, int groupId) {
		return partitions.stream().filter(p -> p % this.spec.ioConfig().taskCount() == groupId).toList();
	}

	private static StreamOffsets offsets(JsonNode sequenceNumbers) {
		SpecNode node = SpecNode.root(sequenceNumbers, "startSequenceNumbers");
		return new StreamOffsets(node.requiredString("stream"),
				StreamOffsetsJson.readOffsetMap(node.requiredObject("partitionSequenceNumberMap")));
	}

	@Override
	public void close() {
		if (this.stream != null) {
			this.stream.close();
		}
	}

}
