package io.strata.node.broker.cache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.strata.engine.error.StrataException;
import io.strata.engine.query.DataSourceMetadataQuery;
import io.strata.engine.query.GroupByQuery;
import io.strata.engine.query.Query;
import io.strata.engine.query.QueryContext;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.query.SearchQuery;
import io.strata.engine.query.SegmentMetadataQuery;
import io.strata.engine.query.TimeBoundaryQuery;
import io.strata.engine.query.TimeseriesQuery;
import io.strata.engine.query.TopNQuery;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which queries the broker caches per segment, and the canonical key of a query's per-segment
 * result. Stateless apart from a thread-safe mapper: thread-safe.
 *
 * <p>
 * The key is the query JSON with object keys sorted at every level and {@code context} left out,
 * so that a client's {@code queryId}, {@code timeout} or key order does not defeat the cache. Two
 * context keys do change what a data server answers for a segment in Strata's engine and so are
 * kept, normalized: {@code skipEmptyBuckets} (whether a timeseries segment answers its empty
 * buckets) and {@code minTopNThreshold} (how many values a topN segment keeps). Everything else
 * stays in the key, intervals included: a partial groupBy or timeseries with granularity
 * {@code all} is stamped from the query's intervals, so two queries that differ only in intervals
 * can differ on a segment both fully cover.
 */
public final class QueryCacheKeys {

	/** Context keys that change a segment's intermediate result; see the class comment. */
	static final List<String> RESULT_CONTEXT_KEYS = List.of("minTopNThreshold", "skipEmptyBuckets");

	private static final String CONTEXT = "context";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** The canonical cache key of {@code queryJson} (a JSON object). */
	public String queryKey(String queryJson) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(queryJson);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidInput("Query is not valid JSON: %s", ex.getOriginalMessage());
		}
		if (tree == null || !tree.isObject()) {
			throw StrataException.invalidInput("Query must be a JSON object");
		}
		ObjectNode key = canonicalObject(tree, CONTEXT);
		ObjectNode kept = resultContext(tree.get(CONTEXT));
		if (!kept.isEmpty()) {
			key.set(CONTEXT, kept);
		}
		return this.mapper.writeValueAsString(key);
	}

	/**
	 * Whether results of {@code queryType} are cached per segment: timeseries, topN and groupBy
	 * are; scan (rows, not aggregates) and search, timeBoundary and the metadata queries are not.
	 * @throws StrataException (invalid input) for a query type Druid does not have
	 */
	public boolean cacheable(String queryType) {
		return switch (queryType) {
			case "timeseries", "topN", "groupBy" -> true;
			case "scan", "search", "timeBoundary", "segmentMetadata", "dataSourceMetadata" -> false;
			default -> throw StrataException.invalidInput("Unknown queryType[%s]", queryType);
		};
	}

	/** As {@link #cacheable(String)}, for a parsed query; a new query type must be added here. */
	public boolean cacheable(Query query) {
		return switch (query) {
			case TimeseriesQuery _ -> true;
			case TopNQuery _ -> true;
			case GroupByQuery _ -> true;
			case ScanQuery _ -> false;
			case SearchQuery _ -> false;
			case TimeBoundaryQuery _ -> false;
			case SegmentMetadataQuery _ -> false;
			case DataSourceMetadataQuery _ -> false;
		};
	}

	private ObjectNode canonicalObject(JsonNode object, String skipped) {
		TreeMap<String, JsonNode> sorted = new TreeMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			if (!property.getKey().equals(skipped)) {
				sorted.put(property.getKey(), property.getValue());
			}
		}
		ObjectNode out = this.mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> property : sorted.entrySet()) {
			out.set(property.getKey(), canonical(property.getValue()));
		}
		return out;
	}

	private JsonNode canonical(JsonNode node) {
		if (node.isObject()) {
			return canonicalObject(node, null);
		}
		if (node.isArray()) {
			ArrayNode out = this.mapper.createArrayNode();
			for (JsonNode element : node.values()) {
				out.add(canonical(element));
			}
			return out;
		}
		return node;
	}

	/** The result-changing context keys present in {@code context}, coerced as the engine reads them. */
	private ObjectNode resultContext(JsonNode context) {
		ObjectNode kept = this.mapper.createObjectNode();
		if (context == null || !context.isObject()) {
			return kept;
		}
		QueryContext values = new QueryContext(contextValues(context));
		try {
			if (context.has("minTopNThreshold")) {
				kept.put("minTopNThreshold", values.getLong("minTopNThreshold", 0));
			}
		}
		catch (IllegalArgumentException ex) {
			throw StrataException.invalidInput("Query context[minTopNThreshold] must be a number");
		}
		if (context.has("skipEmptyBuckets")) {
			kept.put("skipEmptyBuckets", values.getBoolean("skipEmptyBuckets", false));
		}
		return kept;
	}

	private static Map<String, Object> contextValues(JsonNode context) {
		Map<String, Object> values = new TreeMap<>();
		for (String name : RESULT_CONTEXT_KEYS) {
			JsonNode value = context.get(name);
			if (value != null && !value.isNull()) {
				// the same coercion the engine's query reader applies to context values
				values.put(name, value.isBoolean() ? value.booleanValue()
						: value.isIntegralNumber() ? value.longValue() : value.isNumber() ? value.doubleValue()
								: value.isString() ? value.stringValue() : value.toString());
			}
		}
		return values;
	}

}
