package io.strata.engine.ingest;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.RejectedRows;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.RowSink;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds segments from a stream of input rows, the way batch and real-time ingestion both do:
 * rows go to one incremental index per segment-granularity interval; an index that reaches
 * {@code maxRowsInMemory} rows or {@code maxBytesInMemory} is persisted to a spill segment; at
 * the end each interval's spills are merged into its final segment. Each row is transformed first
 * ({@link RowTransformer}). Rejected rows are counted and kept aside; rows the transformSpec filter
 * refuses and rows outside the spec's intervals are counted as thrown away. Single-threaded.
 */
public final class IndexingPipeline implements RowSink {

	private final DataSchema schema;

	private final Path workDirectory;

	private final String version;

	private final int maxRowsInMemory;

	private final long maxBytesInMemory;

	private final Granularity segmentGranularity;

	private final List<Interval> allowedIntervals;

	private final Map<Long, IncrementalIndex> open = new TreeMap<>();

	private final Map<Long, List<Path>> spills = new TreeMap<>();

	private final List<DimensionSchema> seenDimensions = new ArrayList<>();

	private final RejectedRows rejected;

	private final RowTransformer transformer;

	/** Spills are deleted after the final merge and a crashed batch starts over: no fsync for them. */
	private final IndexPersister persister = new IndexPersister(false);

	private long processed;

	private long thrownAway;

	private int spillCounter;

	private IncrementalIndex lastIndex;

	private long lastBucketStart;

	private long lastBucketEnd;

	/**
	 * @param workDirectory where spills and final segments are written
	 * @param version the version of the segments built (Druid uses the lock time)
	 * @param maxSavedRejections how many rejected rows to keep with their reasons
	 */
	public IndexingPipeline(DataSchema schema, Path workDirectory, String version, int maxRowsInMemory,
			long maxBytesInMemory, int maxSavedRejections) {
		if (maxRowsInMemory <= 0 || maxBytesInMemory <= 0) {
			throw StrataException.invalidInput("maxRowsInMemory[%d] and maxBytesInMemory[%d] must be positive",
					maxRowsInMemory, maxBytesInMemory);
		}
		this.schema = schema;
		this.workDirectory = workDirectory;
		this.version = version;
		this.maxRowsInMemory = maxRowsInMemory;
		this.maxBytesInMemory = maxBytesInMemory;
		this.segmentGranularity = schema.granularitySpec().segmentGranularity();
		this.allowedIntervals = schema.granularitySpec().intervals();
		this.rejected = new RejectedRows(maxSavedRejections);
		this.transformer = new RowTransformer(schema.transformSpec());
	}

	/**
	 * Accepts a row whose position is not known: it is taken as the count of rows this pipeline
	 * has been handed, which is the line number for a text file without blank lines.
	 */
	@Override
	public void accept(InputRow row) {
		accept(row, this.processed + this.rejected.count() + this.thrownAway + 1);
	}

	@Override
	public void accept(InputRow input, long position) {
		InputRow row;
		try {
			row = this.transformer.transform(input);
			if (!this.transformer.keeps(row)) {
				this.thrownAway++;
				return;
			}
		}
		catch (StrataException ex) {
			if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
				throw ex;
			}
			reject(new RowRejection(position, ex.getMessage(), input.fields().toString()));
			return;
		}
		if (!allowed(row.timestampMillis())) {
			this.thrownAway++;
			return;
		}
		long time = row.timestampMillis();
		IncrementalIndex index;
		long bucket;
		if (this.lastIndex != null && time >= this.lastBucketStart && time < this.lastBucketEnd) {
			// rows mostly arrive in time order: skip the bucket arithmetic and the map lookup
			index = this.lastIndex;
			bucket = this.lastBucketStart;
		}
		else {
			bucket = this.segmentGranularity.bucketStart(time);
			index = this.open.get(bucket);
			if (index == null) {
				index = new IncrementalIndex(this.schema, this.segmentGranularity.bucket(time),
						List.copyOf(this.seenDimensions));
				this.open.put(bucket, index);
			}
			this.lastIndex = index;
			this.lastBucketStart = bucket;
			this.lastBucketEnd = this.segmentGranularity.next(bucket);
		}
		try {
			index.add(row);
			this.processed++;
		}
		catch (StrataException ex) {
			if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
				throw ex;
			}
			reject(new RowRejection(position, ex.getMessage(), input.fields().toString()));
			return;
		}
		if (index.rowCount() >= this.maxRowsInMemory || (index.rowCount() % 1024 == 0
				&& index.estimatedBytes() >= this.maxBytesInMemory)) {
			spill(bucket, index);
		}
	}

	@Override
	public void reject(RowRejection rejection) {
		this.rejected.add(rejection);
	}

	private boolean allowed(long time) {
		if (this.allowedIntervals.isEmpty()) {
			return true;
		}
		for (Interval interval : this.allowedIntervals) {
			if (interval.contains(time)) {
				return true;
			}
		}
		return false;
	}

	private void spill(long bucket, IncrementalIndex index) {
		rememberDimensions(index);
		Interval interval = this.segmentGranularity.bucket(bucket);
		Path file = this.workDirectory.resolve("spill").resolve("spill-" + (this.spillCounter++) + ".strata");
		this.persister.persist(index, new SegmentId(this.schema.dataSource(), interval, this.version, 0), file,
				this.seenDimensions.stream().map(DimensionSchema::name).toList());
		this.spills.computeIfAbsent(bucket, key -> new ArrayList<>()).add(file);
		this.open.remove(bucket);
		if (this.lastIndex == index) {
			this.lastIndex = null;
		}
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

	/**
	 * Persists what is left in memory and merges each interval's spills into one segment under
	 * {@code workDirectory/segments/<segmentId>/}.
	 * @return the metadata of the final segments, in interval order
	 */
	public List<SegmentMetadata> finish() {
		for (Long bucket : new ArrayList<>(this.open.keySet())) {
			spill(bucket, this.open.get(bucket));
		}
		List<SegmentMetadata> result = new ArrayList<>();
		SegmentFileReader reader = new SegmentFileReader();
		SegmentMerger merger = new SegmentMerger();
		for (Map.Entry<Long, List<Path>> entry : this.spills.entrySet()) {
			SegmentId id = new SegmentId(this.schema.dataSource(), this.segmentGranularity.bucket(entry.getKey()),
					this.version, 0);
			Path target = this.workDirectory.resolve("segments").resolve(id.toString()).resolve(SegmentFormat.FILE_NAME);
			List<Segment> inputs = new ArrayList<>();
			try {
				for (Path spill : entry.getValue()) {
					inputs.add(reader.open(spill));
				}
				result.add(merger.merge(inputs, id, this.schema.granularitySpec().rollup(), target));
			}
			catch (RuntimeException ex) {
				deleteSpills();
				throw ex;
			}
			finally {
				inputs.forEach(Segment::close);
			}
		}
		deleteSpills();
		return result;
	}

	private void deleteSpills() {
		for (List<Path> files : this.spills.values()) {
			for (Path spill : files) {
				try {
					Files.deleteIfExists(spill);
				}
				catch (IOException ex) {
					throw StrataException.io(ex, "Deleting spill file[%s] failed", spill);
				}
			}
		}
		this.spills.clear();
	}

	/** Rows added to an index (before rollup). */
	public long processed() {
		return this.processed;
	}

	public long thrownAway() {
		return this.thrownAway;
	}

	public RejectedRows rejected() {
		return this.rejected;
	}

}
