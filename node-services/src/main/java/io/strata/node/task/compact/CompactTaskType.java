package io.strata.node.task.compact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.strata.engine.batch.BatchTuningConfig;
import io.strata.engine.batch.BatchTuningJson;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.batch.DynamicPartitionsSpec;
import io.strata.engine.batch.SegmentCompactor;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.json.SpecNode;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import io.strata.engine.timeline.SegmentTimeline;
import io.strata.engine.timeline.TimelineChunk;
import io.strata.engine.timeline.TimelineSegment;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.BuiltSegments;
import io.strata.node.task.LockType;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskLock;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskType;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Druid's {@code compact} task: {@code dataSource}, {@code ioConfig.inputSpec} of type
 * {@code interval} (or the older top-level {@code interval}), {@code tuningConfig.partitionsSpec}
 * (dynamic or hashed), {@code granularitySpec.segmentGranularity} (day by default). Under an
 * exclusive lock on the interval it reads the visible segments inside it, re-aggregates their
 * rows into new segments of the lock's version and publishes them, so they replace the inputs at
 * once and every query answer stays the same.
 */
public final class CompactTaskType implements TaskType {

	public static final String NAME = "compact";

	private final BatchTuningJson tuningJson = new BatchTuningJson();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int defaultPriority() {
		return 25;
	}

	@Override
	public TaskExecutor parse(SpecNode payload) {
		String dataSource = payload.requiredString("dataSource");
		Interval interval = interval(payload);
		SpecNode tuningNode = payload.optionalObject("tuningConfig");
		BatchTuningConfig tuning = tuningNode == null ? BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults())
				: this.tuningJson.read(tuningNode);
		SpecNode granularityNode = payload.optionalObject("granularitySpec");
		Granularity segmentGranularity = granularityNode == null ? GranularitySpec.defaults().segmentGranularity()
				: GranularityJson.read(granularityNode, "segmentGranularity", GranularitySpec.defaults().segmentGranularity());
		// what auto-compaction compares with its config: the partitioning and granularity asked for, as given
		ObjectNode state = JsonNodeFactory.instance.objectNode();
		SpecNode partitions = tuningNode == null ? null : tuningNode.optionalObject("partitionsSpec");
		state.set("partitionsSpec", partitions == null ? JsonNodeFactory.instance.objectNode().put("type", "dynamic")
				: partitions.json().deepCopy());
		if (granularityNode != null) {
			state.set("granularitySpec", granularityNode.json().deepCopy());
		}
		return new Compact(dataSource, interval, tuning, segmentGranularity, state);
	}

	private static Interval interval(SpecNode payload) {
		SpecNode io = payload.optionalObject("ioConfig");
		if (io == null) {
			if (!payload.has("interval")) {
				throw payload.error("ioConfig", "is required: {\"type\":\"compact\",\"inputSpec\":{\"type\":\"interval\",\"interval\":...}}");
			}
			return parseInterval(payload, "interval");
		}
		SpecNode input = io.requiredObject("inputSpec");
		String type = input.requiredString("type");
		if (!type.equals("interval")) {
			throw input.error("type", "must be 'interval'; compacting a list of segments is not supported");
		}
		return parseInterval(input, "interval");
	}

	private static Interval parseInterval(SpecNode node, String field) {
		String text = node.requiredString(field);
		try {
			return Interval.parse(text);
		}
		catch (RuntimeException ex) {
			throw node.error(field, "is not an ISO interval: " + text);
		}
	}

	private record Compact(String dataSource, Interval interval, BatchTuningConfig tuning,
			Granularity segmentGranularity, ObjectNode lastCompactionState) implements TaskExecutor {

		@Override
		public TaskResult run(TaskContext context) throws Exception {
			TaskLock lock = context.locks().acquire(this.interval, LockType.EXCLUSIVE, Duration.ofMinutes(5));
			List<DataSegment> inputs = visibleInside(context);
			if (inputs.isEmpty()) {
				context.log("No segments of dataSource[%s] lie inside interval[%s]; nothing to compact", this.dataSource,
						this.interval);
				return TaskResult.success();
			}
			long start = System.nanoTime();
			Path pulled = Files.createDirectories(context.workDirectory().resolve("input"));
			SegmentFileReader reader = new SegmentFileReader();
			List<Segment> segments = new ArrayList<>();
			try {
				for (DataSegment input : inputs) {
					Path file = pulled.resolve(input.id().toString());
					context.deepStorage().pull(input.loadSpec(), file);
					segments.add(reader.open(file));
				}
				List<BuiltSegment> built = new SegmentCompactor().compact(this.dataSource, segments, this.interval,
						this.segmentGranularity, this.tuning, lock.version(), context.workDirectory().resolve("output"));
				if (context.cancelled()) {
					return TaskResult.failure("Shutdown request from user");
				}
				List<DataSegment> published = context.publish(BuiltSegments.toSegmentFiles(built, this.lastCompactionState));
				long inputBytes = inputs.stream().mapToLong(DataSegment::size).sum();
				long outputBytes = published.stream().mapToLong(DataSegment::size).sum();
				double seconds = (System.nanoTime() - start) / 1e9;
				context.log("Compacted %d segment(s) (%,d bytes) of interval[%s] into %d (%,d bytes) of version[%s] in %.1f s",
						inputs.size(), inputBytes, this.interval, published.size(), outputBytes, lock.version(), seconds);
				context.writeReports(java.util.Map.of("compaction", java.util.Map.of("inputSegments", inputs.size(),
						"inputBytes", inputBytes, "outputSegments", published.size(), "outputBytes", outputBytes,
						"version", lock.version(), "seconds", seconds)));
				return TaskResult.success();
			}
			finally {
				for (Segment segment : segments) {
					segment.close();
				}
			}
		}

		/** The used segments inside the interval that queries see now (newest complete versions). */
		private List<DataSegment> visibleInside(TaskContext context) {
			SegmentTimeline<DataSegment> timeline = new SegmentTimeline<>(this.dataSource);
			for (DataSegment segment : context.segments().usedSegments()) {
				if (segment.dataSource().equals(this.dataSource) && this.interval.contains(segment.interval())) {
					timeline.add(segment.id(), segment.shardSpec().corePartitions(), segment);
				}
			}
			List<DataSegment> visible = new ArrayList<>();
			for (TimelineChunk<DataSegment> chunk : timeline.visible()) {
				for (TimelineSegment<DataSegment> partition : chunk.partitions()) {
					if (!visible.contains(partition.payload())) {
						visible.add(partition.payload());
					}
				}
			}
			return visible;
		}

	}

}
