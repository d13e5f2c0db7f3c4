package io.strata.engine.ingest;

import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.format.ColumnWriter;
import io.strata.engine.segment.format.NumericColumnWriter;
import io.strata.engine.segment.format.SegmentWriter;
import io.strata.engine.segment.format.SketchColumnWriter;
import io.strata.engine.segment.format.StringColumnWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an incremental index as an immutable segment: sorts each string dictionary, remaps
 * ids to their sorted ranks, orders rows by time then dimension values, and writes every column.
 * Dictionary values no row holds (left by rejected rows) are dropped. Stateless.
 */
public final class IndexPersister {

	private final boolean sync;

	/** A persister whose segments are synced to disk before they are moved into place. */
	public IndexPersister() {
		this(true);
	}

	/** @param sync false for temporary segments that a crash would make useless anyway */
	public IndexPersister(boolean sync) {
		this.sync = sync;
	}

	public SegmentMetadata persist(IncrementalIndex index, SegmentId id, Path file) {
		return persist(index, id, file, List.of());
	}

	/**
	 * Persists with the dimensions in a given order: those named in {@code dimensionOrder}
	 * first, in that order, then the rest in index order. An ingestion that discovers dimensions
	 * passes one order to all its persists, so that their segments can be merged.
	 * <p>
	 * The index's read lock is held while rows are sorted and handed to the column writers,
	 * and released before the columns are compressed and the file is written and synced, so the
	 * writer of a real-time index waits as little as possible.
	 */
	public SegmentMetadata persist(IncrementalIndex index, SegmentId id, Path file, List<String> dimensionOrder) {
		SegmentWriter writer;
		try (IndexReader reader = index.openReader()) {
			writer = fill(reader, id, dimensionOrder);
		}
		return writer.write(file, this.sync);
	}

	private SegmentWriter fill(IndexReader reader, SegmentId id, List<String> dimensionOrder) {
		int rows = reader.rowCount();
		List<DimensionSchema> indexDimensions = reader.dimensions();
		// positions of the index's dimensions in output order
		List<Integer> positions = new ArrayList<>();
		for (String name : dimensionOrder) {
			for (int d = 0; d < indexDimensions.size(); d++) {
				if (indexDimensions.get(d).name().equals(name)) {
					positions.add(d);
				}
			}
		}
		for (int d = 0; d < indexDimensions.size(); d++) {
			if (!positions.contains(d)) {
				positions.add(d);
			}
		}
		List<DimensionSchema> dimensions = new ArrayList<>();
		for (int position : positions) {
			dimensions.add(indexDimensions.get(position));
		}
		List<StringRanks> ranks = new ArrayList<>();
		for (int d = 0; d < dimensions.size(); d++) {
			int position = positions.get(d);
			ranks.add(reader.dimensionIndexer(position) instanceof StringDimensionIndexer strings
					? StringRanks.of(reader, position, strings) : null);
		}
		int[] dimensionPositions = positions.stream().mapToInt(Integer::intValue).toArray();
		int[] order = new int[rows];
		for (int i = 0; i < rows; i++) {
			order[i] = i;
			long time = reader.time(i);
			if (!id.interval().contains(time)) {
				throw new StrataException(ErrorCode.ROW_OUT_OF_INTERVAL,
						"Row time is outside the interval of segment[" + id + "]");
			}
		}
		IntSorter.sort(order, new RowOrder(reader, ranks, dimensionPositions));

		NumericColumnWriter time = new NumericColumnWriter(io.strata.engine.ingest.DataSchema.TIME_COLUMN,
				ColumnType.LONG, true);
		List<ColumnWriter> dimensionWriters = new ArrayList<>();
		for (int d = 0; d < dimensions.size(); d++) {
			DimensionSchema dimension = dimensions.get(d);
			StringRanks rank = ranks.get(d);
			dimensionWriters.add(rank != null
					? new StringColumnWriter(dimension.name(), rank.sortedValues, rank.hasNull, rank.multiValue)
					: new NumericColumnWriter(dimension.name(), dimension.type(), false));
		}
		List<AggregatorSpec> aggregators = reader.metrics();
		List<ColumnWriter> metricWriters = new ArrayList<>();
		List<SketchCodec> codecs = new ArrayList<>();
		for (AggregatorSpec aggregator : aggregators) {
			ColumnType type = aggregator.storedType();
			metricWriters.add(type.isSketch() ? new SketchColumnWriter(aggregator.name(), type)
					: new NumericColumnWriter(aggregator.name(), type, false));
			codecs.add(type.isSketch() ? new SketchCodec(aggregator) : null);
		}

		int[] ids = new int[8];
		for (int row : order) {
			time.addLong(reader.time(row));
			for (int d = 0; d < dimensions.size(); d++) {
				int slot = reader.slot(row, dimensionPositions[d]);
				ColumnWriter writer = dimensionWriters.get(d);
				StringRanks rank = ranks.get(d);
				if (rank != null) {
					StringColumnWriter strings = (StringColumnWriter) writer;
					if (slot >= 0) {
						if (rank.multiValue) {
							ids[0] = rank.rank[slot];
							strings.addIds(ids, slot == 0 ? 0 : 1);
						}
						else {
							strings.addId(rank.rank[slot]);
						}
					}
					else {
						int[] combination = rank.indexer.combination(slot);
						if (ids.length < combination.length) {
							ids = new int[combination.length * 2];
						}
						for (int i = 0; i < combination.length; i++) {
							ids[i] = rank.rank[combination[i]];
						}
						strings.addIds(ids, combination.length);
					}
				}
				else {
					NumericColumnWriter numbers = (NumericColumnWriter) writer;
					Object value = reader.dimensionIndexer(dimensionPositions[d]).decode(slot);
					switch (value) {
						case null -> numbers.addNull();
						case Long number -> numbers.addLong(number);
						case Number number -> numbers.addDouble(number.doubleValue());
						default -> throw StrataException.defensive("Numeric dimension[%s] holds a %s",
								dimensions.get(d).name(), value.getClass().getSimpleName());
					}
				}
			}
			for (int m = 0; m < aggregators.size(); m++) {
				ColumnWriter writer = metricWriters.get(m);
				switch (writer) {
					case SketchColumnWriter sketches -> sketches
						.add(codecs.get(m).serialize(reader.metricSketch(row, m)));
					case NumericColumnWriter numbers -> {
						if (reader.isMetricNull(row, m)) {
							numbers.addNull();
						}
						else if (numbers.type() == ColumnType.LONG) {
							numbers.addLong(reader.metricLong(row, m));
						}
						else {
							numbers.addDouble(reader.metricDouble(row, m));
						}
					}
					case StringColumnWriter strings -> throw StrataException.defensive("metric is a string column");
				}
			}
		}
		return new SegmentWriter(id, reader.rollup(), reader.queryGranularity(), time, dimensionWriters,
				metricWriters, aggregators);
	}

	/** Sorted ranks of one string dimension's ids. */
	static final class StringRanks {

		final StringDimensionIndexer indexer;

		final List<String> sortedValues;

		final boolean hasNull;

		final boolean multiValue;

		/** Column id by index id; index id 0 (null) maps to 0. */
		final int[] rank;

		private StringRanks(StringDimensionIndexer indexer, List<String> sortedValues, boolean hasNull,
				boolean multiValue, int[] rank) {
			this.indexer = indexer;
			this.sortedValues = sortedValues;
			this.hasNull = hasNull;
			this.multiValue = multiValue;
			this.rank = rank;
		}

		static StringRanks of(IndexReader reader, int dimension, StringDimensionIndexer indexer) {
			int valueCount = indexer.valueCount();
			boolean[] used = new boolean[valueCount];
			boolean multiValue = false;
			for (int row = 0; row < reader.rowCount(); row++) {
				int slot = reader.slot(row, dimension);
				if (slot >= 0) {
					used[slot] = true;
				}
				else {
					multiValue = true;
					for (int id : indexer.combination(slot)) {
						used[id] = true;
					}
				}
			}
			boolean hasNull = used[0];
			Integer[] byValue = new Integer[valueCount - 1];
			int count = 0;
			for (int id = 1; id < valueCount; id++) {
				if (used[id]) {
					byValue[count++] = id;
				}
			}
			Integer[] present = Arrays.copyOf(byValue, count);
			Arrays.sort(present, (a, b) -> Utf8Order.INSTANCE.compare(indexer.value(a), indexer.value(b)));
			int[] rank = new int[valueCount];
			List<String> sorted = new ArrayList<>(count);
			int shift = hasNull ? 1 : 0;
			for (int i = 0; i < present.length; i++) {
				rank[present[i]] = i + shift;
				sorted.add(indexer.value(present[i]));
			}
			return new StringRanks(indexer, sorted, hasNull, multiValue, rank);
		}

		/** Compares the values of two slots in segment order: null first, lists element by element. */
		int compare(int left, int right) {
			if (left == right) {
				return 0;
			}
			if (left >= 0 && right >= 0) {
				return Integer.compare(this.rank[left], this.rank[right]);
			}
			int[] a = left >= 0 ? null : this.indexer.combination(left);
			int[] b = right >= 0 ? null : this.indexer.combination(right);
			int lengthA = a == null ? (left == 0 ? 0 : 1) : a.length;
			int lengthB = b == null ? (right == 0 ? 0 : 1) : b.length;
			int common = Math.min(lengthA, lengthB);
			for (int i = 0; i < common; i++) {
				int rankA = this.rank[a == null ? left : a[i]];
				int rankB = this.rank[b == null ? right : b[i]];
				if (rankA != rankB) {
					return Integer.compare(rankA, rankB);
				}
			}
			return Integer.compare(lengthA, lengthB);
		}

	}

	/** Segment row order: time, then each dimension in order. */
	private static final class RowOrder implements IntSorter.RowComparator {

		private final IndexReader reader;

		private final List<StringRanks> ranks;

		private final int dimensions;

		private final int[] positions;

		RowOrder(IndexReader reader, List<StringRanks> ranks, int[] positions) {
			this.reader = reader;
			this.ranks = ranks;
			this.dimensions = ranks.size();
			this.positions = positions;
		}

		@Override
		public int compare(int left, int right) {
			int result = Long.compare(this.reader.time(left), this.reader.time(right));
			for (int d = 0; result == 0 && d < this.dimensions; d++) {
				int position = this.positions[d];
				int slotA = this.reader.slot(left, position);
				int slotB = this.reader.slot(right, position);
				if (slotA == slotB) {
					continue;
				}
				StringRanks rank = this.ranks.get(d);
				result = rank != null ? rank.compare(slotA, slotB)
						: compareNumbers(this.reader.dimensionIndexer(position).decode(slotA),
								this.reader.dimensionIndexer(position).decode(slotB));
			}
			return result;
		}

		private static int compareNumbers(Object left, Object right) {
			if (left == null || right == null) {
				return left == null ? (right == null ? 0 : -1) : 1;
			}
			if (left instanceof Long a && right instanceof Long b) {
				return Long.compare(a, b);
			}
			return Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
		}

	}

}
