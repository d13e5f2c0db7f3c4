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
 * segments filled (count 0, other aggregators null) unless {@code skipEmptyBuckets}, finalized
 * values, post-aggregators, {@code descending}, {@code limit}, and a {@code grandTotal} row last.
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
		TreeMap<Long, AggregateState[]> buckets = new TreeMap<>(merged.buckets);
		Granularity granularity = query.granularity();
		if (granularity instanceof AllGranularity && !merged.coveredIntervals.isEmpty()) {
			// Druid stamps the one row with the earliest start of the queried segments' data
			long start = merged.coveredIntervals.stream().mapToLong(Interval::startMillis).min().orElseThrow();
			AggregateState[] all = buckets.remove(TimeseriesEngine.ALL_BUCKET);
			if (all != null) {
				buckets.put(start, all);
			}
		}
		if (!query.context().getBoolean("skipEmptyBuckets", false) && !(granularity instanceof AllGranularity)) {
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
				&& !query.context().getBoolean("skipEmptyBuckets", false)) {
			long start = merged.coveredIntervals.stream().mapToLong(Interval::startMillis).min().orElseThrow();
			buckets.put(start, TimeseriesEngine.newStates(query.aggregations()));
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<Long, AggregateState[]> entry : buckets.entrySet()) {
			rows.add(new Row(entry.getKey(), values(query, entry.getValue())));
		}
		if (query.descending()) {
			Collections.reverse(rows);
		}
		if (query.limit() != null && rows.size() > query.limit()) {
			rows = new ArrayList<>(rows.subList(0, query.limit()));
		}
		if (query.context().getBoolean("grandTotal", false)) {
			AggregateState[] total = TimeseriesEngine.newStates(query.aggregations());
			for (AggregateState[] states : merged.buckets.values()) {
				for (int i = 0; i < total.length; i++) {
					total[i].merge(states[i]);
				}
			}
			rows.add(new Row(null, values(query, total)));
		}
		return rows;
	}

	private static Map<String, Object> values(TimeseriesQuery query, AggregateState[] states) {
		Map<String, Object> result = new LinkedHashMap<>();
		Map<String, AggregateState> byName = new LinkedHashMap<>();
		for (AggregateState state : states) {
			result.put(state.spec.name(), state.finalValue());
			byName.put(state.spec.name(), state);
		}
		for (PostAggregatorSpec post : query.postAggregations()) {
			result.put(post.name(), PostAggregation.evaluate(post, byName, result));
		}
		return result;
	}

	/** Druid's JSON: {@code [{"timestamp": "...", "result": {...}}, ...]}, timestamps in UTC. */
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
			if (row.timestamp() != null) {
				entry.put("timestamp", IsoTime.format(row.timestamp(), zone));
			}
			entry.put("result", row.result());
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

}
