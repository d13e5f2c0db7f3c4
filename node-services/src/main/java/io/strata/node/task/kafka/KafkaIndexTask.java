package io.strata.node.task.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.StreamRowParser;
import io.strata.engine.io.FileTrees;
import io.strata.engine.json.SpecNode;
import io.strata.engine.realtime.StreamAppender;
import io.strata.engine.segment.SegmentId;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.metadata.PendingSegment;
import io.strata.node.metadata.StreamOffsets;
import io.strata.node.metadata.StreamOffsetsJson;
import io.strata.node.publish.SegmentFile;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.ShardSpec;
import io.strata.node.task.TaskChat;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskResult;
import io.strata.node.task.index.IngestionReport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of an {@code index_kafka} task. It restores what an earlier attempt of its sequence
 * persisted on this worker (resuming after the offsets that were persisted, so nothing is read
 * twice or lost), reads its partitions into a {@link StreamAppender}, allocates and announces
 * each new interval's segment at once (so the broker queries it within a poll of the event
 * arriving), and, once its end offsets are reached, publishes its segments and the offsets in one
 * metadata transaction conditioned on its start offsets, waits for historicals to serve them and
 * stops serving. A replica that finds its segments published already by its twin succeeds too.
 */
final class KafkaIndexTask implements TaskExecutor {

	private static final Duration POLL = Duration.ofMillis(50);

	private static final long REPORT_EVERY_MILLIS = 2_000;

	private final KafkaIndexTaskSpec spec;

	private final JsonMapper mapper = JsonMapper.builder().build();

	KafkaIndexTask(KafkaIndexTaskSpec spec) {
		this.spec = spec;
	}

	@Override
	public String dataSource() {
		return this.spec.dataSchema().dataSource();
	}

	@Override
	public TaskResult run(TaskContext context) throws Exception {
		Path directory = context.persistentDirectory(this.spec.baseSequenceName() + "_r" + this.spec.replicaId());
		StreamAppender appender = openAppender(context, directory);
		ReadingState state = new ReadingState(this.spec.start().partitionOffsets(), this.spec.end().partitionOffsets());
		appender.restoredOffsets().forEach(state::advance);
		Map<SegmentId, PendingSegment> allocated = new LinkedHashMap<>();
		List<AutoCloseable> served = new ArrayList<>();
		context.chat(new Chat(state, appender, this.mapper));
		boolean succeeded = false;
		try {
			state.status(ReadingState.Status.STARTING);
			announce(context, appender, allocated, served);
			try (StreamParsers.OpenParser parser = StreamParsers.create(
					SpecNode.root(this.spec.inputFormat(), "ioConfig.inputFormat"), this.spec.dataSchema(),
					this.spec.topic())) {
				read(context, appender, parser.parser(), state, allocated, served);
			}
			catch (org.apache.kafka.common.errors.InterruptException | InterruptedException ex) {
				throw new InterruptedException("interrupted while reading");
			}
			if (context.cancelled()) {
				throw new InterruptedException("shut down while reading");
			}
			state.status(ReadingState.Status.PUBLISHING);
			List<DataSegment> published = publish(context, appender, state, allocated);
			report(context, appender, "COMPLETED", null);
			succeeded = true;
			awaitHandoff(context, published);
			return TaskResult.success();
		}
		catch (StrataException ex) {
			report(context, appender, "BUILD_SEGMENTS", ex.getMessage());
			throw ex;
		}
		finally {
			for (AutoCloseable handle : served) {
				try {
					handle.close();
				}
				catch (Exception ex) {
					context.log("Unannouncing a live segment failed: %s", ex);
				}
			}
			appender.close();
			// a failure other than a shutdown request (a worker stopping, the overlord away) keeps
			// what was persisted: the replacement task of this sequence restores it
			if (succeeded || context.cancelled()) {
				FileTrees.delete(directory, "the persisted rows in [" + directory + "]");
			}
		}
	}

	/** The appender of this sequence: what an earlier attempt persisted, if it lies within this task's offsets. */
	private StreamAppender openAppender(TaskContext context, Path directory) {
		StreamAppender appender = StreamAppender.restore(this.spec.dataSchema(), this.spec.tuning(), directory);
		Map<Integer, Long> restored = appender.restoredOffsets();
		boolean usable = true;
		for (Map.Entry<Integer, Long> entry : restored.entrySet()) {
			Long start = this.spec.start().partitionOffsets().get(entry.getKey());
			Long end = this.spec.end().partitionOffsets().get(entry.getKey());
			usable &= start != null && entry.getValue() >= start && entry.getValue() <= end;
		}
		if (usable) {
			if (!restored.isEmpty()) {
				context.log("Restored %d rows persisted by an earlier attempt; reading on from %s", appender.processed(),
						restored);
			}
			return appender;
		}
		context.log("Persisted state at %s does not lie within this task's offsets; reading from the start", restored);
		appender.close();
		FileTrees.delete(directory, "the persisted rows in [" + directory + "]");
		return StreamAppender.restore(this.spec.dataSchema(), this.spec.tuning(), directory);
	}

	private void read(TaskContext context, StreamAppender appender, StreamRowParser parser, ReadingState state,
			Map<SegmentId, PendingSegment> allocated, List<AutoCloseable> served) throws InterruptedException {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = this.spec.start()
				.partitionOffsets()
				.keySet()
				.stream()
				.map(partition -> new TopicPartition(this.spec.topic(), partition))
				.toList();
			consumer.assign(partitions);
			Map<Integer, Long> next = state.current();
			for (TopicPartition partition : partitions) {
				consumer.seek(partition, next.get(partition.partition()));
			}
			state.status(ReadingState.Status.READING);
			context.log("Reading %s from %s to %s", this.spec.topic(), next, state.end());
			long lastReport = 0;
			while (!context.cancelled()) {
				state.pauseIfRequested(context::cancelled);
				if (state.reachedEnd()) {
					break;
				}
				ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
				Map<Integer, Long> end = state.end();
				long now = System.currentTimeMillis();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					if (record.offset() >= end.get(record.partition())) {
						continue;
					}
					if (record.value() == null) {
						appender.reject(record.partition(), record.offset(), "a record without a value (tombstone)", "null",
								now);
					}
					else {
						appender.add(record.partition(), record.offset(), record.value(), parser, now);
					}
				}
				for (TopicPartition partition : partitions) {
					// the position passes transaction markers too, which carry no record
					state.advance(partition.partition(),
							Math.min(consumer.position(partition), end.get(partition.partition())));
				}
				appender.persistIfDue(now);
				announce(context, appender, allocated, served);
				if (!state.checkpointRequested() && appender.largestSinkRows() >= this.spec.maxRowsPerSegment()) {
					state.requestCheckpoint();
					context.log("A segment reached maxRowsPerSegment[%d]: asking the supervisor to end the task group",
							this.spec.maxRowsPerSegment());
				}
				if (now - lastReport >= REPORT_EVERY_MILLIS) {
					report(context, appender, "BUILD_SEGMENTS", null);
					lastReport = now;
				}
			}
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Properties properties = new Properties();
		properties.putAll(this.spec.consumerProperties());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// offsets come from the metadata store, never from Kafka: a gap must fail the task, not skip data
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		return new KafkaConsumer<>(properties);
	}

	/** Allocates and announces the segment of every sink that has none yet. */
	private void announce(TaskContext context, StreamAppender appender, Map<SegmentId, PendingSegment> allocated,
			List<AutoCloseable> served) {
		for (SegmentId sink : appender.sinkIds()) {
			if (allocated.containsKey(sink)) {
				continue;
			}
			PendingSegment segment = context.allocate(sink.interval(),
					this.spec.baseSequenceName() + "_" + sink.partitionNum());
			allocated.put(sink, segment);
			DataSegment descriptor = new DataSegment(segment.id(), new LoadSpec.None(),
					this.spec.dataSchema().dimensionsSpec().dimensions().stream().map(d -> d.name()).toList(),
					this.spec.dataSchema().metricNames(),
					new ShardSpec.Numbered(segment.partitionNum(), segment.corePartitions()), DataSegment.BINARY_VERSION, 0);
			served.add(context.serveLive(descriptor, () -> appender.segments(sink)));
			context.log("Serving live segment[%s]", segment.id());
		}
	}

	private List<DataSegment> publish(TaskContext context, StreamAppender appender, ReadingState state,
			Map<SegmentId, PendingSegment> allocated) {
		List<BuiltSegment> built = appender.finish(sink -> allocated.get(sink).id(), System.currentTimeMillis());
		Map<SegmentId, PendingSegment> byId = new LinkedHashMap<>();
		allocated.values().forEach(segment -> byId.put(segment.id(), segment));
		List<SegmentFile> files = built.stream().map(segment -> {
			PendingSegment pending = byId.get(segment.id());
			return new SegmentFile(segment.file(), new ShardSpec.Numbered(pending.partitionNum(), pending.corePartitions()));
		}).toList();
		StreamOffsets end = new StreamOffsets(this.spec.topic(), new TreeMap<>(state.current()));
		List<SegmentId> ids = built.stream().map(BuiltSegment::id).toList();
		try {
			List<DataSegment> published = context.publish(files, this.spec.start(), end);
			context.log("Published %d segments %s with offsets %s", published.size(), ids, end.partitionOffsets());
			return published;
		}
		catch (StrataException ex) {
			// a replica of this task group published first: then the committed offsets match this
			// task's end and its segment ids are used ones
			List<DataSegment> used = context.segments()
				.usedSegments()
				.stream()
				.filter(segment -> ids.contains(segment.id()))
				.toList();
			boolean committed = context.committedOffsets().map(offsets -> offsets.matches(end)).orElse(false);
			if (!committed || used.size() != ids.size()) {
				throw ex;
			}
			context.log("Segments %s and offsets %s were published by a replica: %s", ids, end.partitionOffsets(),
					ex.getMessage());
			return used;
		}
	}

	private void awaitHandoff(TaskContext context, List<DataSegment> published) throws InterruptedException {
		List<SegmentId> ids = published.stream().map(DataSegment::id).toList();
		long deadline = this.spec.handoffTimeoutMillis() == 0 ? Long.MAX_VALUE
				: System.currentTimeMillis() + this.spec.handoffTimeoutMillis();
		while (!ids.isEmpty() && !context.servedByHistoricals(ids)) {
			if (context.cancelled() || System.currentTimeMillis() > deadline) {
				context.log("Stopped waiting for historicals to load %s", ids);
				return;
			}
			Thread.sleep(100);
		}
		context.log("Handoff complete: historicals serve %s", ids);
	}

	private void report(TaskContext context, StreamAppender appender, String state, String error) {
		context.writeReports(IngestionReport.of(context.task().id(), state, appender.processed(), appender.unparseable(),
				appender.thrownAway(), appender.savedParseErrors(), error, System.currentTimeMillis()));
	}

	/** Druid's chat handler endpoints of a streaming task, for its supervisor. */
	private record Chat(ReadingState state, StreamAppender appender, JsonMapper mapper) implements TaskChat {

		@Override
		public Reply handle(String method, String path, String query, String body) {
			try {
				return switch (method + " " + path) {
					case "GET status" -> Reply.ok(this.mapper.writeValueAsString(this.state.status().name()));
					case "GET offsets/current" -> Reply.ok(offsets(this.state.current()));
					case "GET offsets/end" -> Reply.ok(offsets(this.state.end()));
					case "GET checkpoint" -> Reply.ok(this.mapper.writeValueAsString(
							Map.of("requested", this.state.checkpointRequested())));
					case "GET time/start" -> Reply.ok(this.mapper.writeValueAsString(
							io.strata.engine.time.IsoTime.format(this.state.startMillis())));
					case "POST pause" -> Reply.ok(offsets(this.state.pause(10_000)));
					case "POST resume" -> {
						this.state.resume();
						yield Reply.ok("{}");
					}
					case "POST offsets/end" -> {
						this.state.setEnd(readOffsets(body));
						yield Reply.ok(offsets(this.state.end()));
					}
					case "GET rowStats" -> Reply.ok(this.mapper.writeValueAsString(Map.of("totals",
							Map.of("buildSegments", Map.of("processed", this.appender.processed(), "unparseable",
									this.appender.unparseable(), "thrownAway", this.appender.thrownAway())))));
					default -> new Reply(404, error("No such chat endpoint: " + method + " " + path));
				};
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				return new Reply(400, error(ex.getMessage()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Reply(503, error("interrupted"));
			}
		}

		private String offsets(Map<Integer, Long> offsets) {
			return this.mapper.writeValueAsString(StreamOffsetsJson.writeOffsetMap(offsets));
		}

		private Map<Integer, Long> readOffsets(String body) {
			if (body == null || body.isBlank()) {
				throw new IllegalArgumentException("the body must be a JSON object of partition to end offset");
			}
			try {
				return StreamOffsetsJson.readOffsetMap(SpecNode.root(this.mapper.readTree(body), "offsets"));
			}
			catch (StrataException | tools.jackson.core.JacksonException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
		}

		private String error(String message) {
			return this.mapper.writeValueAsString(Map.of("error", message == null ? "unknown" : message));
		}

	}

}
