package io.strata.engine.batch;

import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexReader;
import io.strata.engine.ingest.RowTransformer;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.segment.merge.SegmentMerger;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongToIntFunction;

/**
 * Turns rows into segments per segment-granularity interval and partition, in bounded memory:
 * each (interval, partition) fills its own {@link IncrementalIndex} (rolling up per the data
 * schema); once the indexes hold {@code maxRowsInMemory} rows or {@code maxBytesInMemory} together
 * they are all persisted to spill files, and a partition's spills are merged into its segment when
 * it is finished. With {@code dynamic} partitioning a partition is finished as soon as it holds
 * {@code maxRowsPerSegment} rows (or all open ones at {@code maxTotalRows}), and the next rows of
 * the interval open a new one; with {@code hashed} each row goes to the bucket of its partition
 * dimensions' hash and all buckets are finished at the end.
 * <p>
 * Call {@link #add} for every row, then {@link #finish} once. Single-threaded.
 */
public final class BatchSegmentBuilder {

	private final DataSchema schema;

	private final PartitionsSpec partitionsSpec;

	private final BatchTuningConfig tuning;

	private final Function<Interval, IntervalAllocation> allocator;

	private final Map<Long, IntervalAllocation> allocations = new TreeMap<>();

	private final Path directory;

	private final Granularity segmentGranularity;

	private final LongToIntFunction bucketsPerInterval;

	private final HashPartitionFunction hashFunction;

	private final RowDimensions rowDimensions;

	private final RowTransformer transformer;

	/** Open partitions by interval start, then by bucket (hashed) or partition number (dynamic). */
	private final Map<Long, Map<Integer, Partition>> open = new TreeMap<>();

	/** Dynamic: the next partition number of each interval. */
	private final Map<Long, Integer> nextPartition = new TreeMap<>();

	private final List<Finished> finished = new ArrayList<>();

	private final List<DimensionSchema> seenDimensions = new ArrayList<>();

	/** Spills are merged before anything is published and a crashed build starts over: no fsync. */
	private final IndexPersister spillPersister = new IndexPersister(false);

	private long rowsInMemory;

	private long pendingRows;

	private long processed;

	private long thrownAway;

	private int spillCounter;

	private boolean done;

	/**
	 * @param bucketsPerInterval hashed partitioning: the number of buckets of the interval starting
	 * at a given millisecond (the spec's {@code numShards}, or derived from a row count estimate)
	 * @param directory where spills and segments are written
	 * @param version the version of every segment made (Druid uses the lock's), numbered from 0
	 */
	public BatchSegmentBuilder(DataSchema schema, BatchTuningConfig tuning, LongToIntFunction bucketsPerInterval,
			String version, Path directory) {
		this(schema, tuning, bucketsPerInterval, interval -> IntervalAllocation.fresh(version), directory);
	}

	/**
	 * @param allocator the version and numbering of each interval's segments, asked once per
	 * interval when its first segment is written; appends need dynamic partitioning
	 */
	public BatchSegmentBuilder(DataSchema schema, BatchTuningConfig tuning, LongToIntFunction bucketsPerInterval,
			Function<Interval, IntervalAllocation> allocator, Path directory) {
		this.schema = schema;
		this.partitionsSpec = tuning.partitionsSpec();
		this.tuning = tuning;
		this.allocator = allocator;
		this.directory = directory;
		this.segmentGranularity = schema.granularitySpec().segmentGranularity();
		this.bucketsPerInterval = bucketsPerInterval;
		this.hashFunction = this.partitionsSpec instanceof HashedPartitionsSpec hashed
				? new HashPartitionFunction(hashed.partitionDimensions()) : null;
		this.rowDimensions = new RowDimensions(schema);
		this.transformer = new RowTransformer(schema.transformSpec());
	}

	/**
	 * Adds one row, transformed first ({@link RowTransformer}). Rows the transformSpec filter refuses
	 * and rows outside the granularity spec's intervals are counted as thrown away.
	 * @throws StrataException UNPARSEABLE_ROW when a transform or a value cannot be ingested (the
	 * caller counts it as a parse error); nothing else changes then
	 */
	public void add(InputRow input) {
		if (this.done) {
			throw StrataException.defensive("Rows were added after the batch build finished");
		}
		InputRow row = this.transformer.transform(input);
		long time = row.timestampMillis();
		if (!this.transformer.keeps(row) || !allowed(time)) {
			this.thrownAway++;
			return;
		}
		long intervalStart = this.segmentGranularity.bucketStart(time);
		Map<Integer, Partition> partitions = this.open.computeIfAbsent(intervalStart, key -> new TreeMap<>());
		int key = switch (this.partitionsSpec) {
			case DynamicPartitionsSpec dynamic -> partitions.isEmpty()
					? this.nextPartition.merge(intervalStart, 1, Integer::sum) - 1 : partitions.keySet().iterator().next();
			case HashedPartitionsSpec hashed -> hashBucket(row, intervalStart);
		};
		Partition partition = partitions.computeIfAbsent(key, bucket -> new Partition(intervalStart, bucket));
		int before = partition.index.rowCount();
		partition.index.add(row);
		int added = partition.index.rowCount() - before;
		this.rowsInMemory += added;
		this.pendingRows += added;
		this.processed++;
		if (this.partitionsSpec instanceof DynamicPartitionsSpec dynamic) {
			if (partition.spilledRows + partition.index.rowCount() >= dynamic.maxRowsPerSegment()) {
				finishPartition(partition, partition.bucket);
				partitions.remove(key);
			}
			else if (this.pendingRows >= dynamic.maxTotalRows()) {
				finishAllOpen();
				return;
			}
		}
		if (this.rowsInMemory >= this.tuning.maxRowsInMemory()
				|| (this.processed % 1024 == 0 && estimatedBytes() >= this.tuning.maxBytesInMemory())) {
			spillAll();
		}
	}

	private int hashBucket(InputRow row, long intervalStart) {
		int buckets = this.bucketsPerInterval.applyAsInt(intervalStart);
		if (buckets <= 1) {
			return 0;
		}
		long truncated = Math.max(this.schema.granularitySpec().queryGranularity().bucketStart(row.timestampMillis()),
				intervalStart);
		return this.hashFunction.bucket(row, truncated, this.rowDimensions.of(row), buckets);
	}

	private boolean allowed(long time) {
		List<Interval> intervals = this.schema.granularitySpec().intervals();
		if (intervals.isEmpty()) {
			return true;
		}
		for (Interval interval : intervals) {
			if (interval.contains(time)) {
				return true;
			}
		}
		return false;
	}

	private long estimatedBytes() {
		long bytes = 0;
		for (Map<Integer, Partition> partitions : this.open.values()) {
			for (Partition partition : partitions.values()) {
				bytes += partition.index.estimatedBytes();
			}
		}
		return bytes;
	}

	private void spillAll() {
		for (Map<Integer, Partition> partitions : this.open.values()) {
			for (Partition partition : partitions.values()) {
				partition.spill();
			}
		}
	}

	private void finishAllOpen() {
		for (Map.Entry<Long, Map<Integer, Partition>> entry : this.open.entrySet()) {
			for (Partition partition : entry.getValue().values()) {
				finishPartition(partition, partition.bucket);
			}
			entry.getValue().clear();
		}
	}

	/**
	 * Persists what is left and merges every partition's spills into its segment.
	 * @return the segments made, by interval then partition number
	 */
	public List<BuiltSegment> finish() {
		if (this.done) {
			throw StrataException.defensive("The batch build was finished twice");
		}
		this.done = true;
		try {
			if (this.partitionsSpec instanceof HashedPartitionsSpec) {
				for (Map<Integer, Partition> partitions : this.open.values()) {
					int partitionNum = 0;
					for (Partition partition : partitions.values()) {
						if (!partition.isEmpty()) {
							finishPartition(partition, partitionNum++);
						}
					}
				}
			}
			else {
				finishAllOpen();
			}
			this.open.clear();
			return withShardSpecs();
		}
		finally {
			deleteDirectory(this.directory.resolve("spill"));
		}
	}

	private void finishPartition(Partition partition, int partitionNum) {
		partition.spill();
		this.pendingRows -= partition.spilledRows;
		if (partition.spills.isEmpty()) {
			if (this.partitionsSpec instanceof DynamicPartitionsSpec) {
				// only rejected rows reached it: hand its number to the interval's next partition
				this.nextPartition.put(partition.intervalStart, partition.bucket);
			}
			return;
		}
		IntervalAllocation allocation = allocation(partition.intervalStart);
		SegmentId id = new SegmentId(this.schema.dataSource(), this.segmentGranularity.bucket(partition.intervalStart),
				allocation.version(), allocation.firstPartitionNum() + partitionNum);
		Path target = this.directory.resolve("segments").resolve(id.toString()).resolve(SegmentFormat.FILE_NAME);
		SegmentFileReader reader = new SegmentFileReader();
		List<Segment> inputs = new ArrayList<>();
		SegmentMetadata metadata;
		try {
			for (Path spill : partition.spills) {
				inputs.add(reader.open(spill));
			}
			metadata = new SegmentMerger().merge(inputs, id, this.schema.granularitySpec().rollup(), target);
		}
		finally {
			inputs.forEach(Segment::close);
		}
		for (Path spill : partition.spills) {
			delete(spill);
		}
		this.finished.add(new Finished(id, partition.bucket, metadata, target));
	}

	private IntervalAllocation allocation(long intervalStart) {
		return this.allocations.computeIfAbsent(intervalStart, start -> {
			Interval interval = this.segmentGranularity.bucket(start);
			IntervalAllocation allocation = this.allocator.apply(interval);
			if (!allocation.isFresh() && this.partitionsSpec instanceof HashedPartitionsSpec) {
				throw StrataException.invalidSpec(
						"Appending to interval[%s] needs dynamic partitioning; hashed partitions replace an interval",
						interval);
			}
			return allocation;
		});
	}

	private List<BuiltSegment> withShardSpecs() {
		Map<Long, Integer> counts = new TreeMap<>();
		for (Finished segment : this.finished) {
			counts.merge(segment.id.interval().startMillis(), 1, Integer::sum);
		}
		List<BuiltSegment> result = new ArrayList<>();
		for (Finished segment : this.finished) {
			IntervalAllocation allocation = this.allocations.get(segment.id.interval().startMillis());
			int partitions = allocation.isFresh() ? counts.get(segment.id.interval().startMillis())
					: allocation.corePartitions();
			ShardSpec shardSpec = switch (this.partitionsSpec) {
				case DynamicPartitionsSpec dynamic -> new ShardSpec.Numbered(segment.id.partitionNum(), partitions);
				case HashedPartitionsSpec hashed -> new ShardSpec.Hashed(segment.id.partitionNum(), partitions,
						segment.bucket, this.bucketsPerInterval.applyAsInt(segment.id.interval().startMillis()),
						hashed.partitionDimensions());
			};
			result.add(new BuiltSegment(segment.id, shardSpec, segment.metadata.numRows(), segment.file,
					segment.metadata));
		}
		result.sort(Comparator.comparing(BuiltSegment::id));
		return result;
	}

	/** Rows added to an index (before rollup). */
	public long processed() {
		return this.processed;
	}

	/** Rows the transformSpec filter refused and rows outside the granularity spec's intervals. */
	public long thrownAway() {
		return this.thrownAway;
	}

	private void rememberDimensions(IncrementalIndex index) {
		try (IndexReader reader = index.openReader()) {
			for (DimensionSchema dimension : reader.dimensions()) {
				if (this.seenDimensions.stream().noneMatch(seen -> seen.name().equals(dimension.name()))) {
					this.seenDimensions.add(dimension);
				}
			}
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Deleting spill file[%s] failed", file);
		}
	}

	private static void deleteDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (var files = Files.list(directory)) {
			for (Path file : files.toList()) {
				delete(file);
			}
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Deleting spill directory[%s] failed", directory);
		}
	}

	private record Finished(SegmentId id, int bucket, SegmentMetadata metadata, Path file) {
	}

	/** One (interval, partition) being filled: its live index and its spills so far. */
	private final class Partition {

		final long intervalStart;

		final int bucket;

		IncrementalIndex index;

		final List<Path> spills = new ArrayList<>();

		long spilledRows;

		Partition(long intervalStart, int bucket) {
			this.intervalStart = intervalStart;
			this.bucket = bucket;
			this.index = newIndex();
		}

		private IncrementalIndex newIndex() {
			return new IncrementalIndex(BatchSegmentBuilder.this.schema,
					BatchSegmentBuilder.this.segmentGranularity.bucket(this.intervalStart),
					List.copyOf(BatchSegmentBuilder.this.seenDimensions));
		}

		boolean isEmpty() {
			return this.spills.isEmpty() && this.index.rowCount() == 0;
		}

		void spill() {
			if (this.index.rowCount() == 0) {
				return;
			}
			BatchSegmentBuilder builder = BatchSegmentBuilder.this;
			builder.rememberDimensions(this.index);
			Path file = builder.directory.resolve("spill").resolve("spill-" + (builder.spillCounter++) + ".strata");
			// a spill's id is never published: the merge writes the final one
			SegmentId id = new SegmentId(builder.schema.dataSource(), builder.segmentGranularity.bucket(this.intervalStart),
					"spill", 0);
			builder.spillPersister.persist(this.index, id, file,
					builder.seenDimensions.stream().map(DimensionSchema::name).toList());
			this.spills.add(file);
			this.spilledRows += this.index.rowCount();
			builder.rowsInMemory -= this.index.rowCount();
			this.index = newIndex();
		}

	}

}
