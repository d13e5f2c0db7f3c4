package io.strata.engine.query.exec;

import io.strata.engine.query.PostAggregatorSpec;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns merged timeseries states into Druid's result rows: empty buckets inside the queried
 * segments filled (count 0, other aggregators null) unless {@code skipEmptyBuckets}, Druid's null
 * row for granularity all without data, finalized values, post-aggregators, {@code descending},
 * {@code limit}, and a {@code grandTotal} row last.
 */
public final class TimeseriesResults {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/** One result row; {@code timestamp} is null for the grand total. */
	public record Row(Long timestamp, Map<String, Object> result) {

	}

	public List<Row> rows(TimeseriesQuery query, TimeseriesEngine.Partial merged) {
		return rows(query, merged, QueryControl.unlimited());
	}

	List<Row> rows(TimeseriesQuery query, TimeseriesEngine.Partial merged, QueryControl control) {
		List<Map.Entry<Long, AggregateState[]>> buckets = buckets(query, merged, control);
		if (buckets.isEmpty() && query.granularity() instanceof AllGranularity
				&& !query.context().getBoolean("skipEmptyBuckets", false)) {
			// Druid's merge answers granularity all with its null row when no segment gave one (none
			// holds rows in the intervals): stamped with the first interval's start. Only the final
			// merge adds it, so data servers' partial answers never carry a stamp of their own.
			buckets = List.of(Map.entry(query.intervals().getFirst().startMillis(),
					TimeseriesEngine.newStates(query.aggregations())));
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<Long, AggregateState[]> entry : buckets) {
			rows.add(new Row(entry.getKey(), values(query, entry.getValue())));
		}
		if (query.context().getBoolean("grandTotal", false)) {
			// Druid totals the rows the limit kept, as its merge limits before it totals
			AggregateState[] total = TimeseriesEngine.newStates(query.aggregations());
			for (Map.Entry<Long, AggregateState[]> entry : buckets) {
				for (int i = 0; i < total.length; i++) {
					total[i].merge(entry.getValue()[i]);
				}
			}
			rows.add(new Row(null, values(query, total)));
		}
		return rows;
	}

	/**
	 * The result buckets in output order, before finalization: empty ones filled, {@code all}
	 * stamped, then {@code descending} and {@code limit} applied. A data server answering with
	 * {@code finalize: false} sends these (the limit is safe there: a bucket among the first
	 * {@code limit} overall is among the first {@code limit} of every server holding part of it).
	 */
	List<Map.Entry<Long, AggregateState[]>> buckets(TimeseriesQuery query, TimeseriesEngine.Partial merged,
			QueryControl control) {
		TreeMap<Long, AggregateState[]> buckets = new TreeMap<>(merged.buckets);
		Granularity granularity = query.granularity();
		boolean skipEmpty = query.context().getBoolean("skipEmptyBuckets", false);
		if (granularity instanceof AllGranularity && !merged.coveredIntervals.isEmpty()) {
			// Druid stamps the one row with the earliest start of the queried segments' data (of those
			// with rows when empty buckets are skipped: the others give no row)
			long start = skipEmpty ? merged.earliestWithRows
					: merged.coveredIntervals.stream().mapToLong(Interval::startMillis).min().orElseThrow();
			AggregateState[] all = buckets.remove(TimeseriesEngine.ALL_BUCKET);
			if (all != null) {
				buckets.put(start, all);
			}
		}
		if (!skipEmpty && !(granularity instanceof AllGranularity)) {
			for (Interval covered : merged.coveredIntervals) {
				for (long bucket = granularity.bucketStart(covered.startMillis()); bucket < covered.endMillis();
						bucket = granularity.next(bucket)) {
					buckets.computeIfAbsent(bucket, key -> TimeseriesEngine.newStates(query.aggregations()));
					// empty buckets count against the same limit as groups: a fine granularity over years
					control.checkGroups(buckets.size());
				}
			}
		}
		if (buckets.isEmpty() && granularity instanceof AllGranularity && !merged.coveredIntervals.isEmpty()
				&& !skipEmpty) {
			long start = merged.coveredIntervals.stream().mapToLong(Interval::startMillis).min().orElseThrow();
			buckets.put(start, TimeseriesEngine.newStates(query.aggregations()));
		}
		List<Map.Entry<Long, AggregateState[]>> ordered = new ArrayList<>(buckets.entrySet());
		if (query.descending()) {
			Collections.reverse(ordered);
		}
		if (query.limit() != null && ordered.size() > query.limit()) {
			ordered = new ArrayList<>(ordered.subList(0, query.limit()));
		}
		return ordered;
	}

	private static Map<String, Object> values(TimeseriesQuery query, AggregateState[] states) {
		Map<String, Object> result = new LinkedHashMap<>();
		Map<String, AggregateState> byName = new LinkedHashMap<>();
		boolean finalize = query.context().finalizeResults();
		for (AggregateState state : states) {
			result.put(state.spec.name(), state.outputValue(finalize));
			byName.put(state.spec.name(), state);
		}
		for (PostAggregatorSpec post : query.postAggregations()) {
			result.put(post.name(), PostAggregation.evaluate(post, byName, result));
		}
		return result;
	}

	/**
	 * Druid's JSON: {@code [{"timestamp": "...", "result": {...}}, ...]}, timestamps in UTC; the grand
	 * total's timestamp is null.
	 */
	public String toJson(List<Row> rows) {
		return toJson(rows, ZoneOffset.UTC);
	}

	/**
	 * As {@link #toJson(List)}, timestamps written in {@code zone} with its offset: the query
	 * granularity's {@link io.strata.engine.time.Granularity#resultZone()}.
	 */
	public String toJson(List<Row> rows, ZoneId zone) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("timestamp", row.timestamp() == null ? null : IsoTime.format(row.timestamp(), zone));
			entry.put("result", row.result());
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

}
