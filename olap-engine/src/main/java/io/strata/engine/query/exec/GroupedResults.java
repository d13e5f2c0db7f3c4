package io.strata.engine.query.exec;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.HavingSpec;
import io.strata.engine.query.LimitSpec;
import io.strata.engine.query.PostAggregatorSpec;
import io.strata.engine.query.StringOrdering;
import io.strata.engine.query.TopNMetric;
import io.strata.engine.query.TopNQuery;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.IsoTime;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns grouped states into Druid's topN and groupBy result JSON. Stateless. */
final class GroupedResults {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/** The groupBy context key asking for rows as arrays. */
	static final String RESULT_AS_ARRAY = "resultAsArray";

	/** One finalized group: its timestamp and its output columns in Druid's order. */
	private record Row(long timestamp, Map<String, Object> columns) {

	}

	String topN(TopNQuery query, GroupingEngine.Groups groups) {
		TreeMap<Long, List<Row>> byBucket = new TreeMap<>();
		for (Row row : rows(groups, List.of(query.dimension()), query.postAggregations(),
				query.context().finalizeResults())) {
			if (!afterPreviousStop(query, row)) {
				continue;
			}
			byBucket.computeIfAbsent(row.timestamp(), key -> new ArrayList<>()).add(row);
		}
		Comparator<Row> order = topNRanking(query);
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map.Entry<Long, List<Row>> bucket : byBucket.entrySet()) {
			List<Row> rows = bucket.getValue();
			rows.sort(order);
			List<Map<String, Object>> result = new ArrayList<>();
			for (Row row : rows.subList(0, Math.min(query.threshold(), rows.size()))) {
				result.add(row.columns());
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("timestamp", IsoTime.format(bucket.getKey(), query.granularity().resultZone()));
			entry.put("result", result);
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	/**
	 * What a data server answering with {@code finalize: false} keeps of a topN: per result
	 * timestamp, the keys of its best {@code keep} groups in topN order (post-aggregators are
	 * computed to rank by, then dropped: the broker computes them again after merging).
	 */
	TreeMap<Long, List<GroupingEngine.GroupKey>> topNKeys(TopNQuery query, GroupingEngine.Groups groups, int keep) {
		Comparator<Row> order = topNRanking(query);
		TreeMap<Long, List<Map.Entry<Row, GroupingEngine.GroupKey>>> byBucket = new TreeMap<>();
		for (Map.Entry<GroupingEngine.GroupKey, AggregateState[]> entry : groups.states.entrySet()) {
			Row row = row(entry, groups.earliestCovered, List.of(query.dimension()), query.postAggregations(),
					query.context().finalizeResults());
			if (!afterPreviousStop(query, row)) {
				continue;
			}
			byBucket.computeIfAbsent(row.timestamp(), key -> new ArrayList<>()).add(Map.entry(row, entry.getKey()));
		}
		TreeMap<Long, List<GroupingEngine.GroupKey>> kept = new TreeMap<>();
		for (Map.Entry<Long, List<Map.Entry<Row, GroupingEngine.GroupKey>>> bucket : byBucket.entrySet()) {
			List<Map.Entry<Row, GroupingEngine.GroupKey>> rows = bucket.getValue();
			rows.sort(Map.Entry.comparingByKey(order));
			List<GroupingEngine.GroupKey> keys = new ArrayList<>();
			for (Map.Entry<Row, GroupingEngine.GroupKey> row : rows.subList(0, Math.min(keep, rows.size()))) {
				keys.add(row.getValue());
			}
			kept.put(bucket.getKey(), keys);
		}
		return kept;
	}

	/**
	 * Whether a row is past a dimension ordering's {@code previousStop}: as Druid, the value's text
	 * must come strictly after it in the topN's order (before it in the ordering when inverted).
	 */
	private static boolean afterPreviousStop(TopNQuery query, Row row) {
		TopNMetric metric = query.metric();
		boolean inverted = false;
		while (metric instanceof TopNMetric.Inverted inner) {
			metric = inner.metric();
			inverted = !inverted;
		}
		if (!(metric instanceof TopNMetric.Dimension dimension) || dimension.previousStop() == null) {
			return true;
		}
		Object value = row.columns().get(query.dimension().outputName());
		int comparison = dimension.ordering().compare(value == null ? null : value.toString(), dimension.previousStop());
		return inverted ? comparison < 0 : comparison > 0;
	}

	/** The topN order of rows: by the metric, ties to the smaller value, so equal metrics come out stably. */
	private static Comparator<Row> topNRanking(TopNQuery query) {
		String name = query.dimension().outputName();
		return topNOrder(query.metric(), name)
			.thenComparing((left, right) -> compareValues(left.columns().get(name), right.columns().get(name),
					StringOrdering.LEXICOGRAPHIC));
	}

	/**
	 * Druid's groupBy rows. With a {@code subtotalsSpec}, each grouping's rows (in time and
	 * dimension order) follow the previous grouping's; {@code having} and the limitSpec then apply
	 * to them all together, as Druid post-processes the concatenation: a limitSpec sorts it stably
	 * by time (unless the granularity is all) and its columns, so groupings interleave only where
	 * that order asks.
	 */
	String groupBy(GroupByQuery query, GroupingEngine.Groups groups) {
		// Druid stamps a groupBy of granularity "all" with the start of its first interval
		groups.earliestCovered = query.intervals().getFirst().startMillis();
		Comparator<Row> natural = Comparator.comparingLong(Row::timestamp);
		for (DimensionSpec dimension : query.dimensions()) {
			// strings by UTF-8 bytes, numeric output types as numbers, nulls first
			natural = natural.thenComparing((left, right) -> compareValues(left.columns().get(dimension.outputName()),
					right.columns().get(dimension.outputName()), StringOrdering.LEXICOGRAPHIC));
		}
		List<Row> rows;
		if (query.subtotalsSpec() == null) {
			rows = rows(groups, query.dimensions(), query.postAggregations(), query.context().finalizeResults());
			rows.sort(natural);
		}
		else {
			rows = new ArrayList<>();
			for (List<String> subtotal : query.subtotalsSpec()) {
				List<Row> grouping = rows(Subtotals.regroup(groups, query.dimensions(), subtotal, query.aggregations()),
						query.dimensions(), query.postAggregations(), query.context().finalizeResults());
				grouping.sort(natural);
				rows.addAll(grouping);
			}
		}
		if (query.having() != null) {
			rows.removeIf(row -> !having(query.having(), row.columns()));
		}
		LimitSpec limitSpec = query.limitSpec();
		if (limitSpec != null && (!limitSpec.columns().isEmpty() || query.subtotalsSpec() != null)) {
			rows.sort(limitOrder(query, limitSpec));
		}
		if (limitSpec != null) {
			int from = Math.min(limitSpec.offset(), rows.size());
			int to = limitSpec.limit() == null ? rows.size() : Math.min(rows.size(), from + limitSpec.limit());
			rows = new ArrayList<>(rows.subList(from, to));
		}
		if (query.context().getBoolean(RESULT_AS_ARRAY, false)) {
			return MAPPER.writeValueAsString(arrayRows(query, rows));
		}
		List<Map<String, Object>> out = new ArrayList<>();
		ZoneId zone = query.granularity().resultZone();
		for (Row row : rows) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("version", "v1");
			entry.put("timestamp", IsoTime.format(row.timestamp(), zone));
			entry.put("event", row.columns());
			out.add(entry);
		}
		return MAPPER.writeValueAsString(out);
	}

	/**
	 * Druid's array form of groupBy rows (its {@code ResultRow}): the bucket's epoch millis first
	 * unless the granularity is all (every row would share it), then the dimensions, aggregators and
	 * post-aggregators in query order, each value as the object form has it.
	 */
	private static List<List<Object>> arrayRows(GroupByQuery query, List<Row> rows) {
		boolean timestamp = !(query.granularity() instanceof AllGranularity);
		List<String> names = new ArrayList<>();
		query.dimensions().forEach(dimension -> names.add(dimension.outputName()));
		query.aggregations().forEach(aggregation -> names.add(aggregation.name()));
		query.postAggregations().forEach(post -> names.add(post.name()));
		List<List<Object>> out = new ArrayList<>(rows.size());
		for (Row row : rows) {
			List<Object> values = new ArrayList<>(names.size() + 1);
			if (timestamp) {
				values.add(row.timestamp());
			}
			for (String name : names) {
				values.add(row.columns().get(name));
			}
			out.add(values);
		}
		return out;
	}

	/**
	 * Druid's limitSpec order: time first (unless the granularity is all, or the context's
	 * {@code sortByDimsFirst} puts it last), then the ordering columns; the sort is stable, so ties
	 * keep the rows' order before it.
	 */
	private static Comparator<Row> limitOrder(GroupByQuery query, LimitSpec limitSpec) {
		Comparator<Row> byColumns = (left, right) -> 0;
		for (LimitSpec.OrderByColumn column : limitSpec.columns()) {
			Comparator<Row> one = (left, right) -> compareValues(left.columns().get(column.dimension()),
					right.columns().get(column.dimension()), column.dimensionOrder());
			byColumns = byColumns.thenComparing(column.descending() ? one.reversed() : one);
		}
		if (query.granularity() instanceof AllGranularity) {
			return byColumns;
		}
		Comparator<Row> byTime = Comparator.comparingLong(Row::timestamp);
		return query.context().getBoolean("sortByDimsFirst", false) ? byColumns.thenComparing(byTime)
				: byTime.thenComparing(byColumns);
	}

	private static List<Row> rows(GroupingEngine.Groups groups, List<DimensionSpec> dimensions,
			List<PostAggregatorSpec> postAggregations, boolean finalize) {
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<GroupingEngine.GroupKey, AggregateState[]> entry : groups.states.entrySet()) {
			rows.add(row(entry, groups.earliestCovered, dimensions, postAggregations, finalize));
		}
		return rows;
	}

	private static Row row(Map.Entry<GroupingEngine.GroupKey, AggregateState[]> entry, long earliestCovered,
			List<DimensionSpec> dimensions, List<PostAggregatorSpec> postAggregations, boolean finalize) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int d = 0; d < dimensions.size(); d++) {
			columns.put(dimensions.get(d).outputName(),
					DimensionOutput.typed(entry.getKey().values().get(d), dimensions.get(d).outputType()));
		}
		Map<String, AggregateState> byName = new LinkedHashMap<>();
		for (AggregateState state : entry.getValue()) {
			columns.put(state.spec.name(), state.outputValue(finalize));
			byName.put(state.spec.name(), state);
		}
		for (PostAggregatorSpec post : postAggregations) {
			columns.put(post.name(), PostAggregation.evaluate(post, byName, columns));
		}
		long bucket = entry.getKey().bucket();
		return new Row(bucket == TimeseriesEngine.ALL_BUCKET ? earliestCovered : bucket, columns);
	}

	private static Comparator<Row> topNOrder(TopNMetric metric, String dimension) {
		return switch (metric) {
			case TopNMetric.Numeric numeric -> (left, right) -> {
				if (!left.columns().containsKey(numeric.metric())) {
					throw StrataException.invalidInput("topN metric[%s] is not an aggregator or post-aggregator",
							numeric.metric());
				}
				// largest first, nulls last
				return compareValues(right.columns().get(numeric.metric()), left.columns().get(numeric.metric()),
						StringOrdering.NUMERIC);
			};
			case TopNMetric.Dimension ordering -> (left, right) -> compareValues(left.columns().get(dimension),
					right.columns().get(dimension), ordering.ordering());
			case TopNMetric.Inverted inverted -> topNOrder(inverted.metric(), dimension).reversed();
		};
	}

	/** Ascending, nulls first; two numbers numerically, anything else as text in {@code ordering}. */
	private static int compareValues(Object left, Object right, StringOrdering ordering) {
		if (left == null || right == null) {
			return left == null ? (right == null ? 0 : -1) : 1;
		}
		if (left instanceof Number a && right instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		return ordering.compare(left.toString(), right.toString());
	}

	private static boolean having(HavingSpec having, Map<String, Object> row) {
		return switch (having) {
			case HavingSpec.Compare compare -> {
				Object value = row.get(compare.aggregation());
				if (!(value instanceof Number number)) {
					yield false;
				}
				int comparison = Double.compare(number.doubleValue(), compare.value());
				yield switch (compare.type()) {
					case "greaterThan" -> comparison > 0;
					case "lessThan" -> comparison < 0;
					default -> comparison == 0;
				};
			}
			case HavingSpec.DimSelector selector -> java.util.Objects.equals(row.get(selector.dimension()),
					selector.value());
			case HavingSpec.And and -> and.havingSpecs().stream().allMatch(inner -> having(inner, row));
			case HavingSpec.Or or -> or.havingSpecs().stream().anyMatch(inner -> having(inner, row));
			case HavingSpec.Not not -> !having(not.havingSpec(), row);
			case HavingSpec.Filter filter ->
				new RowMatcher(filter.filter(), RowMatcher.NumberEquality.NUMERIC).matches(row::get);
		};
	}

}
