package io.strata.engine.realtime;

import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.batch.ShardSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexReader;
import io.strata.engine.ingest.RowTransformer;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.ParseError;
import io.strata.engine.input.ParseExceptionHandler;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.StreamRowParser;
import io.strata.engine.segment.ColumnSummary;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The body of a real-time ingestion task (Druid's appenderator): stream rows, each with its
 * stream partition and offset, go to one {@link IncrementalIndex} per segment-granularity
 * interval (a sink); an interval whose sink reaches {@code maxRowsPerSegment} rows goes on in a
 * new partition. Everything is queryable at once through {@link #segments()}.
 * <p>
 * Persists happen when the live indexes hold {@code maxRowsInMemory} rows or
 * {@code intermediatePersistPeriod} has passed since the last one; the clock is the caller's
 * {@code now}, so tests are deterministic. A persist writes each live index to a part file, then a
 * {@link RealtimeCommit} naming the parts and the next offset of every stream partition. After a
 * crash, {@link #restore} reopens the committed parts and gives those offsets back: the caller
 * reads again from there, so the rows after the last persist are read again and none twice.
 * {@link #finish} merges each sink's parts into its final segment.
 * <p>
 * Rows the transformSpec filter refuses and rows outside the granularity spec's intervals or the
 * rejection periods are thrown away and counted; unparseable rows are counted and the first {@code maxSavedParseExceptions} kept, and
 * the row after {@code maxParseExceptions} fails the ingestion.
 * <p>
 * <b>Threading:</b> one thread adds, persists and finishes; {@link #segments()} may be called from
 * any thread, also during a persist. Segments handed out stay valid until {@link #close()}.
 */
public final class StreamAppender implements AutoCloseable {

	private static final String PARTS = "parts";

	private static final String PART_PREFIX = "part-";

	private final DataSchema schema;

	private final RealtimeTuning tuning;

	private final Path directory;

	private final Granularity segmentGranularity;

	private final List<Interval> allowedIntervals;

	/** Every sink by interval start then partition number (writer thread). */
	private final Map<Long, TreeMap<Integer, Sink>> sinks = new TreeMap<>();

	/** The sinks as queries see them: replaced, never changed, when a sink is added. */
	private volatile List<Sink> queryable = List.of();

	private final Map<Integer, Long> offsets = new TreeMap<>();

	private final Map<Integer, Long> restoredOffsets;

	private final List<DimensionSchema> seenDimensions = new ArrayList<>();

	private final ParseExceptionHandler parseErrors;

	private final RowTransformer transformer;

	private final IndexPersister persister = new IndexPersister();

	private final SegmentFileReader reader = new SegmentFileReader();

	/** Volatile: a task's status API reads the counts while its thread adds rows. */
	private volatile long processed;

	private volatile long thrownAway;

	private long rowsInMemory;

	private int partCounter;

	private long lastPersistMillis = Long.MIN_VALUE;

	private Sink lastSink;

	private long lastStart;

	private long lastEnd;

	private boolean finished;

	private boolean closed;

	private StreamAppender(DataSchema schema, RealtimeTuning tuning, Path directory, RealtimeCommit commit) {
		this.schema = schema;
		this.tuning = tuning;
		this.directory = directory;
		this.segmentGranularity = schema.granularitySpec().segmentGranularity();
		this.allowedIntervals = schema.granularitySpec().intervals();
		this.restoredOffsets = commit.offsets();
		this.offsets.putAll(commit.offsets());
		this.processed = commit.processed();
		this.thrownAway = commit.thrownAway();
		this.parseErrors = new ParseExceptionHandler(tuning.maxParseExceptions(), tuning.maxSavedParseExceptions(),
				commit.unparseable());
		this.transformer = new RowTransformer(schema.transformSpec());
	}

	/**
	 * Opens the appender of {@code directory}: with the parts and offsets of its last commit, or
	 * empty when nothing was committed there. Part files a crashed persist left behind, which no
	 * commit names, are deleted (their rows come again from the stream).
	 */
	public static StreamAppender restore(DataSchema schema, RealtimeTuning tuning, Path directory) {
		try {
			Files.createDirectories(directory.resolve(PARTS));
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Creating the real-time directory[%s] failed", directory);
		}
		RealtimeCommit commit = RealtimeCommit.read(directory);
		StreamAppender appender = new StreamAppender(schema, tuning, directory, commit);
		try {
			appender.reopen(commit);
		}
		catch (RuntimeException ex) {
			appender.close();
			throw ex;
		}
		return appender;
	}

	private void reopen(RealtimeCommit commit) {
		Set<String> committed = new HashSet<>();
		for (RealtimeCommit.SinkParts saved : commit.sinks()) {
			List<Segment> parts = new ArrayList<>();
			long rows = 0;
			for (String file : saved.parts()) {
				committed.add(file);
				Segment part = this.reader.open(this.directory.resolve(file));
				parts.add(part);
				rows += part.numRows();
				rememberDimensions(part.metadata());
				this.partCounter = Math.max(this.partCounter, partNumber(file) + 1);
			}
			Sink sink = new Sink(liveId(saved.interval(), saved.partitionNum()),
					new Sink.State(parts, saved.parts(), newIndex(saved.interval()), rows));
			sink.full = rows >= this.tuning.maxRowsPerSegment();
			register(sink);
		}
		try (Stream<Path> files = Files.list(this.directory.resolve(PARTS))) {
			for (Path file : files.toList()) {
				if (!committed.contains(PARTS + "/" + file.getFileName())) {
					Files.delete(file);
				}
			}
		}
		catch (IOException ex) {
			throw StrataException.io(ex, "Deleting uncommitted parts in[%s] failed", this.directory);
		}
	}

	/** Per stream partition, the next offset to read, as restored: empty for a new appender. */
	public Map<Integer, Long> restoredOffsets() {
		return this.restoredOffsets;
	}

	/** Per stream partition, the offset after the last message handed to this appender. */
	public Map<Integer, Long> currentOffsets() {
		return Map.copyOf(this.offsets);
	}

	/**
	 * Adds the row read at {@code offset} of stream {@code partition}, transformed first ({@link
	 * RowTransformer}).
	 * @param nowMillis the caller's clock: the rejection periods and the persist period count from it
	 * @throws StrataException UNPARSEABLE_ROW when this row is one unparseable row too many
	 */
	public void add(int partition, long offset, InputRow input, long nowMillis) {
		checkWritable();
		advance(partition, offset, nowMillis);
		InputRow row;
		boolean kept;
		try {
			row = this.transformer.transform(input);
			kept = this.transformer.keeps(row);
		}
		catch (StrataException ex) {
			if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
				throw ex;
			}
			unparseable(partition, new RowRejection(offset, ex.getMessage(), input.fields().toString()));
			persistIfDue(nowMillis);
			return;
		}
		long time = row.timestampMillis();
		if (!kept || !accepted(time, nowMillis)) {
			this.thrownAway++;
			persistIfDue(nowMillis);
			return;
		}
		Sink sink = sinkFor(time);
		IncrementalIndex live = sink.live();
		try {
			live.add(row);
		}
		catch (StrataException ex) {
			if (ex.errorCode() != ErrorCode.UNPARSEABLE_ROW) {
				throw ex;
			}
			unparseable(partition, new RowRejection(offset, ex.getMessage(), input.fields().toString()));
			persistIfDue(nowMillis);
			return;
		}
		this.processed++;
		int rows = live.rowCount();
		this.rowsInMemory += rows - sink.liveRows;
		sink.liveRows = rows;
		if (sink.state().persistedRows() + rows >= this.tuning.maxRowsPerSegment()) {
			sink.full = true;
			this.lastSink = null;
		}
		if (this.rowsInMemory >= this.tuning.maxRowsInMemory()) {
			persist(nowMillis);
		}
		else {
			persistIfDue(nowMillis);
		}
	}

	/**
	 * Parses and adds one stream message; a message the parser cannot read is counted as
	 * unparseable with its offset.
	 */
	public void add(int partition, long offset, byte[] message, StreamRowParser parser, long nowMillis) {
		InputRow row;
		try {
			row = parser.parse(message);
		}
		catch (IllegalArgumentException ex) {
			reject(partition, offset, ex.getMessage(), message.length + " bytes", nowMillis);
			return;
		}
		add(partition, offset, row, nowMillis);
	}

	/** Counts a message the caller could not parse. */
	public void reject(int partition, long offset, String reason, String input, long nowMillis) {
		checkWritable();
		advance(partition, offset, nowMillis);
		unparseable(partition, new RowRejection(offset, reason == null ? "unparseable" : reason, input));
		persistIfDue(nowMillis);
	}

	/** Persists if {@code intermediatePersistPeriod} has passed; call it also when no message comes. */
	public void persistIfDue(long nowMillis) {
		if (this.lastPersistMillis == Long.MIN_VALUE) {
			this.lastPersistMillis = nowMillis;
		}
		else if (nowMillis - this.lastPersistMillis >= this.tuning.intermediatePersistPeriodMillis()) {
			persist(nowMillis);
		}
	}

	/**
	 * Writes every live index to a part and commits the parts with the current offsets. Queries
	 * running meanwhile see each sink before or after its swap, whole.
	 */
	public void persist(long nowMillis) {
		checkWritable();
		List<Sink> live = new ArrayList<>();
		for (Map<Integer, Sink> partitions : this.sinks.values()) {
			for (Sink sink : partitions.values()) {
				if (sink.live().ingestedRows() > 0) {
					live.add(sink);
					rememberDimensions(sink.live());
				}
			}
		}
		List<String> order = this.seenDimensions.stream().map(DimensionSchema::name).toList();
		for (Sink sink : live) {
			String file = PARTS + "/" + PART_PREFIX + (this.partCounter++) + ".strata";
			Path path = this.directory.resolve(file);
			this.persister.persist(sink.live(), sink.id(), path, order);
			sink.persisted(this.reader.open(path), file, newIndex(sink.id().interval()));
		}
		this.rowsInMemory = 0;
		commit().write(this.directory);
		this.lastPersistMillis = nowMillis;
	}

	/**
	 * Persists what is left and merges each sink's parts into its final segment, numbered from 0
	 * in each interval, under {@code directory/segments/<segmentId>/}. Queries may go on over
	 * {@link #segments()} until {@link #close()}; no row may be added after.
	 * @return the segments, by interval then partition number
	 */
	public List<BuiltSegment> finish(String version, long nowMillis) {
		persist(nowMillis);
		this.finished = true;
		List<BuiltSegment> result = new ArrayList<>();
		for (Map.Entry<Long, TreeMap<Integer, Sink>> interval : this.sinks.entrySet()) {
			List<Sink> withRows = interval.getValue().values().stream()
				.filter(sink -> !sink.state().parts().isEmpty())
				.toList();
			for (int i = 0; i < withRows.size(); i++) {
				SegmentId id = new SegmentId(this.schema.dataSource(), withRows.get(i).id().interval(), version, i);
				result.add(merge(withRows.get(i), id, new ShardSpec.Numbered(i, withRows.size())));
			}
		}
		return result;
	}

	/**
	 * Persists what is left and merges each sink's parts into one segment with the id the caller
	 * allocated for that sink (a cluster numbers a stream's segments itself, after what the
	 * interval already holds). Sinks without rows give no segment.
	 * @param ids the final id of each sink, by the sink's id from {@link #sinkIds()}
	 * @return the segments, by interval then partition number, with appended numbered shard specs
	 * (no core partitions)
	 */
	public List<BuiltSegment> finish(Function<SegmentId, SegmentId> ids, long nowMillis) {
		persist(nowMillis);
		this.finished = true;
		List<BuiltSegment> result = new ArrayList<>();
		for (TreeMap<Integer, Sink> partitions : this.sinks.values()) {
			for (Sink sink : partitions.values()) {
				if (!sink.state().parts().isEmpty()) {
					SegmentId id = ids.apply(sink.id());
					result.add(merge(sink, id, new ShardSpec.Numbered(id.partitionNum(), 0)));
				}
			}
		}
		return result;
	}

	private BuiltSegment merge(Sink sink, SegmentId id, ShardSpec shardSpec) {
		Path target = this.directory.resolve("segments").resolve(id.toString()).resolve(SegmentFormat.FILE_NAME);
		SegmentMetadata metadata = new SegmentMerger().merge(sink.state().parts(), id,
				this.schema.granularitySpec().rollup(), target);
		return new BuiltSegment(id, shardSpec, metadata.numRows(), target, metadata);
	}

	/**
	 * The sinks that exist so far (each an interval and a partition number within this appender,
	 * with a placeholder version), in the order they appeared. Any thread.
	 */
	public List<SegmentId> sinkIds() {
		return this.queryable.stream().map(Sink::id).toList();
	}

	/** One sink's parts and live snapshot, as {@link #segments()} gives them; empty for an unknown sink. Any thread. */
	public List<Segment> segments(SegmentId sinkId) {
		List<Segment> result = new ArrayList<>();
		for (Sink sink : this.queryable) {
			if (sink.id().equals(sinkId)) {
				sink.addQueryable(result);
			}
		}
		return result;
	}

	/**
	 * Everything added so far, as segments to query: each sink's parts and a snapshot of its live
	 * index. Any thread; no row is missing or counted twice, also during a persist.
	 */
	public List<Segment> segments() {
		List<Segment> result = new ArrayList<>();
		for (Sink sink : this.queryable) {
			sink.addQueryable(result);
		}
		return result;
	}

	/**
	 * Rows (after rollup) of the fullest sink: a task that must keep its segments under a size
	 * asks for its sequence to end when this reaches it. Writer thread.
	 */
	public long largestSinkRows() {
		long largest = 0;
		for (TreeMap<Integer, Sink> partitions : this.sinks.values()) {
			for (Sink sink : partitions.values()) {
				largest = Math.max(largest, sink.state().persistedRows() + sink.liveRows);
			}
		}
		return largest;
	}

	/** Rows added to an index (before rollup), including those restored. */
	public long processed() {
		return this.processed;
	}

	/** Rows the transformSpec filter refused and rows outside the intervals or the rejection periods. */
	public long thrownAway() {
		return this.thrownAway;
	}

	/** Unparseable messages and rows. */
	public long unparseable() {
		return this.parseErrors.count();
	}

	/** The first {@code maxSavedParseExceptions} unparseable rows since this appender was opened. */
	public List<ParseError> savedParseErrors() {
		return this.parseErrors.saved();
	}

	/**
	 * Releases the parts without persisting: rows added since the last persist are lost, as in a
	 * crash, and come again from the stream after {@link #restore}.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (Sink sink : this.queryable) {
			sink.state().parts().forEach(Segment::close);
		}
	}

	private void advance(int partition, long offset, long nowMillis) {
		this.offsets.merge(partition, offset + 1, Math::max);
		if (this.lastPersistMillis == Long.MIN_VALUE) {
			this.lastPersistMillis = nowMillis;
		}
	}

	private void unparseable(int partition, RowRejection rejection) {
		this.parseErrors.handle(new ParseError("partition " + partition, "offset", rejection));
	}

	private boolean accepted(long time, long nowMillis) {
		if (time < this.tuning.minimumMessageTimeMillis() || time >= this.tuning.maximumMessageTimeMillis()) {
			return false;
		}
		if (this.tuning.lateMessageRejectionPeriodMillis() > 0
				&& time < nowMillis - this.tuning.lateMessageRejectionPeriodMillis()) {
			return false;
		}
		if (this.tuning.earlyMessageRejectionPeriodMillis() > 0
				&& time >= nowMillis + this.tuning.earlyMessageRejectionPeriodMillis()) {
			return false;
		}
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

	private Sink sinkFor(long time) {
		if (this.lastSink != null && time >= this.lastStart && time < this.lastEnd) {
			// rows mostly arrive in time order: skip the bucket arithmetic and the map lookups
			return this.lastSink;
		}
		long start = this.segmentGranularity.bucketStart(time);
		TreeMap<Integer, Sink> partitions = this.sinks.get(start);
		Sink sink = partitions == null ? null : partitions.lastEntry().getValue();
		if (sink == null || sink.full) {
			Interval interval = this.segmentGranularity.bucket(time);
			int partitionNum = sink == null ? 0 : sink.id().partitionNum() + 1;
			sink = new Sink(liveId(interval, partitionNum), new Sink.State(List.of(), List.of(), newIndex(interval), 0));
			register(sink);
		}
		this.lastSink = sink;
		this.lastStart = start;
		this.lastEnd = this.segmentGranularity.next(start);
		return sink;
	}

	private void register(Sink sink) {
		this.sinks.computeIfAbsent(sink.id().interval().startMillis(), start -> new TreeMap<>())
			.put(sink.id().partitionNum(), sink);
		List<Sink> all = new ArrayList<>(this.queryable);
		all.add(sink);
		this.queryable = List.copyOf(all);
	}

	private SegmentId liveId(Interval interval, int partitionNum) {
		return new SegmentId(this.schema.dataSource(), interval, Sink.LIVE_VERSION, partitionNum);
	}

	private IncrementalIndex newIndex(Interval interval) {
		return new IncrementalIndex(this.schema, interval, List.copyOf(this.seenDimensions));
	}

	/** Discovered dimensions keep one order across all parts, so that the parts can be merged. */
	private void rememberDimensions(IncrementalIndex index) {
		try (IndexReader indexReader = index.openReader()) {
			indexReader.dimensions().forEach(this::remember);
		}
	}

	private void rememberDimensions(SegmentMetadata metadata) {
		for (ColumnSummary dimension : metadata.dimensions()) {
			remember(DimensionSchema.of(dimension.name(), dimension.type()));
		}
	}

	private void remember(DimensionSchema dimension) {
		if (this.seenDimensions.stream().noneMatch(seen -> seen.name().equals(dimension.name()))) {
			this.seenDimensions.add(dimension);
		}
	}

	private RealtimeCommit commit() {
		List<RealtimeCommit.SinkParts> saved = new ArrayList<>();
		for (Map<Integer, Sink> partitions : this.sinks.values()) {
			for (Sink sink : partitions.values()) {
				Sink.State state = sink.state();
				if (!state.parts().isEmpty()) {
					saved.add(new RealtimeCommit.SinkParts(sink.id().interval(), sink.id().partitionNum(),
							state.partFiles()));
				}
			}
		}
		return new RealtimeCommit(this.offsets, this.processed, this.thrownAway, this.parseErrors.count(), saved);
	}

	private static int partNumber(String file) {
		String name = file.substring(file.lastIndexOf('/') + 1);
		try {
			return Integer.parseInt(name.substring(PART_PREFIX.length(), name.indexOf('.')));
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			throw StrataException.corrupt("Real-time part file name[%s] is not part-<n>", file);
		}
	}

	private void checkWritable() {
		if (this.finished || this.closed) {
			throw StrataException.defensive("Rows were added to a real-time appender after it was finished or closed");
		}
	}

}
