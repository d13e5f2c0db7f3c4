package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.testing.RandomUsageValues;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * first/last, filtered and cardinality aggregators against a naive row-by-row evaluator: random
 * rows with null metrics, multi-value and null dimensions and repeated timestamps, split over
 * four segments (three of them sharing one day, so their times interleave), rollup off; random
 * query filters, aggregator filters, intervals and granularities, for timeseries and groupBy.
 * Where rows tie on time the evaluator accepts the value of any of them; cardinality estimates
 * must lie within three standard errors of the exact distinct count.
 */
class AggregatorRandomizedTest {

	private static final long DAY_1 = IsoTime.parse("2026-03-01T00:00:00Z");

	private static final long HOUR = 3_600_000L;

	/** The HLL sketch (lgK 12) has a relative standard error of 1.04 / sqrt(4096). */
	private static final double THREE_STANDARD_ERRORS = 3 * 1.04 / 64;

	private static final List<Raw> ROWS = new ArrayList<>();

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private static Path directory;

	/**
	 * One generated row: dimensions (tags a list, possibly empty), nullable metrics, and the index in
	 * {@link #SEGMENTS} of the segment it went to (-1 until placed).
	 */
	private record Raw(long time, String api, String region, List<String> tags, String user, Long score, Double ratio,
			long rank, int segment) {

		Raw placedIn(int index) {
			return new Raw(this.time, this.api, this.region, this.tags, this.user, this.score, this.ratio, this.rank,
					index);
		}

		List<String> values(String dimension) {
			return RandomUsageValues.values(switch (dimension) {
				case "api" -> this.api;
				case "region" -> this.region;
				case "tags" -> this.tags;
				default -> throw new IllegalArgumentException(dimension);
			});
		}

	}

	@BeforeAll
	static void build() throws Exception {
		directory = Files.createTempDirectory("aggregator-randomized");
		SplittableRandom random = new SplittableRandom(42);
		long[] hot = new long[30];
		for (int i = 0; i < hot.length; i++) {
			hot[i] = DAY_1 + random.nextLong(2 * 24 * HOUR / 1000) * 1000;
		}
		for (int i = 0; i < 2400; i++) {
			long time = random.nextInt(4) == 0 ? hot[random.nextInt(hot.length)]
					: DAY_1 + random.nextLong(2 * 24 * HOUR / 1000) * 1000;
			String api = RandomUsageValues.api(random);
			String region = RandomUsageValues.region(random);
			List<String> tags = RandomUsageValues.tags(random);
			Long score = RandomUsageValues.score(random);
			Double ratio = RandomUsageValues.ratio(random);
			ROWS.add(new Raw(time, api, region, tags, "u" + random.nextInt(700), score, ratio,
					random.nextLong(1_000_000_000_000L), -1));
		}
		DataSchema schema = TestSegments.schema("""
				{"dataSource": "usage", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["api", "region", "tags", "user"]},
				 "metricsSpec": [{"type": "count", "name": "rows"},
				                 {"type": "longSum", "name": "score", "fieldName": "score"},
				                 {"type": "doubleSum", "name": "ratio", "fieldName": "ratio"},
				                 {"type": "longSum", "name": "rank", "fieldName": "rank"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		// day 1 in three partitions whose rows interleave in time, day 2 in one
		List<IncrementalIndex> indexes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			indexes.add(new IncrementalIndex(schema));
		}
		for (int row = 0; row < ROWS.size(); row++) {
			int index = ROWS.get(row).time() < DAY_1 + 24 * HOUR ? random.nextInt(3) : 3;
			Raw raw = ROWS.get(row).placedIn(index);
			ROWS.set(row, raw);
			indexes.get(index).add(TestSegments.row(raw.time(), "api", raw.api(), "region", raw.region(), "tags",
					raw.tags(), "user", raw.user(), "score", raw.score(), "ratio", raw.ratio(), "rank", raw.rank()));
		}
		for (int i = 0; i < 4; i++) {
			long day = i < 3 ? DAY_1 : DAY_1 + 24 * HOUR;
			SegmentId id = new SegmentId("usage", new Interval(day, day + 24 * HOUR), "v1", i < 3 ? i : 0);
			SEGMENTS.add(TestSegments.persist(indexes.get(i), id, directory));
		}
	}

	@AfterAll
	static void close() throws Exception {
		SEGMENTS.forEach(Segment::close);
		try (var files = Files.walk(directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	@ParameterizedTest
	@CsvSource({ "1,timeseries,all", "2,timeseries,day", "3,timeseries,six_hour", "4,timeseries,hour",
			"5,groupBy,all", "6,groupBy,day", "7,groupBy,six_hour" })
	void aggregatorsMatchTheNaiveEvaluator(long seed, String queryType, String granularityName) {
		SplittableRandom random = new SplittableRandom(seed);
		Granularity granularity = Granularity.named(granularityName);
		for (int round = 0; round < 8; round++) {
			long start = DAY_1 + random.nextLong(40) * HOUR;
			Interval interval = new Interval(start, Math.min(start + (1 + random.nextLong(36)) * HOUR, DAY_1 + 48 * HOUR));
			Filter queryFilter = random.nextInt(3) == 0 ? null : randomFilter(random, 2);
			Filter aggregatorFilter = randomFilter(random, 2);
			boolean grouped = queryType.equals("groupBy");
			String query = """
					{"queryType": "%s", "dataSource": "usage", "intervals": ["%s"], "granularity": "%s", %s %s
					 "context": {"skipEmptyBuckets": true},
					 "aggregations": [
					   {"type": "longFirst", "name": "firstScore", "fieldName": "score"},
					   {"type": "longLast", "name": "lastScore", "fieldName": "score"},
					   {"type": "doubleFirst", "name": "firstRatio", "fieldName": "ratio"},
					   {"type": "doubleLast", "name": "lastRatio", "fieldName": "ratio"},
					   {"type": "floatLast", "name": "lastRatioFloat", "fieldName": "ratio"},
					   {"type": "longFirst", "name": "firstByRank", "fieldName": "score", "timeColumn": "rank"},
					   {"type": "longLast", "name": "lastByRank", "fieldName": "score", "timeColumn": "rank"},
					   {"type": "filtered", "name": "matched", "filter": %s, "aggregator": {"type": "count", "name": "c"}},
					   {"type": "filtered", "name": "matchedScore", "filter": %s,
					    "aggregator": {"type": "longSum", "name": "s", "fieldName": "score"}},
					   {"type": "filtered", "name": "matchedLastRatio", "filter": %s,
					    "aggregator": {"type": "doubleLast", "name": "l", "fieldName": "ratio"}},
					   {"type": "cardinality", "name": "users", "fields": ["user"]},
					   {"type": "cardinality", "name": "places", "fields": ["api", "region"], "byRow": true}]}
					""".formatted(queryType, interval, granularityName,
					queryFilter == null ? "" : "\"filter\": " + queryFilter.json() + ",",
					grouped ? "\"dimensions\": [\"api\"]," : "", aggregatorFilter.json(), aggregatorFilter.json(),
					aggregatorFilter.json());
			Map<List<Object>, List<Raw>> expected = expectedGroups(interval, granularity, queryFilter, grouped);
			Map<List<Object>, JsonNode> actual = actualGroups(new QueryRunner().run(query, SEGMENTS), grouped);
			assertThat(actual.keySet()).as("query %s", query).isEqualTo(expected.keySet());
			for (Map.Entry<List<Object>, List<Raw>> group : expected.entrySet()) {
				check(actual.get(group.getKey()), group.getValue(), aggregatorFilter, query + " group " + group.getKey());
			}
		}
	}

	/** The matching rows per (bucket start, api when grouped), keyed as the results are. */
	private static Map<List<Object>, List<Raw>> expectedGroups(Interval interval, Granularity granularity,
			Filter filter, boolean grouped) {
		List<Raw> matching = new ArrayList<>();
		for (Raw raw : ROWS) {
			if (interval.contains(raw.time()) && (filter == null || filter.evaluate(raw) == Truth.TRUE)) {
				matching.add(raw);
			}
		}
		// timeseries of granularity all: Druid clips each segment to its data, first row to last, and
		// with skipEmptyBuckets a segment without a matching row answers nothing; the one row is
		// stamped with the earliest, over the segments holding a match, of the later of the query start
		// and the segment's first row. groupBy of granularity all: the query's start.
		long[] firstRows = new long[SEGMENTS.size()];
		Arrays.fill(firstRows, Long.MAX_VALUE);
		for (Raw raw : ROWS) {
			firstRows[raw.segment()] = Math.min(firstRows[raw.segment()], raw.time());
		}
		long allStamp = interval.startMillis();
		if (!grouped) {
			allStamp = Long.MAX_VALUE;
			for (Raw raw : matching) {
				allStamp = Math.min(allStamp, Math.max(interval.startMillis(), firstRows[raw.segment()]));
			}
		}
		Map<List<Object>, List<Raw>> groups = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (Raw raw : matching) {
			long bucket = granularity.equals(Granularity.all()) ? allStamp : granularity.bucketStart(raw.time());
			List<Object> key = grouped ? Arrays.asList(bucket, raw.api()) : List.of(bucket);
			groups.computeIfAbsent(key, ignored -> new ArrayList<>()).add(raw);
		}
		return groups;
	}

	private static Map<List<Object>, JsonNode> actualGroups(String json, boolean grouped) {
		Map<List<Object>, JsonNode> groups = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (JsonNode row : JsonMapper.builder().build().readTree(json)) {
			long bucket = IsoTime.parse(row.get("timestamp").stringValue());
			JsonNode values = grouped ? row.get("event") : row.get("result");
			List<Object> key = grouped
					? Arrays.asList(bucket, values.get("api").isNull() ? null : values.get("api").stringValue())
					: List.of(bucket);
			assertThat(groups.put(key, values)).as("one row per group %s", key).isNull();
		}
		return groups;
	}

	private static void check(JsonNode actual, List<Raw> rows, Filter aggregatorFilter, String where) {
		assertThat(longOrNull(actual.get("firstScore"))).as("firstScore of %s", where)
			.isIn(candidates(rows, Raw::time, false, Raw::score));
		assertThat(longOrNull(actual.get("lastScore"))).as("lastScore of %s", where)
			.isIn(candidates(rows, Raw::time, true, Raw::score));
		assertThat(doubleOrNull(actual.get("firstRatio"))).as("firstRatio of %s", where)
			.isIn(candidates(rows, Raw::time, false, Raw::ratio));
		assertThat(doubleOrNull(actual.get("lastRatio"))).as("lastRatio of %s", where)
			.isIn(candidates(rows, Raw::time, true, Raw::ratio));
		Double lastFloat = doubleOrNull(actual.get("lastRatioFloat"));
		assertThat(lastFloat == null ? null : (Float) lastFloat.floatValue()).as("lastRatioFloat of %s", where)
			.isIn(candidates(rows, Raw::time, true, raw -> raw.ratio() == null ? null : (Float) raw.ratio().floatValue()));
		assertThat(longOrNull(actual.get("firstByRank"))).as("firstByRank of %s", where)
			.isIn(candidates(rows, Raw::rank, false, Raw::score));
		assertThat(longOrNull(actual.get("lastByRank"))).as("lastByRank of %s", where)
			.isIn(candidates(rows, Raw::rank, true, Raw::score));
		List<Raw> matched = rows.stream().filter(raw -> aggregatorFilter.evaluate(raw) == Truth.TRUE).toList();
		assertThat(actual.get("matched").longValue()).as("matched of %s", where).isEqualTo(matched.size());
		Long sum = matched.stream().map(Raw::score).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
		assertThat(longOrNull(actual.get("matchedScore"))).as("matchedScore of %s", where).isEqualTo(sum);
		Set<Double> lastMatched = matched.isEmpty() ? Collections.singleton(null)
				: candidates(matched, Raw::time, true, Raw::ratio);
		assertThat(doubleOrNull(actual.get("matchedLastRatio"))).as("matchedLastRatio of %s", where).isIn(lastMatched);
		long users = rows.stream().map(Raw::user).distinct().count();
		assertThat(actual.get("users").doubleValue()).as("users of %s", where)
			.isBetween(users * (1 - THREE_STANDARD_ERRORS) - 0.5, users * (1 + THREE_STANDARD_ERRORS) + 0.5);
		long places = rows.stream().map(raw -> Arrays.asList(raw.api(), raw.region())).distinct().count();
		assertThat(actual.get("places").doubleValue()).as("places of %s", where)
			.isBetween(places * (1 - THREE_STANDARD_ERRORS) - 0.5, places * (1 + THREE_STANDARD_ERRORS) + 0.5);
	}

	/**
	 * The values first (or last) may give: those of every row at the smallest (largest) order key,
	 * as rows tying on it may come in any order across segments.
	 */
	private static <T> Set<T> candidates(List<Raw> rows, ToLongFunction<Raw> order, boolean last,
			java.util.function.Function<Raw, T> value) {
		long best = last ? Long.MIN_VALUE : Long.MAX_VALUE;
		for (Raw raw : rows) {
			long key = order.applyAsLong(raw);
			best = last ? Math.max(best, key) : Math.min(best, key);
		}
		Set<T> values = new HashSet<>();
		for (Raw raw : rows) {
			if (order.applyAsLong(raw) == best) {
				values.add(value.apply(raw));
			}
		}
		return values;
	}

	private static Long longOrNull(JsonNode node) {
		return node.isNull() ? null : node.longValue();
	}

	private static Double doubleOrNull(JsonNode node) {
		return node.isNull() ? null : node.doubleValue();
	}

	private enum Truth {
		TRUE, FALSE, UNKNOWN
	}

	/** A query filter as this test generates it: its Druid JSON and its three-valued meaning. */
	private sealed interface Filter {

		String json();

		Truth evaluate(Raw raw);

	}

	private record Selector(String dimension, String value) implements Filter {

		@Override
		public String json() {
			return "{\"type\":\"selector\",\"dimension\":\"" + this.dimension + "\",\"value\":" + quote(this.value) + "}";
		}

		@Override
		public Truth evaluate(Raw raw) {
			List<String> values = raw.values(this.dimension);
			if (values.isEmpty()) {
				return this.value == null ? Truth.TRUE : Truth.UNKNOWN;
			}
			return this.value != null && values.contains(this.value) ? Truth.TRUE : Truth.FALSE;
		}

	}

	private record IsNull(String dimension) implements Filter {

		@Override
		public String json() {
			return "{\"type\":\"null\",\"column\":\"" + this.dimension + "\"}";
		}

		@Override
		public Truth evaluate(Raw raw) {
			return raw.values(this.dimension).isEmpty() ? Truth.TRUE : Truth.FALSE;
		}

	}

	private record Not(Filter field) implements Filter {

		@Override
		public String json() {
			return "{\"type\":\"not\",\"field\":" + this.field.json() + "}";
		}

		@Override
		public Truth evaluate(Raw raw) {
			return switch (this.field.evaluate(raw)) {
				case TRUE -> Truth.FALSE;
				case FALSE -> Truth.TRUE;
				case UNKNOWN -> Truth.UNKNOWN;
			};
		}

	}

	private record Both(Filter left, Filter right, boolean and) implements Filter {

		@Override
		public String json() {
			return "{\"type\":\"" + (this.and ? "and" : "or") + "\",\"fields\":[" + this.left.json() + ","
					+ this.right.json() + "]}";
		}

		@Override
		public Truth evaluate(Raw raw) {
			Truth a = this.left.evaluate(raw);
			Truth b = this.right.evaluate(raw);
			Truth decisive = this.and ? Truth.FALSE : Truth.TRUE;
			if (a == decisive || b == decisive) {
				return decisive;
			}
			return a == Truth.UNKNOWN || b == Truth.UNKNOWN ? Truth.UNKNOWN : this.and ? Truth.TRUE : Truth.FALSE;
		}

	}

	private static String quote(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	private static Filter randomFilter(SplittableRandom random, int depth) {
		String dimension = List.of("api", "region", "tags").get(random.nextInt(3));
		return switch (random.nextInt(depth > 0 ? 6 : 3)) {
			case 0, 1 -> new Selector(dimension, randomValue(random, dimension));
			case 2 -> new IsNull(dimension);
			case 3 -> new Not(randomFilter(random, depth - 1));
			default -> new Both(randomFilter(random, depth - 1), randomFilter(random, depth - 1), random.nextBoolean());
		};
	}

	private static String randomValue(SplittableRandom random, String dimension) {
		if (random.nextInt(10) == 0) {
			return null;
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("api", List.of("a", "b", "c", "d", "e"));
		values.put("region", List.of("us", "eu", "ap"));
		values.put("tags", List.of("t1", "t2", "t3", "t4"));
		List<String> choices = values.get(dimension);
		return choices.get(random.nextInt(choices.size()));
	}

}
