package io.strata.engine.query.exec;

import io.strata.engine.query.SearchQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.time.AllGranularity;
import io.strata.engine.time.IsoTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broker-side merges of the query types without aggregators: search hits add up their counts per
 * dimension and value (each server already cut its hits to the limit, which keeps every hit the
 * merged, cut result holds); timeBoundary takes the earliest and latest times; segmentMetadata
 * concatenates analyses, or merges them when the query asks; dataSourceMetadata takes the latest
 * time. Results are written by the single-server writers. Stateless.
 */
final class MetadataResultMerger {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private MetadataResultMerger() {
	}

	static String search(SearchQuery query, List<JsonNode> answers) {
		boolean all = query.granularity() instanceof AllGranularity;
		TreeMap<Long, SearchEngine.Bucket> buckets = new TreeMap<>();
		for (int a = 0; a < answers.size(); a++) {
			for (int b = 0; b < answers.get(a).size(); b++) {
				String where = "[" + a + "][" + b + "]";
				JsonNode row = answers.get(a).get(b);
				long time = ResultMerger.timestamp(row, where);
				SearchEngine.Bucket bucket = buckets.computeIfAbsent(all ? 0L : time,
						key -> new SearchEngine.Bucket(time));
				bucket.timestamp = Math.min(bucket.timestamp, time);
				JsonNode hits = row.get("result");
				if (hits == null || !hits.isArray()) {
					throw IntermediateValue.malformed(where + ".result", "is not an array");
				}
				for (JsonNode hit : hits) {
					JsonNode value = hit.get("value");
					JsonNode count = hit.get("count");
					if (hit.get("dimension") == null || count == null || !count.isNumber()) {
						throw IntermediateValue.malformed(where + ".result", "holds a hit without dimension or count");
					}
					bucket.counts.merge(new SearchEngine.Hit(hit.get("dimension").asString(),
							value == null || value.isNull() ? null : value.asString()), count.longValue(), Long::sum);
				}
			}
		}
		return SearchEngine.write(query, buckets.values());
	}

	static String timeBoundary(TimeBoundaryQuery query, List<JsonNode> answers) {
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int a = 0; a < answers.size(); a++) {
			for (int r = 0; r < answers.get(a).size(); r++) {
				String where = "[" + a + "][" + r + "].result";
				JsonNode result = ResultMerger.object(answers.get(a).get(r), "result", "[" + a + "][" + r + "]");
				// a server asked for one bound has only that one: the other comes from the row's timestamp
				long rowTime = ResultMerger.timestamp(answers.get(a).get(r), "[" + a + "][" + r + "]");
				min = Math.min(min, result.has("minTime") ? time(result.get("minTime"), where) : rowTime);
				max = Math.max(max, result.has("maxTime") ? time(result.get("maxTime"), where) : rowTime);
			}
		}
		return TimeBoundaryEngine.write(query, min, max);
	}

	static String segmentMetadata(SegmentMetadataQuery query, List<JsonNode> answers) {
		List<Map<String, Object>> analyses = new ArrayList<>();
		for (JsonNode answer : answers) {
			analyses.addAll(MAPPER.convertValue(answer, new TypeReference<List<Map<String, Object>>>() {
			}));
		}
		return MetadataEngine.writeSegmentMetadata(query, analyses);
	}

	static String dataSourceMetadata(List<JsonNode> answers) {
		long max = Long.MIN_VALUE;
		for (int a = 0; a < answers.size(); a++) {
			for (int r = 0; r < answers.get(a).size(); r++) {
				String where = "[" + a + "][" + r + "]";
				JsonNode result = ResultMerger.object(answers.get(a).get(r), "result", where);
				max = Math.max(max, time(result.get("maxIngestedEventTime"), where + ".result"));
			}
		}
		return MetadataEngine.writeDataSourceMetadata(max);
	}

	private static long time(JsonNode value, String where) {
		if (value == null || !value.isString()) {
			throw IntermediateValue.malformed(where, "holds no ISO-8601 time");
		}
		try {
			return IsoTime.parse(value.stringValue());
		}
		catch (IllegalArgumentException ex) {
			throw IntermediateValue.malformed(where, "holds no ISO-8601 time: " + ex.getMessage());
		}
	}

}
