package io.strata.node.task.index;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.strata.engine.batch.BatchIngestion;
import io.strata.engine.batch.BatchIngestionResult;
import io.strata.engine.batch.BatchTuningConfig;
import io.strata.engine.batch.BatchTuningJson;
import io.strata.engine.batch.DynamicPartitionsSpec;
import io.strata.engine.batch.HashedPartitionsSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.InputSource;
import io.strata.engine.input.source.InputSourceJson;
import io.strata.engine.json.SpecNode;
import io.strata.node.segment.DataSegment;
import io.strata.node.task.BuiltSegments;
import io.strata.node.task.TaskContext;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskResult;
import io.strata.node.task.TaskType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Druid's {@code index_parallel} task (and {@code index}, its single-task form, which reads the
 * same spec): {@code spec.dataSchema}, {@code spec.ioConfig} with {@code inputSource} ({@code local},
 * {@code inline}, {@code http}, {@code s3}), {@code inputFormat} ({@code json}, {@code csv},
 * {@code avro_ocf}, {@code parquet}) and {@code appendToExisting}, and {@code spec.tuningConfig}
 * ({@code partitionsSpec} dynamic or hashed, {@code maxRowsInMemory}, {@code maxParseExceptions},
 * {@code maxSavedParseExceptions}). The worker runs it as one task; segments are published with
 * their lock's version in one transaction.
 */
public final class IndexParallelTaskType implements TaskType {

	/** Druid's default {@code taskLockTimeout}. */
	private static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 300_000;

	private final String name;

	private final IngestSpecJson ingestJson = new IngestSpecJson();

	private final BatchTuningJson tuningJson = new BatchTuningJson();

	private final InputSourceJson sourceJson;

	/** @param s3 the client {@code s3} input sources read with, made on first use */
	public IndexParallelTaskType(String name, Supplier<S3Client> s3) {
		this.name = name;
		this.sourceJson = new InputSourceJson(Map.of("s3", node -> readS3(node, s3)));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int defaultPriority() {
		return 50;
	}

	@Override
	public TaskExecutor parse(SpecNode payload) {
		SpecNode spec = payload.requiredObject("spec");
		DataSchema schema = this.ingestJson.readDataSchema(spec.requiredObject("dataSchema"));
		SpecNode io = spec.requiredObject("ioConfig");
		InputSource source = this.sourceJson.read(io.requiredObject("inputSource"));
		InputFormatSpec format = this.ingestJson.readInputFormat(io.requiredObject("inputFormat"));
		boolean append = io.optionalBoolean("appendToExisting", false);
		SpecNode tuningNode = spec.optionalObject("tuningConfig");
		BatchTuningConfig tuning = tuningNode == null ? BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults())
				: this.tuningJson.read(tuningNode);
		if (append && tuning.partitionsSpec() instanceof HashedPartitionsSpec) {
			throw io.error("appendToExisting", "works with dynamic partitioning only, not hashed");
		}
		SpecNode context = payload.optionalObject("context");
		long lockTimeout = context == null ? DEFAULT_LOCK_TIMEOUT_MILLIS
				: context.optionalLong("taskLockTimeout", DEFAULT_LOCK_TIMEOUT_MILLIS);
		return new IndexTask(schema, source, format, tuning, append, Duration.ofMillis(lockTimeout));
	}

	private static InputSource readS3(SpecNode node, Supplier<S3Client> s3) {
		List<URI> uris = node.optionalStringList("uris").stream().map(URI::create).toList();
		List<URI> prefixes = node.optionalStringList("prefixes").stream().map(URI::create).toList();
		List<URI> objects = node.optionalList("objects",
				object -> URI.create("s3://" + object.requiredString("bucket") + "/" + object.requiredString("path")));
		return node.build(() -> new S3InputSource(s3, uris, prefixes, objects));
	}

	private record IndexTask(DataSchema schema, InputSource source, InputFormatSpec format, BatchTuningConfig tuning,
			boolean append, Duration lockTimeout) implements TaskExecutor {

		@Override
		public String dataSource() {
			return this.schema.dataSource();
		}

		@Override
		public TaskResult run(TaskContext context) {
			String taskId = context.task().id();
			context.log("Reading %s input as %s into dataSource[%s]%s", this.source.typeName(), this.format,
					dataSource(), this.append ? ", appending" : "");
			long start = System.nanoTime();
			BatchIngestionResult result;
			try {
				result = new BatchIngestion(this.schema, this.source, this.format, this.tuning)
					.run(new LockingAllocator(context, dataSource(), this.append, this.lockTimeout), context.workDirectory());
			}
			catch (StrataException ex) {
				if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
					throw ex;
				}
				context.writeReports(IngestionReport.of(taskId, "BUILD_SEGMENTS", 0, 0, 0, List.of(), ex.getMessage(),
						System.currentTimeMillis()));
				context.log("Failed: %s", ex.getMessage());
				return TaskResult.failure("%s", ex.getMessage());
			}
			if (context.cancelled()) {
				return TaskResult.failure("Shutdown request from user");
			}
			List<DataSegment> published = result.segments().isEmpty() ? List.of()
					: context.publish(BuiltSegments.toSegmentFiles(result.segments()));
			double seconds = (System.nanoTime() - start) / 1e9;
			context.log("Published %d segment(s): %d rows processed, %d unparseable, %d thrown away in %.1f s (%.0f rows/s)",
					published.size(), result.processed(), result.unparseable(), result.thrownAway(), seconds,
					result.processed() / Math.max(seconds, 1e-9));
			result.parseErrors().forEach(error -> context.log("Unparseable: %s", error.describe()));
			context.writeReports(IngestionReport.of(taskId, "COMPLETED", result.processed(), result.unparseable(),
					result.thrownAway(), result.parseErrors(), null, System.currentTimeMillis()));
			return TaskResult.success();
		}

	}

}
