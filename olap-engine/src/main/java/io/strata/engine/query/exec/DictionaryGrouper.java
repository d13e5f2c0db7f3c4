package io.strata.engine.query.exec;

import io.strata.engine.query.DimensionSpec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.type.ColumnType;

import java.util.List;

/**
 * Groups one segment's rows by single-value string dimensions on their dictionary ids. The ids of
 * a row combine into one long key (mixed radix over the dictionary sizes); a {@link
 * GroupSlotTable} turns keys into dense slots; each aggregator folds a whole batch into per-slot
 * arrays ({@link SlotStates}). No object is made per row, and strings are looked up once per group
 * when the groups are emitted. Single-threaded; one instance per segment and query.
 */
final class DictionaryGrouper {

	/** Key spaces up to this size use a direct array (4 bytes a key). */
	private static final long DIRECT_KEYS = 1 << 18;

	/** Receives the groups of one bucket: their local ids (reused between calls) and states. */
	interface Sink {

		void group(int[] localIds, AggregateState[] states);

	}

	private final StringColumn[] columns;

	private final StringValues[] cursors;

	private final long[] radix;

	private final GroupSlotTable table;

	private final List<SegmentAggregator> aggregators;

	private final SlotStates[] states;

	private int[] ids = new int[0];

	private long[] keys = new long[0];

	private int[] slots = new int[0];

	private int[] rowScratch = new int[0];

	private DictionaryGrouper(StringColumn[] columns, long keySpace, List<SegmentAggregator> aggregators) {
		this.columns = columns;
		this.cursors = new StringValues[columns.length];
		this.radix = new long[columns.length];
		for (int d = 0; d < columns.length; d++) {
			this.cursors[d] = columns[d] == null ? null : columns[d].open();
			this.radix[d] = columns[d] == null ? 1 : Math.max(1, columns[d].dictionary().size());
		}
		this.table = new GroupSlotTable(keySpace, DIRECT_KEYS);
		this.aggregators = aggregators;
		this.states = new SlotStates[aggregators.size()];
		for (int a = 0; a < this.states.length; a++) {
			SegmentAggregator aggregator = aggregators.get(a);
			this.states[a] = new SlotStates(aggregator.spec(), aggregator.slotLayout());
		}
	}

	/**
	 * A grouper when every dimension is a single-value string column of the segment (or absent,
	 * hence always null) and the key space fits a long; null otherwise.
	 */
	static DictionaryGrouper forSegment(Segment segment, List<DimensionSpec> dimensions,
			List<SegmentAggregator> aggregators) {
		StringColumn[] columns = new StringColumn[dimensions.size()];
		long keySpace = 1;
		for (int d = 0; d < columns.length; d++) {
			String name = dimensions.get(d).dimension();
			ColumnSummary summary = name.equals(Segment.TIME_COLUMN) ? segment.metadata().time()
					: segment.metadata().column(name);
			if (summary != null) {
				if (summary.type() != ColumnType.STRING) {
					return null;
				}
				columns[d] = segment.stringColumn(name);
				if (columns[d].hasMultipleValues()) {
					return null;
				}
			}
			long size = columns[d] == null ? 1 : Math.max(1, columns[d].dictionary().size());
			if (keySpace > Long.MAX_VALUE / size) {
				return null;
			}
			keySpace *= size;
		}
		return new DictionaryGrouper(columns, keySpace, aggregators);
	}

	/** Folds rows {@code rows[from, to)} (ascending) into the current bucket's groups. */
	void add(int[] rows, int from, int to) {
		int count = to - from;
		if (count <= 0) {
			return;
		}
		ensureScratch(count);
		long[] keys = this.keys;
		java.util.Arrays.fill(keys, 0, count, 0L);
		long stride = 1;
		boolean contiguous = rows[to - 1] - rows[from] == count - 1;
		for (int d = 0; d < this.columns.length; d++) {
			if (this.cursors[d] != null) {
				if (contiguous) {
					this.cursors[d].readIds(rows[from], count, this.ids);
				}
				else {
					this.cursors[d].readIds(rowsFrom(rows, from, count), count, this.ids);
				}
				int[] ids = this.ids;
				for (int i = 0; i < count; i++) {
					keys[i] += ids[i] * stride;
				}
			}
			stride *= this.radix[d];
		}
		this.table.slots(keys, count, this.slots);
		int groups = this.table.size();
		for (int a = 0; a < this.states.length; a++) {
			this.states[a].ensure(groups);
			this.aggregators.get(a).aggregateGrouped(rows, from, count, this.slots, this.states[a]);
		}
	}

	/** How many local ids dimension {@code d} has. */
	int localIds(int d) {
		return (int) this.radix[d];
	}

	/** The stored value of a local id (null for the null value or an absent column). */
	String localValue(int d, int id) {
		return this.columns[d] == null ? null : this.columns[d].dictionary().get(id);
	}

	/** Groups in the current bucket so far. */
	int groups() {
		return this.table.size();
	}

	/**
	 * Hands every group of the current bucket to {@code sink} (only the {@code keep} best by
	 * {@code rankBy} when ranking is asked), then starts a new bucket.
	 */
	void emit(Sink sink, SegmentTopN topN) {
		int groups = this.table.size();
		int[] chosen = topN == null ? null : topN.choose(this.states[topN.aggregator()], groups);
		int emitted = chosen == null ? groups : chosen.length;
		int[] ids = new int[this.columns.length];
		for (int i = 0; i < emitted; i++) {
			int slot = chosen == null ? i : chosen[i];
			long key = this.table.key(slot);
			for (int d = 0; d < ids.length; d++) {
				ids[d] = (int) (key % this.radix[d]);
				key /= this.radix[d];
			}
			AggregateState[] states = new AggregateState[this.states.length];
			for (int a = 0; a < states.length; a++) {
				states[a] = this.states[a].toState(slot);
			}
			sink.group(ids, states);
		}
		for (SlotStates state : this.states) {
			state.reset(groups);
		}
		this.table.clear();
	}

	private int[] rowsFrom(int[] rows, int from, int count) {
		if (from == 0) {
			return rows;
		}
		System.arraycopy(rows, from, this.rowScratch, 0, count);
		return this.rowScratch;
	}

	private void ensureScratch(int count) {
		if (this.keys.length < count) {
			this.ids = new int[count];
			this.keys = new long[count];
			this.slots = new int[count];
			this.rowScratch = new int[count];
		}
	}

}
