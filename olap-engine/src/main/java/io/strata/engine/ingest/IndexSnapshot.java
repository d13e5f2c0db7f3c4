package io.strata.engine.ingest;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.time.Granularity;
import io.strata.engine.type.ColumnType;

import java.util.BitSet;
import java.util.List;

/**
 * A copy of everything an {@link IndexReader} sees, taken while its read lock is held so that
 * sorting and column building can run after the lock is released. The copy is what the writer
 * may change or grow: times, slots, the value tables and every metric (rollup updates metrics of
 * existing rows in place; sketches are serialized, being mutable objects). Immutable once taken.
 */
final class IndexSnapshot implements IndexRows {

	private final long ingestedRows;

	private final int rows;

	private final boolean rollup;

	private final Granularity queryGranularity;

	private final List<DimensionSchema> dimensions;

	private final List<AggregatorSpec> aggregators;

	private final long[] times;

	/** Slots by dimension, then row. */
	private final int[][] slots;

	/** String dimensions: values by id (null at 0); else null. */
	private final String[][] values;

	/** String dimensions: combinations by {@code -slot - 1}; else null. */
	private final int[][][] combinations;

	/** Numeric dimensions: numbers by slot (null at 0); else null. */
	private final Object[][] numbers;

	private final MetricCopy[] metrics;

	/** One metric's values in row order. */
	record MetricCopy(BitSet nulls, long[] longs, double[] doubles, byte[][] sketches) {
	}

	private IndexSnapshot(IndexReader reader) {
		this.ingestedRows = reader.ingestedRows();
		this.rows = reader.rowCount();
		this.rollup = reader.rollup();
		this.queryGranularity = reader.queryGranularity();
		this.dimensions = reader.dimensions();
		this.aggregators = reader.metrics();
		this.times = new long[this.rows];
		for (int row = 0; row < this.rows; row++) {
			this.times[row] = reader.time(row);
		}
		int width = this.dimensions.size();
		this.slots = new int[width][this.rows];
		this.values = new String[width][];
		this.combinations = new int[width][][];
		this.numbers = new Object[width][];
		for (int d = 0; d < width; d++) {
			int[] column = this.slots[d];
			for (int row = 0; row < this.rows; row++) {
				column[row] = reader.slot(row, d);
			}
			DimensionIndexer indexer = reader.dimensionIndexer(d);
			switch (indexer) {
				case StringDimensionIndexer strings -> {
					String[] table = new String[strings.valueCount()];
					for (int id = 0; id < table.length; id++) {
						table[id] = strings.value(id);
					}
					this.values[d] = table;
					int[][] lists = new int[strings.slotCount() - table.length][];
					for (int n = 0; n < lists.length; n++) {
						// a combination's array never changes once handed out
						lists[n] = strings.combination(-(n + 1));
					}
					this.combinations[d] = lists;
				}
				case NumericDimensionIndexer numeric -> {
					Object[] table = new Object[numeric.slotCount()];
					for (int slot = 0; slot < table.length; slot++) {
						table[slot] = numeric.decode(slot);
					}
					this.numbers[d] = table;
				}
			}
		}
		this.metrics = new MetricCopy[this.aggregators.size()];
		for (int m = 0; m < this.metrics.length; m++) {
			this.metrics[m] = copyMetric(reader, m, this.aggregators.get(m));
		}
	}

	/** Copies the reader's view; call with the reader open, and close it as soon as this returns. */
	static IndexSnapshot take(IndexReader reader) {
		return new IndexSnapshot(reader);
	}

	private MetricCopy copyMetric(IndexReader reader, int metric, AggregatorSpec aggregator) {
		ColumnType type = aggregator.storedType();
		if (type.isSketch()) {
			SketchCodec codec = new SketchCodec(aggregator);
			byte[][] sketches = new byte[this.rows][];
			for (int row = 0; row < this.rows; row++) {
				sketches[row] = codec.serialize(reader.metricSketch(row, metric));
			}
			return new MetricCopy(new BitSet(), null, null, sketches);
		}
		BitSet nulls = new BitSet();
		if (type == ColumnType.LONG) {
			long[] longs = new long[this.rows];
			for (int row = 0; row < this.rows; row++) {
				if (reader.isMetricNull(row, metric)) {
					nulls.set(row);
				}
				else {
					longs[row] = reader.metricLong(row, metric);
				}
			}
			return new MetricCopy(nulls, longs, null, null);
		}
		double[] doubles = new double[this.rows];
		for (int row = 0; row < this.rows; row++) {
			if (reader.isMetricNull(row, metric)) {
				nulls.set(row);
			}
			else {
				doubles[row] = reader.metricDouble(row, metric);
			}
		}
		return new MetricCopy(nulls, null, doubles, null);
	}

	long ingestedRows() {
		return this.ingestedRows;
	}

	boolean rollup() {
		return this.rollup;
	}

	Granularity queryGranularity() {
		return this.queryGranularity;
	}

	List<AggregatorSpec> aggregators() {
		return this.aggregators;
	}

	MetricCopy metric(int metric) {
		return this.metrics[metric];
	}

	@Override
	public int rowCount() {
		return this.rows;
	}

	@Override
	public List<DimensionSchema> dimensions() {
		return this.dimensions;
	}

	@Override
	public long time(int row) {
		return this.times[row];
	}

	@Override
	public int slot(int row, int dimension) {
		return this.slots[dimension][row];
	}

	@Override
	public boolean isString(int dimension) {
		return this.values[dimension] != null;
	}

	@Override
	public int valueCount(int dimension) {
		return this.values[dimension].length;
	}

	@Override
	public String value(int dimension, int id) {
		return this.values[dimension][id];
	}

	@Override
	public int[] combination(int dimension, int slot) {
		return this.combinations[dimension][-slot - 1];
	}

	@Override
	public Object number(int dimension, int slot) {
		return this.numbers[dimension][slot];
	}

}
