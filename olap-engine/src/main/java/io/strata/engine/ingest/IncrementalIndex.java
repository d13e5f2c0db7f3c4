package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputRow;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;

/**
 * The in-memory index that real-time and batch ingestion fill before persisting a segment. Rows
 * roll up on add: the timestamp is truncated to the query granularity and rows with the same
 * truncated time and dimension values share one row whose aggregators fold every input in.
 * <p>
 * <b>Threading:</b> one writer thread calls {@link #add}; any number of threads may read at the
 * same time through {@link #openReader()}. Each add runs under a write lock and each reader holds
 * a read lock (a {@link StampedLock}, so not tied to a thread) until closed, so a reader sees exactly the first {@link IndexReader#ingestedRows()}
 * rows added, never a row half-aggregated. Readers should be short (a query on one index), since
 * the writer waits for them. {@link #snapshotSegment} may be called from any thread: it holds a
 * read lock only while it copies the index.
 * <p>
 * Storage: times in a {@code long[]}, each row's dimension slots in one shared {@code int[]}
 * (fixed width), an open-addressing table from (time, slots) to row, and one primitive-array
 * accumulator per aggregator.
 */
public final class IncrementalIndex {

	private static final int EMPTY = -1;

	private final DataSchema schema;

	private final Granularity queryGranularity;

	private final boolean rollup;

	private final Interval interval;

	private final boolean discover;

	private final Set<String> exclusions;

	private final StampedLock lock = new StampedLock();

	private final List<DimensionIndexer> dimensions = new ArrayList<>();

	private final Map<String, Integer> dimensionPositions = new HashMap<>();

	private final MetricAccumulator[] metrics;

	private long[] times = new long[1024];

	private int[] keys = new int[0];

	private int width;

	private int rows;

	private long ingestedRows;

	private int[] table = new int[2048];

	private int[] rowHashes = new int[1024];

	private int[] scratch = new int[0];

	private final IndexSnapshots snapshots = new IndexSnapshots(this);

	/**
	 * @param interval rows outside it are refused, or null to accept any time
	 * @param seedDimensions dimensions to start from when discovering (so that successive
	 * indexes of one ingestion keep one dimension order); ignored when dimensions are explicit
	 */
	public IncrementalIndex(DataSchema schema, Interval interval, List<DimensionSchema> seedDimensions) {
		this.schema = schema;
		this.queryGranularity = schema.granularitySpec().queryGranularity();
		this.rollup = schema.granularitySpec().rollup();
		this.interval = interval;
		this.discover = schema.dimensionsSpec().discoversDimensions();
		this.exclusions = schema.discoveryExclusions();
		Arrays.fill(this.table, EMPTY);
		for (DimensionSchema dimension : schema.dimensionsSpec().dimensions()) {
			addDimension(dimension);
		}
		if (this.discover) {
			for (DimensionSchema dimension : seedDimensions) {
				if (!this.dimensionPositions.containsKey(dimension.name())) {
					addDimension(dimension);
				}
			}
		}
		List<AggregatorSpec> specs = schema.metricsSpec();
		this.metrics = new MetricAccumulator[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			this.metrics[i] = MetricAccumulator.of(specs.get(i));
		}
	}

	public IncrementalIndex(DataSchema schema) {
		this(schema, null, List.of());
	}

	public DataSchema schema() {
		return this.schema;
	}

	/**
	 * Adds one input row, rolling it up into an existing row when its key exists.
	 * @throws StrataException {@link ErrorCode#UNPARSEABLE_ROW} when a value cannot be ingested
	 * (the index is unchanged but for new dictionary entries), or {@link
	 * ErrorCode#ROW_OUT_OF_INTERVAL} when the row's time is outside the index's interval
	 */
	public void add(InputRow input) {
		long time = this.queryGranularity.bucketStart(input.timestampMillis());
		if (this.interval != null) {
			if (!this.interval.contains(input.timestampMillis())) {
				throw new StrataException(ErrorCode.ROW_OUT_OF_INTERVAL,
						"Row time is outside the index interval[" + this.interval + "]");
			}
			// a query granularity coarser than the segment (week in day segments, all) truncates
			// to before the segment: Druid keeps such rows at the segment's start
			time = Math.max(time, this.interval.startMillis());
		}
		long stamp = this.lock.writeLock();
		try {
			// New dimensions are registered only once the row is known to be good, so that a
			// rejected row leaves no all-null dimension behind.
			List<DimensionIndexer> discovered = this.discover ? discover(input) : List.of();
			int[] key = this.scratch;
			if (key.length != this.width + discovered.size()) {
				key = new int[this.width + discovered.size()];
			}
			try {
				for (int i = 0; i < this.width; i++) {
					DimensionIndexer dimension = this.dimensions.get(i);
					key[i] = dimension.encode(input.get(dimension.schema().name()));
				}
				for (int i = 0; i < discovered.size(); i++) {
					DimensionIndexer dimension = discovered.get(i);
					key[this.width + i] = dimension.encode(input.get(dimension.schema().name()));
				}
				for (MetricAccumulator metric : this.metrics) {
					metric.prepare(input);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new StrataException(ErrorCode.UNPARSEABLE_ROW, ex.getMessage(), ex);
			}
			for (DimensionIndexer dimension : discovered) {
				register(dimension);
			}
			int row;
			boolean newRow;
			int hash = hash(time, key);
			if (this.rollup) {
				int existing = find(time, key, hash);
				newRow = existing < 0;
				row = newRow ? appendRow(time, key, hash) : existing;
			}
			else {
				newRow = true;
				row = appendRow(time, key, hash);
			}
			for (MetricAccumulator metric : this.metrics) {
				metric.apply(row, newRow);
			}
			this.ingestedRows++;
		}
		finally {
			this.lock.unlockWrite(stamp);
		}
	}

	/** Rows held after rollup. Safe from any thread. */
	public int rowCount() {
		long stamp = this.lock.readLock();
		try {
			return this.rows;
		}
		finally {
			this.lock.unlockRead(stamp);
		}
	}

	/** Input rows added. Safe from any thread. */
	public long ingestedRows() {
		long stamp = this.lock.readLock();
		try {
			return this.ingestedRows;
		}
		finally {
			this.lock.unlockRead(stamp);
		}
	}

	/** An estimate of the heap this index holds, for deciding when to persist. Any thread. */
	public long estimatedBytes() {
		long stamp = this.lock.readLock();
		try {
			long bytes = 8L * this.times.length + 4L * this.keys.length + 4L * this.table.length
					+ 4L * this.rowHashes.length;
			for (DimensionIndexer dimension : this.dimensions) {
				bytes += dimension.estimatedBytes();
			}
			for (MetricAccumulator metric : this.metrics) {
				bytes += metric.estimatedBytes(this.rows);
			}
			return bytes;
		}
		finally {
			this.lock.unlockRead(stamp);
		}
	}

	/**
	 * A consistent read view; close it promptly, the writer waits while it is open. It may be
	 * closed on another thread than the one that opened it (a query pool hands work around).
	 */
	public IndexReader openReader() {
		long stamp = this.lock.readLock();
		return new IndexReader(this, stamp);
	}

	/**
	 * The rows added so far as a queryable segment, laid out as {@link IndexPersister} would write
	 * them (index dimension order). Reused until the next add; any thread. The read lock is held
	 * only while the index is copied, not while the segment is sorted and built.
	 * @throws StrataException {@link ErrorCode#ROW_OUT_OF_INTERVAL} when a row is outside the
	 * interval of {@code id}
	 */
	public IncrementalIndexSegment snapshotSegment(SegmentId id) {
		return this.snapshots.snapshot(id);
	}

	void releaseReader(long stamp) {
		this.lock.unlockRead(stamp);
	}

	/** Indexers for the fields of {@code input} that are not yet dimensions, not yet registered. */
	private List<DimensionIndexer> discover(InputRow input) {
		List<DimensionIndexer> found = null;
		for (Map.Entry<String, Object> field : input.fields().entrySet()) {
			String name = field.getKey();
			if (this.dimensionPositions.containsKey(name) || this.exclusions.contains(name)
					|| field.getValue() instanceof Map<?, ?>) {
				// nested objects are not dimensions, as in Druid's discovery of root-level fields
				continue;
			}
			ColumnType type = ColumnType.STRING;
			if (this.schema.dimensionsSpec().useSchemaDiscovery()) {
				Object value = field.getValue();
				if (value == null) {
					continue;
				}
				type = value instanceof Long ? ColumnType.LONG : value instanceof Double ? ColumnType.DOUBLE
						: ColumnType.STRING;
			}
			if (found == null) {
				found = new ArrayList<>();
			}
			found.add(indexerFor(DimensionSchema.of(name, type)));
		}
		return found == null ? List.of() : found;
	}

	private static DimensionIndexer indexerFor(DimensionSchema dimension) {
		return dimension.type() == ColumnType.STRING ? new StringDimensionIndexer(dimension)
				: new NumericDimensionIndexer(dimension);
	}

	private void addDimension(DimensionSchema dimension) {
		register(indexerFor(dimension));
	}

	private void register(DimensionIndexer indexer) {
		this.dimensionPositions.put(indexer.schema().name(), this.dimensions.size());
		this.dimensions.add(indexer);
		int oldWidth = this.width;
		this.width = this.dimensions.size();
		this.scratch = new int[this.width];
		if (this.rows == 0) {
			this.keys = new int[this.width * Math.max(1, this.times.length)];
			return;
		}
		// A new dimension is null in every existing row: widen the keys and rehash.
		int[] widened = new int[this.width * this.times.length];
		for (int row = 0; row < this.rows; row++) {
			System.arraycopy(this.keys, row * oldWidth, widened, row * this.width, oldWidth);
		}
		this.keys = widened;
		int[] key = new int[this.width];
		for (int row = 0; row < this.rows; row++) {
			System.arraycopy(this.keys, row * this.width, key, 0, this.width);
			this.rowHashes[row] = hash(this.times[row], key);
		}
		if (this.rollup) {
			rehash(this.table.length);
		}
	}

	private int appendRow(long time, int[] key, int hash) {
		int row = this.rows;
		if (row == this.times.length) {
			int capacity = this.times.length * 2;
			this.times = Arrays.copyOf(this.times, capacity);
			this.rowHashes = Arrays.copyOf(this.rowHashes, capacity);
			this.keys = Arrays.copyOf(this.keys, capacity * this.width);
		}
		this.times[row] = time;
		System.arraycopy(key, 0, this.keys, row * this.width, this.width);
		this.rowHashes[row] = hash;
		this.rows++;
		if (this.rollup) {
			if (this.rows * 2 > this.table.length) {
				rehash(this.table.length * 2);
			}
			insert(row, hash);
		}
		return row;
	}

	private int find(long time, int[] key, int hash) {
		int mask = this.table.length - 1;
		int slot = hash & mask;
		while (true) {
			int row = this.table[slot];
			if (row == EMPTY) {
				return -1;
			}
			if (this.rowHashes[row] == hash && this.times[row] == time
					&& Arrays.equals(this.keys, row * this.width, row * this.width + this.width, key, 0, this.width)) {
				return row;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void insert(int row, int hash) {
		int mask = this.table.length - 1;
		int slot = hash & mask;
		while (this.table[slot] != EMPTY) {
			slot = (slot + 1) & mask;
		}
		this.table[slot] = row;
	}

	private void rehash(int capacity) {
		this.table = new int[capacity];
		Arrays.fill(this.table, EMPTY);
		for (int row = 0; row < this.rows; row++) {
			insert(row, this.rowHashes[row]);
		}
	}

	private int hash(long time, int[] key) {
		long h = time * 0x9E3779B97F4A7C15L;
		for (int i = 0; i < this.width; i++) {
			h = (h ^ key[i]) * 0xC2B2AE3D27D4EB4FL;
		}
		h ^= h >>> 29;
		return (int) (h ^ (h >>> 32));
	}

	// ---- accessors for IndexReader (called under the read lock) ----

	int rows() {
		return this.rows;
	}

	long ingested() {
		return this.ingestedRows;
	}

	List<DimensionIndexer> dimensionIndexers() {
		return List.copyOf(this.dimensions);
	}

	MetricAccumulator[] metricAccumulators() {
		return this.metrics;
	}

	long time(int row) {
		return this.times[row];
	}

	int slot(int row, int dimension) {
		return dimension < this.width ? this.keys[row * this.width + dimension] : 0;
	}

	boolean rollup() {
		return this.rollup;
	}

}
