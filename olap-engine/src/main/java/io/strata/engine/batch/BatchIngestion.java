package io.strata.engine.batch;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputEntity;
import io.strata.engine.input.InputEntityReader;
import io.strata.engine.input.InputFormatSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.InputSource;
import io.strata.engine.input.ParseError;
import io.strata.engine.input.ParseExceptionHandler;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.RowSink;
import io.strata.engine.time.Interval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongToIntFunction;

/**
 * The body of an {@code index_parallel} task on one worker: reads every entity of an input source
 * in its input format and builds partitioned segments ({@link BatchSegmentBuilder}). Unparseable
 * rows (bad syntax, a bad timestamp, a value an index refuses) are counted and reported with their
 * input and line; past {@code maxParseExceptions} the ingestion fails naming the last one. Hashed
 * partitioning without {@code numShards} reads the input twice: once to estimate each interval's
 * rows. Single-threaded; one instance per run.
 */
public final class BatchIngestion {

	private final DataSchema schema;

	private final InputSource source;

	private final InputFormatSpec format;

	private final BatchTuningConfig tuning;

	public BatchIngestion(DataSchema schema, InputSource source, InputFormatSpec format, BatchTuningConfig tuning) {
		this.schema = Objects.requireNonNull(schema, "schema");
		this.source = Objects.requireNonNull(source, "source");
		this.format = Objects.requireNonNull(format, "format");
		this.tuning = Objects.requireNonNull(tuning, "tuning");
	}

	/**
	 * @param version the version of the segments (Druid uses the lock's)
	 * @param directory where temporary files and the segments are written
	 * @throws StrataException UNPARSEABLE_ROW when more than {@code maxParseExceptions} rows are
	 * unparseable, naming the input and line of the last
	 */
	public BatchIngestionResult run(String version, Path directory) {
		return run(interval -> IntervalAllocation.fresh(version), directory);
	}

	/**
	 * Runs with a version and numbering per interval, as {@code appendToExisting} needs.
	 * @see BatchSegmentBuilder#BatchSegmentBuilder(DataSchema, BatchTuningConfig, LongToIntFunction, Function, Path)
	 */
	public BatchIngestionResult run(Function<Interval, IntervalAllocation> allocator, Path directory) {
		List<InputEntity> entities = this.source.entities();
		InputEntityReader reader = new InputEntityReader(this.format, new InputRowFactory(this.schema.timestampSpec()),
				directory.resolve("fetch"));
		BatchSegmentBuilder builder = new BatchSegmentBuilder(this.schema, this.tuning, shardCounts(entities, reader),
				allocator, directory);
		ParseExceptionHandler errors = new ParseExceptionHandler(this.tuning.maxParseExceptions(),
				this.tuning.maxSavedParseExceptions());
		for (InputEntity entity : entities) {
			reader.read(entity, new BuilderSink(builder, errors, entity.name(), reader.positionUnit()));
		}
		List<BuiltSegment> segments = builder.finish();
		return new BatchIngestionResult(segments, builder.processed(), errors.count(), builder.thrownAway(),
				errors.saved());
	}

	private LongToIntFunction shardCounts(List<InputEntity> entities, InputEntityReader reader) {
		if (!(this.tuning.partitionsSpec() instanceof HashedPartitionsSpec hashed)) {
			return start -> 1;
		}
		if (hashed.numShards() != null) {
			int shards = hashed.numShards();
			return start -> shards;
		}
		RowCountEstimator estimator = new RowCountEstimator(this.schema);
		RowSink counting = new RowSink() {
			@Override
			public void accept(InputRow row) {
				estimator.add(row);
			}

			@Override
			public void reject(RowRejection rejection) {
				// counted and reported by the building pass
			}
		};
		for (InputEntity entity : entities) {
			reader.read(entity, counting);
		}
		Map<Long, Long> estimates = estimator.estimates();
		return start -> hashed.shardsFor(estimates.getOrDefault(start, 0L));
	}

	/** Hands rows of one entity to the builder and its bad rows, with their source, to the handler. */
	private record BuilderSink(BatchSegmentBuilder builder, ParseExceptionHandler errors, String source, String unit)
			implements RowSink {

		@Override
		public void accept(InputRow row) {
			accept(row, 0);
		}

		@Override
		public void accept(InputRow row, long position) {
			try {
				this.builder.add(row);
			}
			catch (StrataException ex) {
				if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
					throw ex;
				}
				reject(new RowRejection(position, ex.getMessage(), row.fields().toString()));
			}
		}

		@Override
		public void reject(RowRejection rejection) {
			this.errors.handle(new ParseError(this.source, this.unit, rejection));
		}

	}

}
