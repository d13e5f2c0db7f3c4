package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.DataSourceMetadataQuery;
import io.strata.engine.query.DimensionSpec;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.Query;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.query.SearchQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.query.TopNQuery;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The broker-side merge: the answers data servers gave to a query run with {@code finalize:
 * false} ({@link IntermediateResults}), each over its own segments, merged into the answer the
 * query has over all those segments, as Druid's broker merges them. Aggregating queries rebuild
 * the per-bucket or per-group states from the intermediate values and finish through the same
 * writers a single server uses ({@link TimeseriesResults}, {@link GroupedResults}), so merging,
 * post-aggregators, having, limits and subtotals happen once, on the whole result. Scans
 * concatenate in segment order or merge by time ({@link ScanResultMerger}); the other types
 * combine what each server found ({@link MetadataResultMerger}). Stateless.
 */
final class ResultMerger {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private final TimeseriesResults timeseriesResults = new TimeseriesResults();

	private final GroupedResults groupedResults = new GroupedResults();

	/** @param answers the data servers' JSON answers, in the order the servers are known to the broker */
	String merge(Query query, List<String> answers, QueryControl control) {
		List<JsonNode> parsed = parse(answers);
		return switch (query) {
			case TimeseriesQuery timeseries -> this.timeseriesResults.toJson(
					this.timeseriesResults.rows(timeseries, timeseriesPartial(timeseries, parsed), control),
					timeseries.granularity().resultZone());
			case TopNQuery topN -> this.groupedResults.topN(topN, topNGroups(topN, parsed, control));
			case GroupByQuery groupBy -> this.groupedResults.groupBy(groupBy, groupByGroups(groupBy, parsed, control));
			case ScanQuery scan -> ScanResultMerger.merge(scan, parsed, control);
			case SearchQuery search -> MetadataResultMerger.search(search, parsed);
			case TimeBoundaryQuery boundary -> MetadataResultMerger.timeBoundary(boundary, parsed);
			case SegmentMetadataQuery segmentMetadata -> MetadataResultMerger.segmentMetadata(segmentMetadata, parsed);
			case DataSourceMetadataQuery dataSourceMetadata -> MetadataResultMerger.dataSourceMetadata(parsed);
		};
	}

	private static List<JsonNode> parse(List<String> answers) {
		List<JsonNode> parsed = new ArrayList<>(answers.size());
		for (int i = 0; i < answers.size(); i++) {
			JsonNode tree;
			try {
				tree = MAPPER.readTree(answers.get(i));
			}
			catch (JacksonException ex) {
				throw new StrataException(ErrorCode.UNKNOWN, "Data server answer[" + i + "] is not valid JSON", ex);
			}
			if (tree == null || !tree.isArray()) {
				throw IntermediateValue.malformed("[" + i + "]", "is not a JSON array");
			}
			parsed.add(tree);
		}
		return parsed;
	}

	/**
	 * One partial of every server's buckets. A bucket's timestamp is its key, except under
	 * granularity all, where each server stamped its one row with the earliest start of its data:
	 * the merged row keeps the earliest of them.
	 */
	private static TimeseriesEngine.Partial timeseriesPartial(TimeseriesQuery query, List<JsonNode> answers) {
		boolean all = query.granularity() instanceof AllGranularity;
		TimeseriesEngine.Partial partial = new TimeseriesEngine.Partial();
		for (int a = 0; a < answers.size(); a++) {
			for (int r = 0; r < answers.get(a).size(); r++) {
				String where = "[" + a + "][" + r + "]";
				JsonNode row = answers.get(a).get(r);
				long time = timestamp(row, where);
				AggregateState[] states = states(query.aggregations(), object(row, "result", where), where + ".result");
				if (all) {
					partial.coveredIntervals.add(new Interval(time, time + 1));
					partial.earliestWithRows = Math.min(partial.earliestWithRows, time);
				}
				mergeInto(partial.buckets.computeIfAbsent(all ? TimeseriesEngine.ALL_BUCKET : time,
						key -> TimeseriesEngine.newStates(query.aggregations())), states);
			}
		}
		return partial;
	}

	private static GroupingEngine.Groups topNGroups(TopNQuery query, List<JsonNode> answers, QueryControl control) {
		boolean all = query.granularity() instanceof AllGranularity;
		GroupingEngine.Groups groups = new GroupingEngine.Groups();
		for (int a = 0; a < answers.size(); a++) {
			for (int b = 0; b < answers.get(a).size(); b++) {
				String where = "[" + a + "][" + b + "]";
				JsonNode bucket = answers.get(a).get(b);
				long time = timestamp(bucket, where);
				JsonNode result = bucket.get("result");
				if (result == null || !result.isArray()) {
					throw IntermediateValue.malformed(where + ".result", "is not an array");
				}
				for (int v = 0; v < result.size(); v++) {
					addGroup(groups, all, time, result.get(v), List.of(query.dimension()), query.aggregations(),
							where + ".result[" + v + "]");
				}
			}
			control.checkGroups(groups.states.size());
		}
		return groups;
	}

	private static GroupingEngine.Groups groupByGroups(GroupByQuery query, List<JsonNode> answers,
			QueryControl control) {
		boolean all = query.granularity() instanceof AllGranularity;
		GroupingEngine.Groups groups = new GroupingEngine.Groups();
		for (int a = 0; a < answers.size(); a++) {
			for (int r = 0; r < answers.get(a).size(); r++) {
				String where = "[" + a + "][" + r + "]";
				JsonNode row = answers.get(a).get(r);
				addGroup(groups, all, timestamp(row, where), object(row, "event", where), query.dimensions(),
						query.aggregations(), where + ".event");
			}
			control.checkGroups(groups.states.size());
		}
		return groups;
	}

	/** Adds one server's group: its values back to the canonical text groups are keyed on. */
	private static void addGroup(GroupingEngine.Groups groups, boolean all, long time, JsonNode columns,
			List<DimensionSpec> dimensions, List<AggregatorSpec> aggregations, String where) {
		if (!columns.isObject()) {
			throw IntermediateValue.malformed(where, "is not an object");
		}
		List<String> values = new ArrayList<>(dimensions.size());
		for (DimensionSpec dimension : dimensions) {
			JsonNode value = columns.get(dimension.outputName());
			String text = value == null || value.isNull() ? null
					: value.isNumber() ? value.numberValue().toString() : value.asString();
			values.add(DimensionOutput.canonical(text, dimension.outputType()));
		}
		if (all) {
			groups.earliestCovered = Math.min(groups.earliestCovered, time);
		}
		GroupingEngine.GroupKey key = new GroupingEngine.GroupKey(all ? TimeseriesEngine.ALL_BUCKET : time,
				Collections.unmodifiableList(values));
		mergeInto(groups.states.computeIfAbsent(key, any -> TimeseriesEngine.newStates(aggregations)),
				states(aggregations, columns, where));
	}

	private static AggregateState[] states(List<AggregatorSpec> aggregations, JsonNode values, String where) {
		AggregateState[] states = new AggregateState[aggregations.size()];
		for (int i = 0; i < states.length; i++) {
			AggregatorSpec spec = aggregations.get(i);
			states[i] = IntermediateValue.read(spec, values.get(spec.name()), where + "." + spec.name());
		}
		return states;
	}

	private static void mergeInto(AggregateState[] target, AggregateState[] states) {
		for (int i = 0; i < target.length; i++) {
			target[i].merge(states[i]);
		}
	}

	static long timestamp(JsonNode row, String where) {
		JsonNode timestamp = row.get("timestamp");
		if (timestamp == null || !timestamp.isString()) {
			throw IntermediateValue.malformed(where + ".timestamp", "is not an ISO-8601 time");
		}
		try {
			return IsoTime.parse(timestamp.stringValue());
		}
		catch (IllegalArgumentException ex) {
			throw IntermediateValue.malformed(where + ".timestamp", "is not an ISO-8601 time: " + ex.getMessage());
		}
	}

	static JsonNode object(JsonNode row, String field, String where) {
		JsonNode value = row.get(field);
		if (value == null || !value.isObject()) {
			throw IntermediateValue.malformed(where + "." + field, "is not an object");
		}
		return value;
	}

}
