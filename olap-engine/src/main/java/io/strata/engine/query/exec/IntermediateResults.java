package io.strata.engine.query.exec;

import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.Query;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.query.TopNQuery;
import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.time.IsoTime;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a data server answers when the broker marks the query with the context key {@value
 * #PARTIAL} (Strata's broker-to-data-server protocol; a user's {@code finalize: false} only leaves
 * aggregator values unfinalized, as in Druid): Druid's result shapes holding intermediate
 * aggregator values ({@link IntermediateValue}), without the steps that only make sense on the
 * whole result. No post-aggregators; no groupBy having, limitSpec or subtotals; no timeseries
 * grand total. Timeseries still applies its limit and topN keeps its best {@code max(threshold,
 * minTopNThreshold)} values per bucket, as Druid's data servers do; {@link ResultMerger} does the
 * rest on the broker. Stateless.
 */
public final class IntermediateResults {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/** The context key the broker sets on the queries it fans out to data servers. */
	public static final String PARTIAL = "strataPartialResults";

	private final TimeseriesResults timeseriesResults = new TimeseriesResults();

	private final GroupedResults groupedResults = new GroupedResults();

	static boolean requested(Query query) {
		return query.context().getBoolean(PARTIAL, false);
	}

	/** Timeseries buckets in result order, filled, stamped and limited; values intermediate. */
	String timeseries(TimeseriesQuery query, TimeseriesEngine.Partial merged, QueryControl control) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map.Entry<Long, AggregateState[]> bucket : this.timeseriesResults.buckets(query, merged, control)) {
			Map<String, Object> result = new LinkedHashMap<>();
			for (AggregateState state : bucket.getValue()) {
				result.put(state.spec.name(), IntermediateValue.of(state));
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("timestamp", IsoTime.format(bucket.getKey(), query.granularity().resultZone()));
			entry.put("result", result);
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	/** TopN buckets, each with this server's best values in topN order; values intermediate. */
	String topN(TopNQuery query, GroupingEngine.Groups groups) {
		List<DimensionSpec> dimensions = List.of(query.dimension());
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map.Entry<Long, List<GroupingEngine.GroupKey>> bucket : this.groupedResults
			.topNKeys(query, groups, SegmentTopN.keep(query))
			.entrySet()) {
			List<Map<String, Object>> result = new ArrayList<>();
			for (GroupingEngine.GroupKey key : bucket.getValue()) {
				result.add(columns(key, groups.states.get(key), dimensions));
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("timestamp", IsoTime.format(bucket.getKey(), query.granularity().resultZone()));
			entry.put("result", result);
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	/** Every group as a classic groupBy row, in time and dimension order; values intermediate. */
	String groupBy(GroupByQuery query, GroupingEngine.Groups groups) {
		List<GroupingEngine.GroupKey> keys = new ArrayList<>(groups.states.keySet());
		Comparator<GroupingEngine.GroupKey> order = Comparator.comparingLong(GroupingEngine.GroupKey::bucket);
		for (int d = 0; d < query.dimensions().size(); d++) {
			int dimension = d;
			order = order.thenComparing(key -> key.values().get(dimension),
					Comparator.nullsFirst(Utf8Order.INSTANCE));
		}
		keys.sort(order);
		List<Map<String, Object>> out = new ArrayList<>();
		for (GroupingEngine.GroupKey key : keys) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("version", "v1");
			entry.put("timestamp",
					IsoTime.format(key.bucket() == TimeseriesEngine.ALL_BUCKET ? query.intervals().getFirst().startMillis()
							: key.bucket(), query.granularity().resultZone()));
			entry.put("event", columns(key, groups.states.get(key), query.dimensions()));
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	private static Map<String, Object> columns(GroupingEngine.GroupKey key, AggregateState[] states,
			List<DimensionSpec> dimensions) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int d = 0; d < dimensions.size(); d++) {
			columns.put(dimensions.get(d).outputName(),
					DimensionOutput.typed(key.values().get(d), dimensions.get(d).outputType()));
		}
		for (AggregateState state : states) {
			columns.put(state.spec.name(), IntermediateValue.of(state));
		}
		return columns;
	}

	/**
	 * The scan a data server runs: the first {@code offset + limit} rows and no offset, since which
	 * rows the offset skips is only known once the broker has every server's rows.
	 */
	static ScanQuery scan(ScanQuery query) {
		if (query.offset() == 0) {
			return query;
		}
		Long limit = query.limit() == null ? null
				: query.limit() > Long.MAX_VALUE - query.offset() ? Long.MAX_VALUE : query.offset() + query.limit();
		return new ScanQuery(query.dataSource(), query.intervals(), query.filter(), query.columns(),
				query.compactedList(), query.order(), limit, 0, query.context(), query.virtualColumns(),
				query.batchSize());
	}

}
