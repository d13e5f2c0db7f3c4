package io.strata.engine.query.exec;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.query.DataSourceMetadataQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.time.GranularityJson;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.engine.type.ColumnType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers {@code segmentMetadata} and {@code dataSourceMetadata} from segment metadata alone:
 * no row is read. Stateless.
 */
final class MetadataEngine {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	String segmentMetadata(SegmentMetadataQuery query, List<Segment> segments) {
		List<Map<String, Object>> results = new ArrayList<>();
		for (Segment segment : segments) {
			boolean overlaps = query.intervals().stream().anyMatch(interval -> interval.overlaps(segment.id().interval()));
			if (overlaps) {
				results.add(analyse(query, segment.metadata()));
			}
		}
		return writeSegmentMetadata(query, results);
	}

	/**
	 * Druid's answer for per-segment analyses (or analyses already merged, from data servers): as
	 * they are, or with {@code merge} one analysis with the id {@code merged}.
	 */
	static String writeSegmentMetadata(SegmentMetadataQuery query, List<Map<String, Object>> results) {
		if (query.merge() && results.size() > 1) {
			Map<String, Object> merged = results.getFirst();
			for (Map<String, Object> next : results.subList(1, results.size())) {
				merged = merge(merged, next);
			}
			merged.put("id", "merged");
			results = List.of(merged);
		}
		return MAPPER.writeValueAsString(results);
	}

	private static Map<String, Object> analyse(SegmentMetadataQuery query, SegmentMetadata metadata) {
		List<String> analysis = query.analysisTypes();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", metadata.id().toString());
		result.put("intervals", analysis.contains("interval") ? List.of(metadata.id().interval().toString()) : null);
		Map<String, Object> columns = new TreeMap<>();
		columns.put(metadata.time().name(), column(metadata.time(), analysis));
		for (ColumnSummary dimension : metadata.dimensions()) {
			columns.put(dimension.name(), column(dimension, analysis));
		}
		for (ColumnSummary metric : metadata.metrics()) {
			columns.put(metric.name(), column(metric, analysis));
		}
		result.put("columns", columns);
		if (analysis.contains("aggregators")) {
			Map<String, Object> aggregators = new LinkedHashMap<>();
			for (AggregatorSpec aggregator : metadata.aggregators()) {
				aggregators.put(aggregator.name(), CombiningAggregatorJson.write(aggregator));
			}
			result.put("aggregators", aggregators);
		}
		else {
			result.put("aggregators", null);
		}
		// Druid answers the ingestion timestampSpec its segments record, and null for segments that
		// do not record one (its documented answer for an unknown timestampSpec). Strata's segment
		// files do not record it: the timestamp is parsed at ingestion and only __time is kept.
		result.put("timestampSpec", null);
		result.put("queryGranularity",
				analysis.contains("queryGranularity") ? GranularityJson.write(metadata.queryGranularity()) : null);
		result.put("rollup", analysis.contains("rollup") ? metadata.rollup() : null);
		result.put("size", analysis.contains("size") ? metadata.sizeBytes() : 0L);
		result.put("numRows", metadata.numRows());
		result.put("projections", null);
		return result;
	}

	private static Map<String, Object> column(ColumnSummary summary, List<String> analysis) {
		Map<String, Object> column = new LinkedHashMap<>();
		boolean string = summary.type() == ColumnType.STRING;
		column.put("type", summary.type().isSketch() ? summary.type().druidName().substring(8, summary.type().druidName().length() - 1)
				: summary.type().druidName());
		column.put("typeSignature", summary.type().druidName());
		column.put("hasMultipleValues", summary.hasMultipleValues());
		column.put("hasNulls", summary.hasNulls());
		column.put("size", analysis.contains("size") ? summary.sizeBytes() : 0L);
		column.put("cardinality", string && analysis.contains("cardinality") ? summary.cardinality() : null);
		column.put("minValue", string && analysis.contains("minmax") ? summary.minValue() : null);
		column.put("maxValue", string && analysis.contains("minmax") ? summary.maxValue() : null);
		column.put("errorMessage", null);
		return column;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> left, Map<String, Object> right) {
		Map<String, Object> merged = new LinkedHashMap<>(left);
		if (left.get("intervals") != null && right.get("intervals") != null) {
			List<String> intervals = new ArrayList<>((List<String>) left.get("intervals"));
			intervals.addAll((List<String>) right.get("intervals"));
			merged.put("intervals", condense(intervals));
		}
		Map<String, Object> columns = new TreeMap<>((Map<String, Object>) left.get("columns"));
		((Map<String, Object>) right.get("columns")).forEach((name, value) -> columns.merge(name, value,
				(a, b) -> mergeColumn((Map<String, Object>) a, (Map<String, Object>) b)));
		merged.put("columns", columns);
		if (left.get("aggregators") != null || right.get("aggregators") != null) {
			Map<String, Object> aggregators = new LinkedHashMap<>();
			if (left.get("aggregators") != null) {
				aggregators.putAll((Map<String, Object>) left.get("aggregators"));
			}
			if (right.get("aggregators") != null) {
				((Map<String, Object>) right.get("aggregators")).forEach(aggregators::putIfAbsent);
			}
			merged.put("aggregators", aggregators);
		}
		merged.put("size", sum(left.get("size"), right.get("size")));
		merged.put("numRows", sum(left.get("numRows"), right.get("numRows")));
		if (!java.util.Objects.equals(left.get("rollup"), right.get("rollup"))) {
			merged.put("rollup", null);
		}
		return merged;
	}

	private static Map<String, Object> mergeColumn(Map<String, Object> left, Map<String, Object> right) {
		Map<String, Object> merged = new LinkedHashMap<>(left);
		merged.put("hasMultipleValues", (Boolean) left.get("hasMultipleValues") || (Boolean) right.get("hasMultipleValues"));
		merged.put("hasNulls", (Boolean) left.get("hasNulls") || (Boolean) right.get("hasNulls"));
		merged.put("size", sum(left.get("size"), right.get("size")));
		if (left.get("cardinality") instanceof Integer a && right.get("cardinality") instanceof Integer b) {
			// a lower bound, as Druid's merge: the same value may be in both segments
			merged.put("cardinality", Math.max(a, b));
		}
		merged.put("minValue", minString(left.get("minValue"), right.get("minValue"), true));
		merged.put("maxValue", minString(left.get("maxValue"), right.get("maxValue"), false));
		return merged;
	}

	/** Sums two longs; analyses read back from JSON hold small ones as Integers. */
	private static long sum(Object left, Object right) {
		return ((Number) left).longValue() + ((Number) right).longValue();
	}

	private static Object minString(Object left, Object right, boolean min) {
		if (left == null || right == null) {
			return left == null ? right : left;
		}
		int comparison = io.strata.engine.segment.column.Utf8Order.INSTANCE.compare(left.toString(), right.toString());
		return (comparison <= 0) == min ? left : right;
	}

	String dataSourceMetadata(DataSourceMetadataQuery query, List<Segment> segments) {
		long max = Long.MIN_VALUE;
		for (Segment segment : segments) {
			if (segment.numRows() > 0) {
				max = Math.max(max, segment.time().open().getLong(segment.numRows() - 1));
			}
		}
		return writeDataSourceMetadata(max);
	}

	/** Druid's answer for the latest ingested event time {@code max}; {@code []} for none. */
	static String writeDataSourceMetadata(long max) {
		if (max == Long.MIN_VALUE) {
			return "[]";
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("timestamp", IsoTime.format(max));
		row.put("result", Map.of("maxIngestedEventTime", IsoTime.format(max)));
		return MAPPER.writeValueAsString(List.of(row));
	}

	/** Sorted, with overlapping and abutting intervals joined into one, as Druid condenses them. */
	private static List<String> condense(List<String> intervals) {
		List<Interval> sorted = new ArrayList<>();
		for (String interval : intervals) {
			sorted.add(Interval.parse(interval));
		}
		sorted.sort(java.util.Comparator.comparingLong(Interval::startMillis).thenComparingLong(Interval::endMillis));
		List<String> condensed = new ArrayList<>();
		long start = 0;
		long end = 0;
		boolean open = false;
		for (Interval interval : sorted) {
			if (open && interval.startMillis() <= end) {
				end = Math.max(end, interval.endMillis());
				continue;
			}
			if (open) {
				condensed.add(new Interval(start, end).toString());
			}
			start = interval.startMillis();
			end = interval.endMillis();
			open = true;
		}
		if (open) {
			condensed.add(new Interval(start, end).toString());
		}
		return condensed;
	}

}
