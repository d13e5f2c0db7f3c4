package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@code timeseries} query on segments: per segment, the query intervals become row ranges
 * (binary search on the sorted time column), the filter becomes a bitmap, and the selected rows
 * are read in batches and folded into one state per time bucket; bucket states then merge across
 * segments by bucket start. Stateless; each call is single-threaded.
 */
public final class TimeseriesEngine {

	private static final int BATCH = 4096;

	/** The key of the single bucket of granularity all. */
	static final long ALL_BUCKET = Long.MIN_VALUE;

	/** Per-bucket states of a query over some segments, mergeable with other partials. */
	public static final class Partial {

		final TreeMap<Long, AggregateState[]> buckets = new TreeMap<>();

		final List<Interval> coveredIntervals = new ArrayList<>();

		/**
		 * The earliest covered start of a segment that had selected rows: what granularity all is
		 * stamped with under {@code skipEmptyBuckets}, where segments without rows give no row.
		 */
		long earliestWithRows = Long.MAX_VALUE;

	}

	public Partial run(TimeseriesQuery query, List<Segment> segments) {
		QueryControl control = QueryControl.unlimited();
		List<Partial> partials = new ArrayList<>();
		for (Segment segment : segments) {
			partials.add(runSegment(query, segment, control));
		}
		return merge(query, partials);
	}

	/** The partial of one segment: mergeable with those of other segments and servers. */
	Partial runSegment(TimeseriesQuery query, Segment segment, QueryControl control) {
		Partial partial = new Partial();
		runOne(query, segment, partial, control);
		return partial;
	}

	private void runOne(TimeseriesQuery query, Segment segment, Partial partial, QueryControl control) {
		NumericValues times = segment.time().open();
		int coveredBefore = partial.coveredIntervals.size();
		ImmutableRoaringBitmap rowsToRead = RowSelector.select(segment, query.intervals(), query.filter(),
				query.granularity(), partial.coveredIntervals);
		if (rowsToRead.isEmpty()) {
			return;
		}
		for (Interval covered : partial.coveredIntervals.subList(coveredBefore, partial.coveredIntervals.size())) {
			partial.earliestWithRows = Math.min(partial.earliestWithRows, covered.startMillis());
		}
		List<AggregatorSpec> specs = query.aggregations();
		List<SegmentAggregator> aggregators = new ArrayList<>();
		for (AggregatorSpec spec : specs) {
			aggregators.add(new SegmentAggregator(spec, segment));
		}
		Granularity granularity = query.granularity();
		boolean all = granularity instanceof AllGranularity;
		int[] batch = new int[BATCH];
		long[] batchTimes = new long[BATCH];
		BatchIterator iterator = rowsToRead.getBatchIterator();
		long bucketStart = Long.MIN_VALUE;
		long bucketEnd = Long.MIN_VALUE;
		AggregateState[] states = null;
		long onlyBucket = onlyBucket(granularity, segment);
		if (onlyBucket != NO_SINGLE_BUCKET) {
			// every row falls in one bucket: the time column need not be read at all
			AggregateState[] allStates = partial.buckets.computeIfAbsent(onlyBucket, key -> newStates(specs));
			while (iterator.hasNext()) {
				int count = iterator.nextBatch(batch);
				control.check();
				for (int a = 0; a < aggregators.size(); a++) {
					aggregators.get(a).aggregate(batch, 0, count, allStates[a]);
				}
			}
			return;
		}
		while (iterator.hasNext()) {
			int count = iterator.nextBatch(batch);
			control.check();
			times.readLongs(batch, count, batchTimes);
			int runStart = 0;
			while (runStart < count) {
				long time = batchTimes[runStart];
				if (states == null || time >= bucketEnd || time < bucketStart) {
					bucketStart = granularity.bucketStart(time);
					bucketEnd = granularity.next(bucketStart);
					states = partial.buckets.computeIfAbsent(bucketStart, key -> newStates(specs));
				}
				int runEnd = runStart + 1;
				while (runEnd < count && batchTimes[runEnd] < bucketEnd) {
					runEnd++;
				}
				for (int a = 0; a < aggregators.size(); a++) {
					aggregators.get(a).aggregate(batch, runStart, runEnd, states[a]);
				}
				runStart = runEnd;
			}
		}
	}

	/** Returned by {@link #onlyBucket} when a segment's rows may fall in several buckets. */
	static final long NO_SINGLE_BUCKET = Long.MAX_VALUE;

	/**
	 * The one bucket every row of {@code segment} falls in ({@link #ALL_BUCKET} for granularity
	 * all), or {@link #NO_SINGLE_BUCKET}: a day segment queried by day or coarser needs no time
	 * column at all.
	 */
	static long onlyBucket(Granularity granularity, Segment segment) {
		if (granularity instanceof AllGranularity) {
			return ALL_BUCKET;
		}
		Interval interval = segment.id().interval();
		long bucket = granularity.bucketStart(interval.startMillis());
		return granularity.next(bucket) >= interval.endMillis() ? bucket : NO_SINGLE_BUCKET;
	}

	static AggregateState[] newStates(List<AggregatorSpec> specs) {
		AggregateState[] states = new AggregateState[specs.size()];
		for (int i = 0; i < states.length; i++) {
			states[i] = new AggregateState(specs.get(i));
		}
		return states;
	}

	/** Merges partials of one query (from other segments or other servers). */
	public Partial merge(TimeseriesQuery query, List<Partial> partials) {
		Partial merged = new Partial();
		for (Partial partial : partials) {
			merged.coveredIntervals.addAll(partial.coveredIntervals);
			merged.earliestWithRows = Math.min(merged.earliestWithRows, partial.earliestWithRows);
			for (Map.Entry<Long, AggregateState[]> entry : partial.buckets.entrySet()) {
				AggregateState[] target = merged.buckets.computeIfAbsent(entry.getKey(),
						key -> newStates(query.aggregations()));
				for (int i = 0; i < target.length; i++) {
					target[i].merge(entry.getValue()[i]);
				}
			}
		}
		return merged;
	}

}
