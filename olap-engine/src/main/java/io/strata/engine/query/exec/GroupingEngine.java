package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the selected rows of segments by time bucket and dimension values, for topN and groupBy.
 * Inside a segment, groups are keyed on dictionary ids (no string is built per row); values are
 * looked up once per group when the segment is done (extraction functions and output types are
 * applied there, see {@link DimensionValueLookup}), and groups merge across segments by value.
 * A multi-value row counts in one group per value, as Druid's groupBy unnests them; an empty one
 * in the null group. Stateless; each call is single-threaded.
 */
final class GroupingEngine {

	private static final int BATCH = 4096;

	/** A group across segments: bucket start (or {@link TimeseriesEngine#ALL_BUCKET}) and values. */
	record GroupKey(long bucket, List<String> values) {

	}

	/** Groups and their states, plus the stretch of time the queried segments covered. */
	static final class Groups {

		final Map<GroupKey, AggregateState[]> states = new HashMap<>();

		/** Groups keyed by packed value ids, per bucket; folded into {@link #states} by {@link #merge}. */
		final Map<Long, PackedGroups> packed = new TreeMap<>();

		/** The earliest covered start of a segment with selected rows: the timestamp of granularity all. */
		long earliestCovered = Long.MAX_VALUE;

	}

	/** The groups of one segment: mergeable with those of other segments by {@link #merge}. */
	Groups runSegment(Segment segment, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, SegmentTopN topN, GroupValueIds ids,
			QueryControl control) {
		Groups groups = new Groups();
		runOne(segment, intervals, granularity, filter, dimensions, aggregations, topN, ids, groups, control);
		return groups;
	}

	/**
	 * Merges per-segment groups by value, in the order given: packed groups on their long keys,
	 * then everything by value into {@link Groups#states}.
	 */
	Groups merge(List<Groups> partials, GroupValueIds ids, QueryControl control) {
		Groups merged = new Groups();
		for (Groups partial : partials) {
			merged.earliestCovered = Math.min(merged.earliestCovered, partial.earliestCovered);
			for (Map.Entry<GroupKey, AggregateState[]> entry : partial.states.entrySet()) {
				merge(merged, entry.getKey().bucket(), entry.getKey().values(), entry.getValue());
			}
			int packedGroups = 0;
			for (Map.Entry<Long, PackedGroups> bucket : partial.packed.entrySet()) {
				PackedGroups target = merged.packed.computeIfAbsent(bucket.getKey(), key -> new PackedGroups());
				target.addAll(bucket.getValue());
				packedGroups += target.size();
			}
			control.checkGroups(merged.states.size() + packedGroups);
		}
		for (Map.Entry<Long, PackedGroups> bucket : merged.packed.entrySet()) {
			PackedGroups groups = bucket.getValue();
			for (int slot = 0; slot < groups.size(); slot++) {
				merge(merged, bucket.getKey(), ids.values(groups.key(slot)), groups.states(slot));
			}
		}
		merged.packed.clear();
		return merged;
	}

	/** A segment-local group key: bucket and per-dimension local ids. */
	private record LocalKey(long bucket, int[] ids) {

		@Override
		public boolean equals(Object other) {
			return other instanceof LocalKey key && key.bucket == this.bucket && Arrays.equals(key.ids, this.ids);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.bucket) * 31 + Arrays.hashCode(this.ids);
		}

	}

	private void runOne(Segment segment, List<Interval> intervals, Granularity granularity, DimFilter filter,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, SegmentTopN topN, GroupValueIds ids,
			Groups groups, QueryControl control) {
		List<Interval> covered = new ArrayList<>();
		ImmutableRoaringBitmap rowsToRead = RowSelector.select(segment, intervals, filter, granularity, covered);
		if (rowsToRead.isEmpty()) {
			return;
		}
		// only segments with rows stamp granularity all: one without gives no group (nor row on a data server)
		for (Interval interval : covered) {
			groups.earliestCovered = Math.min(groups.earliestCovered, interval.startMillis());
		}
		List<DimensionValueLookup> lookups = new ArrayList<>();
		for (DimensionSpec dimension : dimensions) {
			lookups.add(new DimensionValueLookup(dimension, segment, granularity));
		}
		List<SegmentAggregator> aggregators = new ArrayList<>();
		for (AggregatorSpec spec : aggregations) {
			aggregators.add(new SegmentAggregator(spec, segment));
		}
		DictionaryGrouper grouper = DictionaryGrouper.forSegment(segment, dimensions, aggregators);
		if (grouper != null) {
			runOnIds(segment, rowsToRead, granularity, grouper, lookups, topN, ids, groups, control);
		}
		else {
			runRowByRow(segment, rowsToRead, granularity, dimensions, lookups, aggregators, aggregations, topN, groups,
					control);
		}
	}

	/** The fast path: batches of rows grouped on dictionary ids, one bucket at a time. */
	private static void runOnIds(Segment segment, ImmutableRoaringBitmap rowsToRead, Granularity granularity,
			DictionaryGrouper grouper, List<DimensionValueLookup> lookups, SegmentTopN topN, GroupValueIds ids,
			Groups groups, QueryControl control) {
		long onlyBucket = TimeseriesEngine.onlyBucket(granularity, segment);
		boolean all = onlyBucket != TimeseriesEngine.NO_SINGLE_BUCKET;
		NumericValues times = all ? null : segment.time().open();
		int[] batch = new int[BATCH];
		long[] batchTimes = new long[BATCH];
		long[] bucket = { all ? onlyBucket : Long.MIN_VALUE };
		long bucketEnd = Long.MIN_VALUE;
		boolean started = false;
		DictionaryGrouper.Sink sink = new PackingSink(grouper, lookups, ids, groups, bucket);
		BatchIterator iterator = rowsToRead.getBatchIterator();
		while (iterator.hasNext()) {
			int count = iterator.nextBatch(batch);
			control.check();
			if (all) {
				grouper.add(batch, 0, count);
				control.checkGroups(grouper.groups());
				started = true;
				continue;
			}
			times.readLongs(batch, count, batchTimes);
			int runStart = 0;
			while (runStart < count) {
				long time = batchTimes[runStart];
				if (!started || time >= bucketEnd || time < bucket[0]) {
					if (started) {
						grouper.emit(sink, topN);
					}
					bucket[0] = granularity.bucketStart(time);
					bucketEnd = granularity.next(bucket[0]);
					started = true;
				}
				int runEnd = runStart + 1;
				while (runEnd < count && batchTimes[runEnd] < bucketEnd) {
					runEnd++;
				}
				grouper.add(batch, runStart, runEnd);
				control.checkGroups(grouper.groups());
				runStart = runEnd;
			}
		}
		if (started) {
			grouper.emit(sink, topN);
		}
	}

	/**
	 * Turns a segment's local ids into query-wide value ids (each local id once: its value, through
	 * the dimension's extraction, then {@link GroupValueIds}) and files the group under its packed
	 * key; a group whose ids do not fit the packing goes by value instead.
	 */
	private static final class PackingSink implements DictionaryGrouper.Sink {

		private final DictionaryGrouper grouper;

		private final List<DimensionValueLookup> lookups;

		private final GroupValueIds ids;

		private final Groups groups;

		private final long[] bucket;

		private final int[][] globalIds;

		PackingSink(DictionaryGrouper grouper, List<DimensionValueLookup> lookups, GroupValueIds ids, Groups groups,
				long[] bucket) {
			this.grouper = grouper;
			this.lookups = lookups;
			this.ids = ids;
			this.groups = groups;
			this.bucket = bucket;
			this.globalIds = new int[lookups.size()][];
			for (int d = 0; d < this.globalIds.length; d++) {
				this.globalIds[d] = new int[grouper.localIds(d)];
				Arrays.fill(this.globalIds[d], -1);
			}
		}

		@Override
		public void group(int[] localIds, AggregateState[] states) {
			long key = 0;
			boolean packs = true;
			int bits = this.ids.bits();
			for (int d = 0; d < localIds.length; d++) {
				int global = this.globalIds[d][localIds[d]];
				if (global < 0) {
					String value = this.lookups.get(d).apply(this.grouper.localValue(d, localIds[d]));
					global = this.ids.id(d, value);
					this.globalIds[d][localIds[d]] = global;
				}
				packs &= bits == 31 ? true : global < (1 << bits);
				key |= (long) global << (d * bits);
			}
			if (packs) {
				this.groups.packed.computeIfAbsent(this.bucket[0], any -> new PackedGroups()).add(key, states);
				return;
			}
			List<String> values = new ArrayList<>(localIds.length);
			for (int d = 0; d < localIds.length; d++) {
				values.add(this.ids.value(d, this.globalIds[d][localIds[d]]));
			}
			merge(this.groups, this.bucket[0], values, states);
		}

	}

	private static void merge(Groups groups, long bucket, List<String> values, AggregateState[] states) {
		AggregateState[] target = groups.states.get(new GroupKey(bucket, values));
		if (target == null) {
			groups.states.put(new GroupKey(bucket, Collections.unmodifiableList(values)), states);
			return;
		}
		for (int a = 0; a < target.length; a++) {
			target[a].merge(states[a]);
		}
	}

	/** The general path (multi-value and numeric dimensions): one row at a time. */
	private void runRowByRow(Segment segment, ImmutableRoaringBitmap rowsToRead, Granularity granularity,
			List<DimensionSpec> dimensions, List<DimensionValueLookup> lookups, List<SegmentAggregator> aggregators,
			List<AggregatorSpec> aggregations,
			SegmentTopN topN, Groups groups, QueryControl control) {
		NumericValues times = segment.time().open();
		List<DimensionReader> readers = new ArrayList<>();
		for (DimensionSpec dimension : dimensions) {
			readers.add(new DimensionReader(segment, dimension.dimension()));
		}
		boolean all = granularity instanceof AllGranularity;
		Map<LocalKey, AggregateState[]> local = new HashMap<>();
		int[] batch = new int[BATCH];
		long[] batchTimes = new long[BATCH];
		int[][] valueIds = new int[readers.size()][];
		int[] counts = new int[readers.size()];
		BatchIterator iterator = rowsToRead.getBatchIterator();
		while (iterator.hasNext()) {
			int count = iterator.nextBatch(batch);
			control.check();
			control.checkGroups(local.size());
			times.readLongs(batch, count, batchTimes);
			for (int i = 0; i < count; i++) {
				int row = batch[i];
				long bucket = all ? TimeseriesEngine.ALL_BUCKET : granularity.bucketStart(batchTimes[i]);
				for (int d = 0; d < readers.size(); d++) {
					counts[d] = readers.get(d).ids(row);
					valueIds[d] = readers.get(d).lastIds();
				}
				addToGroups(local, bucket, valueIds, counts, 0, new int[readers.size()], row, aggregators,
						aggregations);
			}
		}
		Map<Long, List<Map.Entry<LocalKey, AggregateState[]>>> byBucket = new java.util.TreeMap<>();
		for (Map.Entry<LocalKey, AggregateState[]> entry : local.entrySet()) {
			byBucket.computeIfAbsent(entry.getKey().bucket(), key -> new ArrayList<>()).add(entry);
		}
		for (List<Map.Entry<LocalKey, AggregateState[]>> entries : byBucket.values()) {
			int[] chosen = topN == null ? null : topN.choose(entries.stream().map(Map.Entry::getValue).toList());
			int emitted = chosen == null ? entries.size() : chosen.length;
			for (int i = 0; i < emitted; i++) {
				Map.Entry<LocalKey, AggregateState[]> entry = entries.get(chosen == null ? i : chosen[i]);
				List<String> values = new ArrayList<>(readers.size());
				for (int d = 0; d < readers.size(); d++) {
					values.add(lookups.get(d).apply(readers.get(d).value(entry.getKey().ids()[d])));
				}
				merge(groups, entry.getKey().bucket(), values, entry.getValue());
			}
		}
	}

	/** Adds a row to every group its values make (the cross product of its multi-values). */
	private static void addToGroups(Map<LocalKey, AggregateState[]> local, long bucket, int[][] valueIds, int[] counts,
			int dimension, int[] chosen, int row, List<SegmentAggregator> aggregators, List<AggregatorSpec> specs) {
		if (dimension == counts.length) {
			AggregateState[] states = local.computeIfAbsent(new LocalKey(bucket, chosen.clone()),
					key -> TimeseriesEngine.newStates(specs));
			for (int a = 0; a < states.length; a++) {
				aggregators.get(a).aggregateRow(row, states[a]);
			}
			return;
		}
		if (counts[dimension] == 0) {
			chosen[dimension] = DimensionReader.NULL_ID;
			addToGroups(local, bucket, valueIds, counts, dimension + 1, chosen, row, aggregators, specs);
			return;
		}
		int[] ids = valueIds[dimension].clone();
		for (int v = 0; v < counts[dimension]; v++) {
			chosen[dimension] = ids[v];
			addToGroups(local, bucket, valueIds, counts, dimension + 1, chosen, row, aggregators, specs);
		}
	}

	/** Reads one grouping dimension of a segment as local ids. */
	private static final class DimensionReader {

		static final int NULL_ID = -1;

		private final StringColumn strings;

		private final StringValues ids;

		private final NumericValues numbers;

		private final ImmutableRoaringBitmap nulls;

		private final Map<String, Integer> numberIds = new HashMap<>();

		private final List<String> numberValues = new ArrayList<>();

		private final boolean isLong;

		private int[] last = new int[1];

		DimensionReader(Segment segment, String name) {
			ColumnSummary summary = name.equals(Segment.TIME_COLUMN) ? segment.metadata().time()
					: segment.metadata().column(name);
			StringColumn strings = null;
			NumericValues numbers = null;
			ImmutableRoaringBitmap nulls = null;
			boolean isLong = false;
			if (summary != null && summary.type() == io.strata.engine.type.ColumnType.STRING) {
				strings = segment.stringColumn(name);
			}
			else if (summary != null && summary.type().isNumeric()) {
				NumericColumn column = name.equals(Segment.TIME_COLUMN) ? segment.time() : segment.numericColumn(name);
				numbers = column.open();
				nulls = column.nullRows();
				isLong = summary.type() == io.strata.engine.type.ColumnType.LONG;
			}
			this.strings = strings;
			this.ids = strings == null ? null : strings.open();
			this.numbers = numbers;
			this.nulls = nulls;
			this.isLong = isLong;
		}

		/** The ids of a row (see {@link #lastIds()}); zero ids is null. */
		int ids(int row) {
			if (this.strings != null) {
				int count = this.ids.getIds(row);
				this.last = this.ids.lastIds();
				if (count == 1 && this.strings.dictionary().hasNull() && this.last[0] == 0) {
					return 0;
				}
				return count;
			}
			if (this.numbers == null || this.nulls.contains(row)) {
				return 0;
			}
			String value = this.isLong ? Long.toString(this.numbers.getLong(row))
					: Double.toString(this.numbers.getDouble(row));
			Integer id = this.numberIds.get(value);
			if (id == null) {
				id = this.numberValues.size();
				this.numberValues.add(value);
				this.numberIds.put(value, id);
			}
			this.last[0] = id;
			return 1;
		}

		int[] lastIds() {
			return this.last;
		}

		String value(int id) {
			if (id == NULL_ID) {
				return null;
			}
			return this.strings != null ? this.strings.dictionary().get(id) : this.numberValues.get(id);
		}

	}

}
