package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.query.exec.IntermediateResults;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.testing.RandomUsageValues;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker merge's core property: a query over all segments answers exactly what the merge of
 * the {@code finalize: false} answers of 2 to 5 "data servers" gives, each server holding a random
 * share of the segments (sometimes none). Random queries of every type over two datasets (rollup
 * off with unique row times, rollup on by minute), seven segments in three days, the first two days
 * in three interleaved partitions each: random filters, intervals, granularities (a zoned period
 * among them), aggregators (numeric, sketches, first/last, filtered, cardinality), post-aggregators,
 * groupBy having/limitSpec/subtotals, timeseries limit/grand total, scan order/offset/limit/batchSize, search
 * limits. Multi-value and null dimensions, null metrics. Double sums stay exact (values are whole
 * multiples of 1/64), so merges in any order agree to the bit; sketch unions of the same inputs do
 * too, and are compared exactly. Documented exceptions: topN is exact here because every dimension
 * has fewer values than Druid's default {@code minTopNThreshold} (1000); time-ordered scans of the
 * rollup dataset compare rows of equal time as a set (servers break such ties by server, one server
 * by segment); non-merged segmentMetadata compares analyses sorted by id (concatenation order is
 * the servers'); first/last are left out of the rollup dataset, where rolled-up rows tie on time.
 */
class QueryMergeRandomizedTest {

	private static final long DAY_1 = IsoTime.parse("2026-03-01T00:00:00Z");

	private static final long HOUR = 3_600_000L;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<String> DIMENSIONS = List.of("api", "region", "tags", "user");

	private static final Map<Boolean, List<Segment>> SEGMENTS = new TreeMap<>();

	private static final List<Map<String, Object>> ROWS = new ArrayList<>();

	private final QueryRunner runner = new QueryRunner();

	@BeforeAll
	static void build() throws Exception {
		Path directory = Files.createTempDirectory("query-merge-randomized");
		SplittableRandom random = new SplittableRandom(7);
		Set<Long> times = new HashSet<>();
		while (ROWS.size() < 3000) {
			long time = DAY_1 + random.nextLong(3 * 24 * HOUR);
			if (!times.add(time)) {
				continue;
			}
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("t", time);
			row.put("api", RandomUsageValues.api(random));
			row.put("region", RandomUsageValues.region(random));
			row.put("tags", RandomUsageValues.tags(random));
			row.put("user", "u" + random.nextInt(400));
			row.put("score", RandomUsageValues.score(random));
			row.put("ratio", RandomUsageValues.ratio(random));
			ROWS.add(row);
		}
		for (boolean rollup : new boolean[] { false, true }) {
			DataSchema schema = TestSegments.schema("""
					{"dataSource": "usage", "timestampSpec": {"column": "t"},
					 "dimensionsSpec": {"dimensions": ["api", "region", "tags", "user"]},
					 "metricsSpec": [{"type": "count", "name": "rows"},
					                 {"type": "longSum", "name": "score", "fieldName": "score"},
					                 {"type": "doubleSum", "name": "ratio", "fieldName": "ratio"},
					                 {"type": "HLLSketchBuild", "name": "userSketch", "fieldName": "user"},
					                 {"type": "thetaSketch", "name": "userTheta", "fieldName": "user"},
					                 {"type": "quantilesDoublesSketch", "name": "scoreQuantiles", "fieldName": "score"}],
					 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "%s", "rollup": %s}}
					""".formatted(rollup ? "minute" : "none", rollup));
			// days 1 and 2 in three partitions each, whose rows interleave in time; day 3 in one
			List<IncrementalIndex> indexes = new ArrayList<>();
			List<SegmentId> ids = new ArrayList<>();
			for (int day = 0; day < 3; day++) {
				Interval interval = new Interval(DAY_1 + day * 24 * HOUR, DAY_1 + (day + 1) * 24 * HOUR);
				for (int partition = 0; partition < (day < 2 ? 3 : 1); partition++) {
					indexes.add(new IncrementalIndex(schema));
					ids.add(new SegmentId("usage", interval, "v1", partition));
				}
			}
			SplittableRandom placement = new SplittableRandom(3);
			for (Map<String, Object> row : ROWS) {
				long time = (Long) row.get("t");
				int day = (int) ((time - DAY_1) / (24 * HOUR));
				int index = day * 3 + (day < 2 ? placement.nextInt(3) : 0);
				indexes.get(index).add(TestSegments.row(time, row));
			}
			List<Segment> segments = new ArrayList<>();
			for (int i = 0; i < indexes.size(); i++) {
				segments.add(TestSegments.persist(indexes.get(i), ids.get(i), directory.resolve("rollup-" + rollup)));
			}
			SEGMENTS.put(rollup, segments);
		}
	}

	@AfterAll
	static void close() {
		SEGMENTS.values().forEach(segments -> segments.forEach(Segment::close));
	}

	@ParameterizedTest
	@CsvSource({ "1,false", "2,true", "3,false", "4,true" })
	void timeseriesMergesToTheSingleServerAnswer(long seed, boolean rollup) {
		check(seed, rollup, this::timeseries);
	}

	@ParameterizedTest
	@CsvSource({ "11,false", "12,true", "13,false" })
	void topNMergesToTheSingleServerAnswer(long seed, boolean rollup) {
		check(seed, rollup, this::topN);
	}

	@ParameterizedTest
	@CsvSource({ "21,false", "22,true", "23,false", "24,true" })
	void groupByMergesToTheSingleServerAnswer(long seed, boolean rollup) {
		check(seed, rollup, this::groupBy);
	}

	@ParameterizedTest
	@CsvSource({ "31,false", "32,true", "33,false" })
	void scanMergesToTheSingleServerAnswer(long seed, boolean rollup) {
		check(seed, rollup, this::scan);
	}

	@ParameterizedTest
	@CsvSource({ "41,false", "42,true" })
	void searchAndMetadataMergeToTheSingleServerAnswer(long seed, boolean rollup) {
		check(seed, rollup, this::searchOrMetadata);
	}

	/** A query generator: a random query's JSON for a dataset (rollup or not). */
	private interface Generator {

		String query(SplittableRandom random, boolean rollup);

	}

	private void check(long seed, boolean rollup, Generator generator) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Segment> segments = SEGMENTS.get(rollup);
		for (int round = 0; round < 25; round++) {
			String query = generator.query(random, rollup);
			String expected = this.runner.run(query, segments);
			int servers = 2 + random.nextInt(4);
			List<List<Segment>> shares = new ArrayList<>();
			for (int s = 0; s < servers; s++) {
				shares.add(new ArrayList<>());
			}
			for (Segment segment : segments) {
				shares.get(random.nextInt(servers)).add(segment);
			}
			String partialQuery = withFinalizeFalse(query);
			List<String> answers = new ArrayList<>();
			for (List<Segment> share : shares) {
				answers.add(this.runner.run(partialQuery, share));
			}
			String merged = this.runner.mergeResults(query, answers);
			String normalizedExpected = normalized(query, expected, rollup);
			String normalizedMerged = normalized(query, merged, rollup);
			String where = query + " over " + shares.stream()
				.map(share -> share.stream().map(segment -> segment.id().toString()).toList())
				.toList();
			if (normalizedMerged.equals(normalizedExpected)) {
				continue;
			}
			// identical but for HLL estimates: see HLL_ESTIMATES
			assertThat(difference("", MAPPER.readTree(normalizedExpected), MAPPER.readTree(normalizedMerged)))
				.as("%s\nexpected %s\nmerged %s", where, expected, merged)
				.isNull();
			this.approximateHll++;
		}
		// unions are exact for the same inputs in most cases: the tolerance is the exception
		assertThat(this.approximateHll).as("rounds with differing HLL estimates").isLessThanOrEqualTo(5);
	}

	/**
	 * Output names of HLL estimates (HLLSketchBuild/Merge, hyperUnique, cardinality and the HLL
	 * estimate post-aggregator). An HLL union holds the same registers whatever order its inputs
	 * come in, but DataSketches estimates a sketch that only ever took in-order updates with its
	 * HIP estimator and one built from unions of sketches in HLL mode with the composite one; which
	 * one applies depends on how the inputs were grouped into unions. So once a group passes about
	 * 3/4 * 2^(lgK-3) distinct values (where the sketch leaves its exact list/set modes), the merged
	 * estimate may differ from the single-server one by the difference of two estimators of the same
	 * registers: it is held within three standard errors of lgK 12 (1.04 / 64 each). Every other
	 * value, theta estimates and quantiles counts included, must be identical.
	 */
	private static final Set<String> HLL_ESTIMATES = Set.of("users", "mergedUsers", "hyperUnique", "cardinality",
			"usersEstimate");

	private static final double HLL_TOLERANCE = 3 * 1.04 / 64;

	private int approximateHll;

	/** The path of the first difference between two answers, or null when they agree. */
	private static String difference(String path, JsonNode expected, JsonNode actual) {
		if (expected.isObject() && actual.isObject()) {
			if (!List.copyOf(expected.propertyNames()).equals(List.copyOf(actual.propertyNames()))) {
				return path + " fields";
			}
			for (String name : expected.propertyNames()) {
				JsonNode left = expected.get(name);
				JsonNode right = actual.get(name);
				if (HLL_ESTIMATES.contains(name) && left.isNumber() && right.isNumber()) {
					double a = left.doubleValue();
					double b = right.doubleValue();
					if (Math.abs(a - b) > HLL_TOLERANCE * Math.max(1, Math.abs(a))) {
						return path + "." + name;
					}
					continue;
				}
				String inner = difference(path + "." + name, left, right);
				if (inner != null) {
					return inner;
				}
			}
			return null;
		}
		if (expected.isArray() && actual.isArray()) {
			if (expected.size() != actual.size()) {
				return path + " size";
			}
			for (int i = 0; i < expected.size(); i++) {
				String inner = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
				if (inner != null) {
					return inner;
				}
			}
			return null;
		}
		return expected.toString().equals(actual.toString()) ? null : path;
	}

	private static String withFinalizeFalse(String query) {
		ObjectNode tree = (ObjectNode) MAPPER.readTree(query);
		ObjectNode context = tree.has("context") ? (ObjectNode) tree.get("context") : tree.putObject("context");
		context.put(IntermediateResults.PARTIAL, true);
		return tree.toString();
	}

	/**
	 * The answer as compared: as it is, except for the orders the merge documents as open (see the
	 * class comment).
	 */
	private static String normalized(String query, String answer, boolean rollup) {
		JsonNode tree = MAPPER.readTree(query);
		String type = tree.get("queryType").asString();
		JsonNode result = MAPPER.readTree(answer);
		if (type.equals("segmentMetadata") && !tree.get("merge").asBoolean()) {
			List<String> analyses = new ArrayList<>();
			result.forEach(analysis -> analyses.add(analysis.toString()));
			analyses.sort(Comparator.naturalOrder());
			return analyses.toString();
		}
		if (type.equals("scan") && rollup && !tree.get("order").asString().equals("none")) {
			// rows of equal time as a set: sorted by their JSON inside each run of equal times
			List<String> out = new ArrayList<>();
			List<String> run = new ArrayList<>();
			long runTime = Long.MIN_VALUE;
			for (JsonNode batch : result) {
				out.add("batch " + batch.get("columns") + batch.get("rowSignature") + batch.get("events").size());
				int timeIndex = 0;
				for (int i = 0; i < batch.get("columns").size(); i++) {
					timeIndex = batch.get("columns").get(i).asString().equals("__time") ? i : timeIndex;
				}
				for (JsonNode event : batch.get("events")) {
					long time = (event.isArray() ? event.get(timeIndex) : event.get("__time")).longValue();
					if (time != runTime) {
						run.sort(Comparator.naturalOrder());
						out.addAll(run);
						run.clear();
						runTime = time;
					}
					run.add(event.toString());
				}
			}
			run.sort(Comparator.naturalOrder());
			out.addAll(run);
			return String.join("\n", out);
		}
		return answer;
	}

	// ---- random query parts, written as Druid JSON ----

	private static String intervals(SplittableRandom random) {
		long start = DAY_1 - 6 * HOUR + random.nextLong(70) * HOUR + random.nextLong(4) * 15 * 60_000L;
		long end = start + (1 + random.nextLong(80)) * HOUR;
		return "[\"" + new Interval(start, end) + "\"]";
	}

	private static String granularity(SplittableRandom random) {
		return switch (random.nextInt(6)) {
			case 0, 1 -> "\"all\"";
			case 2 -> "\"hour\"";
			case 3 -> "\"six_hour\"";
			case 4 -> "\"day\"";
			default -> "{\"type\": \"period\", \"period\": \"P1D\", \"timeZone\": \"America/Los_Angeles\"}";
		};
	}

	private static String filter(SplittableRandom random, int depth) {
		String dimension = DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
		return switch (random.nextInt(depth > 0 ? 8 : 5)) {
			case 0 -> "{\"type\": \"selector\", \"dimension\": \"" + dimension + "\", \"value\": "
					+ quoted(value(random, dimension)) + "}";
			case 1 -> "{\"type\": \"in\", \"dimension\": \"" + dimension + "\", \"values\": [\""
					+ nonNull(value(random, dimension)) + "\", \"" + nonNull(value(random, dimension)) + "\"]}";
			case 2 -> "{\"type\": \"bound\", \"dimension\": \"" + dimension + "\", \"lower\": \""
					+ nonNull(value(random, dimension)) + "\", \"lowerStrict\": " + random.nextBoolean() + "}";
			case 3 -> "{\"type\": \"null\", \"column\": \"" + (random.nextBoolean() ? "region" : "tags") + "\"}";
			case 4 -> "null";
			case 5 -> "{\"type\": \"and\", \"fields\": [" + nonNullFilter(random, depth - 1) + ", "
					+ nonNullFilter(random, depth - 1) + "]}";
			case 6 -> "{\"type\": \"or\", \"fields\": [" + nonNullFilter(random, depth - 1) + ", "
					+ nonNullFilter(random, depth - 1) + "]}";
			default -> "{\"type\": \"not\", \"field\": " + nonNullFilter(random, depth - 1) + "}";
		};
	}

	private static String nonNullFilter(SplittableRandom random, int depth) {
		String filter = filter(random, depth);
		return filter.equals("null") ? "{\"type\": \"selector\", \"dimension\": \"api\", \"value\": \"a\"}" : filter;
	}

	private static String value(SplittableRandom random, String dimension) {
		if (random.nextInt(10) == 0) {
			return null;
		}
		Object value = ROWS.get(random.nextInt(ROWS.size())).get(dimension);
		if (value instanceof List<?> list) {
			return list.isEmpty() ? null : list.get(random.nextInt(list.size())).toString();
		}
		return value == null ? null : value.toString();
	}

	private static String nonNull(String value) {
		return value == null ? "b" : value;
	}

	private static String quoted(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	/** Aggregators by name: every one of them merges through an intermediate form. */
	private static Map<String, String> aggregators(boolean rollup) {
		Map<String, String> aggregators = new java.util.LinkedHashMap<>();
		aggregators.put("n", "{\"type\": \"count\", \"name\": \"n\"}");
		aggregators.put("rows", "{\"type\": \"longSum\", \"name\": \"rows\", \"fieldName\": \"rows\"}");
		aggregators.put("score", "{\"type\": \"longSum\", \"name\": \"score\", \"fieldName\": \"score\"}");
		aggregators.put("minScore", "{\"type\": \"longMin\", \"name\": \"minScore\", \"fieldName\": \"score\"}");
		aggregators.put("ratio", "{\"type\": \"doubleSum\", \"name\": \"ratio\", \"fieldName\": \"ratio\"}");
		aggregators.put("maxRatio", "{\"type\": \"doubleMax\", \"name\": \"maxRatio\", \"fieldName\": \"ratio\"}");
		aggregators.put("floatMin", "{\"type\": \"floatMin\", \"name\": \"floatMin\", \"fieldName\": \"ratio\"}");
		aggregators.put("users", "{\"type\": \"HLLSketchBuild\", \"name\": \"users\", \"fieldName\": \"user\"}");
		aggregators.put("mergedUsers",
				"{\"type\": \"HLLSketchMerge\", \"name\": \"mergedUsers\", \"fieldName\": \"userSketch\", \"round\": true}");
		aggregators.put("theta", "{\"type\": \"thetaSketch\", \"name\": \"theta\", \"fieldName\": \"userTheta\"}");
		aggregators.put("rawTheta", "{\"type\": \"thetaSketch\", \"name\": \"rawTheta\", \"fieldName\": \"user\"}");
		aggregators.put("quantiles",
				"{\"type\": \"quantilesDoublesSketch\", \"name\": \"quantiles\", \"fieldName\": \"scoreQuantiles\"}");
		aggregators.put("hyperUnique", "{\"type\": \"hyperUnique\", \"name\": \"hyperUnique\", \"fieldName\": \"userSketch\"}");
		aggregators.put("cardinality",
				"{\"type\": \"cardinality\", \"name\": \"cardinality\", \"fields\": [\"api\", \"region\"], \"byRow\": true}");
		aggregators.put("apiA", "{\"type\": \"filtered\", \"filter\": {\"type\": \"selector\", \"dimension\": \"api\","
				+ " \"value\": \"a\"}, \"aggregator\": {\"type\": \"longSum\", \"name\": \"apiA\", \"fieldName\": \"score\"}}");
		if (!rollup) {
			aggregators.put("firstScore", "{\"type\": \"longFirst\", \"name\": \"firstScore\", \"fieldName\": \"score\"}");
			aggregators.put("lastRatio", "{\"type\": \"doubleLast\", \"name\": \"lastRatio\", \"fieldName\": \"ratio\"}");
		}
		return aggregators;
	}

	/** Some aggregators (always n and score, for post-aggregators and orderings) and their names. */
	private static List<String> chooseAggregators(SplittableRandom random, boolean rollup) {
		List<String> names = new ArrayList<>(List.of("n", "score"));
		for (String name : aggregators(rollup).keySet()) {
			if (!names.contains(name) && random.nextInt(3) == 0) {
				names.add(name);
			}
		}
		return names;
	}

	private static String aggregations(List<String> names, boolean rollup) {
		Map<String, String> all = aggregators(rollup);
		return "[" + String.join(", ", names.stream().map(all::get).toList()) + "]";
	}

	private static String postAggregations(SplittableRandom random, List<String> names) {
		List<String> posts = new ArrayList<>();
		posts.add("{\"type\": \"arithmetic\", \"name\": \"mean\", \"fn\": \"/\", \"fields\": ["
				+ "{\"type\": \"fieldAccess\", \"fieldName\": \"score\"}, {\"type\": \"fieldAccess\", \"fieldName\": \"n\"}]}");
		if (random.nextBoolean()) {
			posts.add("{\"type\": \"expression\", \"name\": \"plus\", \"expression\": \"n + 1\"}");
		}
		if (names.contains("users")) {
			posts.add("{\"type\": \"HLLSketchEstimate\", \"name\": \"usersEstimate\", "
					+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"users\"}}");
		}
		if (names.contains("rawTheta")) {
			posts.add("{\"type\": \"thetaSketchEstimate\", \"name\": \"thetaEstimate\", "
					+ "\"field\": {\"type\": \"fieldAccess\", \"fieldName\": \"rawTheta\"}}");
		}
		return "[" + String.join(", ", posts) + "]";
	}

	private String timeseries(SplittableRandom random, boolean rollup) {
		List<String> names = chooseAggregators(random, rollup);
		String limit = random.nextInt(3) == 0 ? ", \"limit\": " + (1 + random.nextInt(6)) : "";
		return """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": %s, "granularity": %s, "filter": %s,
				 "aggregations": %s, "postAggregations": %s, "descending": %s%s,
				 "context": {"skipEmptyBuckets": %s, "grandTotal": %s}}
				""".formatted(intervals(random), granularity(random), filter(random, 2), aggregations(names, rollup),
				postAggregations(random, names), random.nextBoolean(), limit, random.nextInt(3) == 0,
				random.nextBoolean());
	}

	private String topN(SplittableRandom random, boolean rollup) {
		List<String> names = chooseAggregators(random, rollup);
		String metric = switch (random.nextInt(5)) {
			case 0 -> "\"score\"";
			case 1 -> "\"mean\"";
			case 2 -> "{\"type\": \"inverted\", \"metric\": \"n\"}";
			case 3 -> "{\"type\": \"dimension\", \"ordering\": \"lexicographic\"}";
			default -> "\"" + names.get(random.nextInt(names.size())) + "\"";
		};
		return """
				{"queryType": "topN", "dataSource": "usage", "intervals": %s, "granularity": %s, "filter": %s,
				 "dimension": "%s", "threshold": %d, "metric": %s, "aggregations": %s, "postAggregations": %s}
				""".formatted(intervals(random), granularity(random), filter(random, 2),
				DIMENSIONS.get(random.nextInt(DIMENSIONS.size())), 1 + random.nextInt(8), metric,
				aggregations(names, rollup), postAggregations(random, names));
	}

	private String groupBy(SplittableRandom random, boolean rollup) {
		List<String> names = chooseAggregators(random, rollup);
		List<String> dimensions = new ArrayList<>();
		dimensions.add(DIMENSIONS.get(random.nextInt(3)));
		if (random.nextBoolean()) {
			String second = DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
			if (!dimensions.contains(second)) {
				dimensions.add(second);
			}
		}
		String having = random.nextInt(3) == 0 ? ", \"having\": {\"type\": \"greaterThan\", \"aggregation\": \"n\", "
				+ "\"value\": " + random.nextInt(20) + "}" : "";
		String limitSpec = "";
		if (random.nextBoolean()) {
			String column = random.nextBoolean() ? dimensions.getFirst() : names.get(random.nextInt(names.size()));
			limitSpec = ", \"limitSpec\": {\"type\": \"default\", \"limit\": " + (1 + random.nextInt(30))
					+ ", \"offset\": " + random.nextInt(5) + ", \"columns\": [{\"dimension\": \"" + column
					+ "\", \"direction\": \"" + (random.nextBoolean() ? "ascending" : "descending") + "\"}]}";
		}
		String subtotals = dimensions.size() == 2 && random.nextInt(3) == 0
				? ", \"subtotalsSpec\": [[\"" + dimensions.getFirst() + "\"], [], [\"" + dimensions.get(1) + "\", \""
						+ dimensions.getFirst() + "\"]]"
				: "";
		return """
				{"queryType": "groupBy", "dataSource": "usage", "intervals": %s, "granularity": %s, "filter": %s,
				 "dimensions": [%s], "aggregations": %s, "postAggregations": %s%s%s%s}
				""".formatted(intervals(random), granularity(random), filter(random, 2),
				String.join(", ", dimensions.stream().map(name -> "\"" + name + "\"").toList()),
				aggregations(names, rollup), postAggregations(random, names), having, limitSpec, subtotals);
	}

	private String scan(SplittableRandom random, boolean rollup) {
		String order = List.of("none", "none", "ascending", "descending").get(random.nextInt(4));
		String columns = switch (random.nextInt(3)) {
			case 0 -> "[]";
			case 1 -> "[\"__time\", \"api\", \"tags\", \"score\", \"ratio\"]";
			default -> "[\"region\", \"__time\", \"user\", \"userSketch\"]";
		};
		String limit = random.nextInt(4) == 0 ? "" : ", \"limit\": " + (1 + random.nextInt(400));
		// small batches, so that the broker cuts the merged rows into batches of its own
		String batchSize = random.nextBoolean() ? "" : ", \"batchSize\": " + (1 + random.nextInt(50));
		return """
				{"queryType": "scan", "dataSource": "usage", "intervals": %s, "filter": %s, "columns": %s,
				 "order": "%s", "resultFormat": "%s", "offset": %d%s%s}
				""".formatted(intervals(random), filter(random, 2), columns, order,
				random.nextBoolean() ? "list" : "compactedList", random.nextInt(3) == 0 ? 0 : random.nextInt(200),
				limit, batchSize);
	}

	private String searchOrMetadata(SplittableRandom random, boolean rollup) {
		return switch (random.nextInt(5)) {
			case 0, 1 -> """
					{"queryType": "search", "dataSource": "usage", "intervals": %s, "granularity": %s, "filter": %s,
					 "searchDimensions": %s, "query": %s, "sort": {"type": "%s"}, "limit": %d}
					""".formatted(intervals(random), random.nextBoolean() ? "\"all\"" : "\"day\"", filter(random, 1),
					random.nextBoolean() ? "[]" : "[\"api\", \"tags\", \"user\"]",
					random.nextBoolean() ? "{\"type\": \"contains\", \"value\": \"u1\"}"
							: "{\"type\": \"insensitive_contains\", \"value\": \"T\"}",
					random.nextBoolean() ? "lexicographic" : "strlen", 1 + random.nextInt(12));
			case 2 -> """
					{"queryType": "timeBoundary", "dataSource": "usage", "intervals": %s, "filter": %s%s}
					""".formatted(intervals(random), filter(random, 1),
					List.of("", ", \"bound\": \"minTime\"", ", \"bound\": \"maxTime\"").get(random.nextInt(3)));
			case 3 -> """
					{"queryType": "segmentMetadata", "dataSource": "usage", "intervals": %s, "merge": %s,
					 "analysisTypes": ["cardinality", "interval", "minmax", "size", "aggregators", "rollup"]}
					""".formatted(intervals(random), random.nextBoolean());
			default -> "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"usage\"}";
		};
	}

}
