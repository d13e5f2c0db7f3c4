package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRow;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.query.extraction.ExtractionFnJson;
import io.strata.engine.segment.Segment;
import io.strata.engine.testing.RandomUsageValues;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Like, regex, search and interval filters, extraction functions on selector, in and bound,
 * extraction dimensions in groupBy and the search query, each against a naive evaluator over the
 * generated events: multi-value and null dimensions, many segments, rollup on and off. The naive
 * side applies extraction functions through their own {@code apply} (unit-tested on their own) and
 * matches LIKE patterns with its own matcher; everything else (dictionaries, bitmaps, three-valued
 * logic, grouping and merging) is computed here from the raw rows.
 */
class ExtractionAndFilterRandomizedTest {

	private static final List<String> DIMENSIONS = List.of("accountId", "apiName", "statusCode", "bundles", "region");

	private static final List<Raw> EVENTS = new ArrayList<>();

	private static final Map<Boolean, List<Segment>> SEGMENTS = new TreeMap<>();

	private static final long START = IsoTime.parse("2026-03-01T00:00:00Z");

	/** One event: dimension values (a list for bundles, null for a missing region), latency. */
	private record Raw(long time, Map<String, Object> dimensions, long latency) {

	}

	private enum Truth {

		TRUE, FALSE, UNKNOWN

	}

	/** A filter leaf or combination as the naive evaluator sees it, with its JSON. */
	private interface Filter {

		Truth evaluate(Raw raw);

		String json();

	}

	@BeforeAll
	static void build() throws Exception {
		Path directory = Files.createTempDirectory("extraction-randomized");
		UsageEventGenerator generator = new UsageEventGenerator(
				new UsageDataConfig(5, Instant.ofEpochMilli(START), 3, 12_000, 80, 10, 8, 1.1));
		SplittableRandom random = new SplittableRandom(3);
		while (generator.hasNext()) {
			UsageEvent event = generator.next();
			EVENTS.add(new Raw(event.timestampMillis(), RandomUsageValues.dimensions(event, random, 8),
					event.latencyMs()));
		}
		for (boolean rollup : new boolean[] { false, true }) {
			DataSchema schema = TestSegments.schema("""
					{"dataSource": "usage", "timestampSpec": {"column": "t"},
					 "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "bundles", "region"]},
					 "metricsSpec": [{"type": "count", "name": "events"},
					                 {"type": "longSum", "name": "latency", "fieldName": "latency"}],
					 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "%s", "rollup": %s}}
					""".formatted(rollup ? "minute" : "none", rollup));
			List<InputRow> rows = new ArrayList<>();
			for (Raw raw : EVENTS) {
				Map<String, Object> fields = new LinkedHashMap<>(raw.dimensions());
				fields.put("latency", raw.latency());
				rows.add(TestSegments.row(raw.time(), fields));
			}
			List<Segment> segments = TestSegments.index(schema, directory.resolve("rollup-" + rollup), 2_500, rows);
			assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
			SEGMENTS.put(rollup, segments);
		}
	}

	@AfterAll
	static void close() {
		SEGMENTS.values().forEach(segments -> segments.forEach(Segment::close));
	}

	@ParameterizedTest
	@CsvSource({ "1,false", "2,true", "3,false", "4,true", "5,false", "6,true" })
	void randomFiltersMatchTheNaiveEvaluator(long seed, boolean rollup) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int round = 0; round < 15; round++) {
			Filter filter = randomFilter(random, 2);
			Interval interval = randomInterval(random);
			String query = """
					{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "all",
					 "filter": %s, "aggregations": [{"type": "longSum", "name": "events", "fieldName": "events"},
					 {"type": "longSum", "name": "latency", "fieldName": "latency"}]}""".formatted(interval, filter.json());
			JsonNode result = JsonMapper.builder().build().readTree(new QueryRunner().run(query, SEGMENTS.get(rollup)));
			long events = 0;
			long latency = 0;
			for (Raw raw : EVENTS) {
				if (interval.contains(raw.time()) && filter.evaluate(raw) == Truth.TRUE) {
					events++;
					latency += raw.latency();
				}
			}
			long actualEvents = result.isEmpty() ? 0 : result.get(0).get("result").get("events").asLong(0);
			long actualLatency = result.isEmpty() ? 0 : result.get(0).get("result").get("latency").asLong(0);
			assertThat(List.of(actualEvents, actualLatency)).as("query %s", query).isEqualTo(List.of(events, latency));
		}
	}

	@ParameterizedTest
	@CsvSource({ "21,false,all", "22,true,day", "23,false,day", "24,true,all" })
	void randomExtractionDimensionsGroupAsTheNaiveEvaluator(long seed, boolean rollup, String granularityName) {
		SplittableRandom random = new SplittableRandom(seed);
		Granularity granularity = Granularity.named(granularityName);
		for (int round = 0; round < 6; round++) {
			boolean onTime = random.nextInt(4) == 0;
			String dimension = onTime ? "__time" : DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
			String fnJson = onTime ? "{\"type\": \"timeFormat\", \"format\": \"" + List.of("HH", "EEE", "yyyy-MM-dd HH:mm")
				.get(random.nextInt(3)) + "\"}" : randomFunction(random, dimension);
			ExtractionFn fn = function(fnJson);
			Filter filter = random.nextBoolean() ? null : randomFilter(random, 1);
			Interval interval = randomInterval(random);
			String query = """
					{"queryType": "groupBy", "dataSource": "usage", "intervals": ["%s"], "granularity": "%s", %s
					 "dimensions": [{"type": "extraction", "dimension": "%s", "outputName": "d", "extractionFn": %s}],
					 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "events"},
					 {"type": "longSum", "name": "latency", "fieldName": "latency"}]}""".formatted(interval, granularityName,
					filter == null ? "" : "\"filter\": " + filter.json() + ",", dimension, fnJson);
			Map<String, List<Long>> actual = new TreeMap<>();
			for (JsonNode row : JsonMapper.builder().build().readTree(new QueryRunner().run(query, SEGMENTS.get(rollup)))) {
				JsonNode value = row.get("event").get("d");
				String bucket = granularityName.equals("all") ? "" : row.get("timestamp").stringValue();
				actual.put(bucket + "|" + (value.isNull() ? "<null>" : value.stringValue()),
						List.of(row.get("event").get("events").longValue(), row.get("event").get("latency").longValue()));
			}
			Map<String, long[]> sums = new TreeMap<>();
			for (Raw raw : EVENTS) {
				if (!interval.contains(raw.time()) || (filter != null && filter.evaluate(raw) != Truth.TRUE)) {
					continue;
				}
				String bucket = granularityName.equals("all") ? "" : IsoTime.format(granularity.bucketStart(raw.time()));
				List<String> extracted = new ArrayList<>();
				if (onTime) {
					// __time is the row's time bucket under a query granularity
					extracted.add(fn.apply(granularityName.equals("all") ? raw.time() : granularity.bucketStart(raw.time())));
				}
				else {
					List<String> values = values(raw, dimension);
					for (String value : values.isEmpty() ? Collections.<String>singletonList(null) : values) {
						extracted.add(fn.apply(value));
					}
				}
				for (String value : extracted) {
					long[] sum = sums.computeIfAbsent(bucket + "|" + (value == null ? "<null>" : value), key -> new long[2]);
					sum[0]++;
					sum[1] += raw.latency();
				}
			}
			Map<String, List<Long>> expected = new TreeMap<>();
			sums.forEach((key, sum) -> expected.put(key, List.of(sum[0], sum[1])));
			assertThat(actual).as("query %s", query).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@CsvSource({ "31,false", "32,true" })
	void randomSearchesCountAsTheNaiveEvaluator(long seed, boolean rollup) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int round = 0; round < 8; round++) {
			// region is always searched too; a dimension listed twice would count twice, as in Druid
			String dimension = DIMENSIONS.get(random.nextInt(DIMENSIONS.size() - 1));
			String part = randomPart(random, dimension);
			boolean caseSensitive = random.nextBoolean();
			Interval interval = randomInterval(random);
			Filter filter = random.nextBoolean() ? null : randomFilter(random, 1);
			String query = """
					{"queryType": "search", "dataSource": "usage", "intervals": ["%s"], "limit": 100000, %s
					 "searchDimensions": ["%s", "region"],
					 "query": {"type": "contains", "value": "%s", "caseSensitive": %s}}""".formatted(interval,
					filter == null ? "" : "\"filter\": " + filter.json() + ",", dimension, part, caseSensitive);
			Map<String, Long> actual = new TreeMap<>();
			for (JsonNode bucket : JsonMapper.builder().build().readTree(new QueryRunner().run(query, SEGMENTS.get(rollup)))) {
				for (JsonNode hit : bucket.get("result")) {
					actual.put(hit.get("dimension").stringValue() + "|" + hit.get("value").stringValue(),
							hit.get("count").longValue());
				}
			}
			Map<String, Long> expected = new TreeMap<>();
			// search counts stored rows: under rollup, events with the same minute and values are one row
			java.util.Set<List<Object>> seen = new java.util.HashSet<>();
			for (Raw raw : EVENTS) {
				if (!interval.contains(raw.time()) || (filter != null && filter.evaluate(raw) != Truth.TRUE)) {
					continue;
				}
				if (rollup) {
					List<Object> key = new ArrayList<>();
					key.add(raw.time() / 60_000L);
					for (String name : DIMENSIONS) {
						List<String> values = new ArrayList<>(values(raw, name));
						Collections.sort(values);
						key.add(values);
					}
					if (!seen.add(key)) {
						continue;
					}
				}
				for (String searched : List.of(dimension, "region")) {
					for (String value : values(raw, searched)) {
						boolean found = caseSensitive ? value.contains(part)
								: value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
						if (found) {
							expected.merge(searched + "|" + value, 1L, Long::sum);
						}
					}
				}
			}
			assertThat(actual).as("query %s", query).isEqualTo(expected);
		}
	}

	private static Interval randomInterval(SplittableRandom random) {
		long start = START + random.nextLong(60) * 3_600_000L;
		return new Interval(start, start + (1 + random.nextLong(40)) * 3_600_000L);
	}

	private static ExtractionFn function(String json) {
		return ExtractionFnJson.read(SpecNode.root(JsonMapper.builder().build().readTree(json), "extractionFn"));
	}

	/** A random extraction function over the values of a dimension. */
	private static String randomFunction(SplittableRandom random, String dimension) {
		return switch (random.nextInt(6)) {
			case 0 -> "{\"type\": \"substring\", \"index\": " + random.nextInt(3) + ", \"length\": " + (1 + random.nextInt(3))
					+ "}";
			case 1 -> "{\"type\": \"strlen\"}";
			case 2 -> "{\"type\": \"upper\"}";
			case 3 -> "{\"type\": \"regex\", \"expr\": \"^(.{1," + (1 + random.nextInt(3)) + "})\"}";
			case 4 -> {
				// map a few seen values to a shared value, so groups collapse
				String a = nonNull(randomValue(random, dimension));
				String b = nonNull(randomValue(random, dimension));
				yield "{\"type\": \"lookup\", \"lookup\": {\"type\": \"map\", \"map\": {\"" + a + "\": \"same\", \"" + b
						+ "\": \"same\"}}, " + (random.nextBoolean() ? "\"retainMissingValue\": true"
								: "\"replaceMissingValueWith\": \"other\"") + "}";
			}
			default -> "{\"type\": \"cascade\", \"extractionFns\": [" + "{\"type\": \"lower\"}, {\"type\": \"regex\", \"expr\": \"([a-m]+)\","
					+ " \"replaceMissingValue\": true}]}";
		};
	}

	private static Filter randomFilter(SplittableRandom random, int depth) {
		int choice = random.nextInt(depth > 0 ? 10 : 7);
		String dimension = DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
		return switch (choice) {
			case 0 -> like(dimension, randomLikePattern(random, dimension));
			case 1 -> {
				String part = randomPart(random, dimension);
				String pattern = (random.nextBoolean() ? "^" : "") + java.util.regex.Pattern.quote(part);
				yield leaf(dimension, null, "{\"type\": \"regex\", \"dimension\": \"" + dimension + "\", \"pattern\": \""
						+ pattern.replace("\\", "\\\\") + "\"}", value -> java.util.regex.Pattern.compile(pattern).matcher(value).find());
			}
			case 2 -> {
				String part = randomPart(random, dimension);
				yield leaf(dimension, null, "{\"type\": \"search\", \"dimension\": \"" + dimension
						+ "\", \"query\": {\"type\": \"insensitive_contains\", \"value\": \"" + part + "\"}}",
						value -> value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)));
			}
			case 3 -> {
				Interval interval = randomInterval(random);
				yield new Filter() {

					@Override
					public Truth evaluate(Raw raw) {
						return interval.contains(raw.time()) ? Truth.TRUE : Truth.FALSE;
					}

					@Override
					public String json() {
						return "{\"type\": \"interval\", \"dimension\": \"__time\", \"intervals\": [\"" + interval + "\"]}";
					}

				};
			}
			case 4 -> {
				String fnJson = randomFunction(random, dimension);
				ExtractionFn fn = function(fnJson);
				String wanted = fn.apply(randomValue(random, dimension));
				yield extracted(dimension, fn, "{\"type\": \"selector\", \"dimension\": \"" + dimension + "\", \"value\": "
						+ quote(wanted) + ", \"extractionFn\": " + fnJson + "}",
						value -> value == null ? (wanted == null ? Truth.TRUE : Truth.UNKNOWN)
								: wanted == null ? Truth.FALSE : value.equals(wanted) ? Truth.TRUE : Truth.FALSE);
			}
			case 5 -> {
				String fnJson = randomFunction(random, dimension);
				ExtractionFn fn = function(fnJson);
				List<String> wanted = java.util.Arrays.asList(fn.apply(randomValue(random, dimension)),
						fn.apply(randomValue(random, dimension)));
				yield extracted(dimension, fn, "{\"type\": \"in\", \"dimension\": \"" + dimension + "\", \"values\": ["
						+ quote(wanted.get(0)) + ", " + quote(wanted.get(1)) + "], \"extractionFn\": " + fnJson + "}",
						value -> value == null ? (wanted.contains(null) ? Truth.TRUE : Truth.UNKNOWN)
								: wanted.contains(value) ? Truth.TRUE : Truth.FALSE);
			}
			case 6 -> {
				String fnJson = "{\"type\": \"strlen\"}";
				int lower = random.nextInt(6);
				int upper = lower + random.nextInt(6);
				yield extracted(dimension, function(fnJson), "{\"type\": \"bound\", \"dimension\": \"" + dimension
						+ "\", \"lower\": \"" + lower + "\", \"upper\": \"" + upper + "\", \"upperStrict\": true,"
						+ " \"ordering\": \"numeric\", \"extractionFn\": " + fnJson + "}",
						value -> value == null ? Truth.UNKNOWN
								: Integer.parseInt(value) >= lower && Integer.parseInt(value) < upper ? Truth.TRUE : Truth.FALSE);
			}
			case 7 -> combine("and", randomFilter(random, depth - 1), randomFilter(random, depth - 1));
			case 8 -> combine("or", randomFilter(random, depth - 1), randomFilter(random, depth - 1));
			default -> {
				Filter inner = randomFilter(random, depth - 1);
				yield new Filter() {

					@Override
					public Truth evaluate(Raw raw) {
						return switch (inner.evaluate(raw)) {
							case TRUE -> Truth.FALSE;
							case FALSE -> Truth.TRUE;
							case UNKNOWN -> Truth.UNKNOWN;
						};
					}

					@Override
					public String json() {
						return "{\"type\": \"not\", \"field\": " + inner.json() + "}";
					}

				};
			}
		};
	}

	private interface StringTest {

		boolean test(String value);

	}

	private interface ExtractedTest {

		Truth test(String value);

	}

	/** A leaf with no extraction: a row matches when any value passes; no value at all is unknown. */
	private static Filter leaf(String dimension, ExtractionFn ignored, String json, StringTest test) {
		return extracted(dimension, null, json, value -> value == null ? Truth.UNKNOWN : Truth.valueOf(
				test.test(value) ? "TRUE" : "FALSE"));
	}

	/** Any value (after extraction) true makes the row true, else any unknown makes it unknown. */
	private static Filter extracted(String dimension, ExtractionFn fn, String json, ExtractedTest test) {
		return new Filter() {

			@Override
			public Truth evaluate(Raw raw) {
				List<String> values = values(raw, dimension);
				Truth result = Truth.FALSE;
				for (String value : values.isEmpty() ? Collections.<String>singletonList(null) : values) {
					Truth truth = test.test(fn == null ? value : fn.apply(value));
					if (truth == Truth.TRUE) {
						return Truth.TRUE;
					}
					if (truth == Truth.UNKNOWN) {
						result = Truth.UNKNOWN;
					}
				}
				return result;
			}

			@Override
			public String json() {
				return json;
			}

		};
	}

	private static Filter like(String dimension, String pattern) {
		return leaf(dimension, null, "{\"type\": \"like\", \"dimension\": \"" + dimension + "\", \"pattern\": \""
				+ pattern.replace("\\", "\\\\") + "\", \"escape\": \"\\\\\"}", value -> likeMatches(value, 0, pattern, 0));
	}

	/** SQL LIKE by recursion, with backslash as the escape. */
	private static boolean likeMatches(String value, int at, String pattern, int from) {
		if (from == pattern.length()) {
			return at == value.length();
		}
		char c = pattern.charAt(from);
		if (c == '%') {
			for (int next = at; next <= value.length(); next++) {
				if (likeMatches(value, next, pattern, from + 1)) {
					return true;
				}
			}
			return false;
		}
		if (c == '\\' && from + 1 < pattern.length()) {
			return at < value.length() && value.charAt(at) == pattern.charAt(from + 1)
					&& likeMatches(value, at + 1, pattern, from + 2);
		}
		return at < value.length() && (c == '_' || value.charAt(at) == c) && likeMatches(value, at + 1, pattern, from + 1);
	}

	/** A LIKE pattern from a seen value: some characters become _, a prefix or suffix becomes %. */
	private static String randomLikePattern(SplittableRandom random, String dimension) {
		String value = nonNull(randomValue(random, dimension));
		StringBuilder pattern = new StringBuilder();
		int from = random.nextInt(3) == 0 ? Math.min(value.length(), 1 + random.nextInt(3)) : 0;
		if (from > 0) {
			pattern.append('%');
		}
		for (int i = from; i < value.length(); i++) {
			char c = value.charAt(i);
			if (random.nextInt(5) == 0) {
				pattern.append('_');
			}
			else if (c == '%' || c == '_' || c == '\\') {
				pattern.append('\\').append(c);
			}
			else {
				pattern.append(c);
			}
		}
		if (random.nextBoolean()) {
			int cut = random.nextInt(pattern.length() + 1);
			while (cut > 0 && pattern.charAt(cut - 1) == '\\') {
				cut--;
			}
			pattern.setLength(cut);
			pattern.append('%');
		}
		return pattern.toString();
	}

	private static Filter combine(String type, Filter left, Filter right) {
		return new Filter() {

			@Override
			public Truth evaluate(Raw raw) {
				Truth a = left.evaluate(raw);
				Truth b = right.evaluate(raw);
				if (type.equals("and")) {
					return a == Truth.FALSE || b == Truth.FALSE ? Truth.FALSE
							: a == Truth.TRUE && b == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
				}
				return a == Truth.TRUE || b == Truth.TRUE ? Truth.TRUE
						: a == Truth.FALSE && b == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
			}

			@Override
			public String json() {
				return "{\"type\": \"" + type + "\", \"fields\": [" + left.json() + ", " + right.json() + "]}";
			}

		};
	}

	/** Two or three characters of a seen value, or of "zz" when the value is null. */
	private static String randomPart(SplittableRandom random, String dimension) {
		String value = nonNull(randomValue(random, dimension));
		int length = Math.min(value.length(), 2 + random.nextInt(2));
		int start = random.nextInt(value.length() - length + 1);
		String part = value.substring(start, start + length);
		return random.nextBoolean() ? part.toUpperCase(Locale.ROOT) : part;
	}

	private static String randomValue(SplittableRandom random, String dimension) {
		Raw raw = EVENTS.get(random.nextInt(EVENTS.size()));
		List<String> values = values(raw, dimension);
		return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
	}

	private static String nonNull(String value) {
		return value == null ? "zz" : value;
	}

	private static String quote(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	private static List<String> values(Raw raw, String dimension) {
		return RandomUsageValues.values(raw.dimensions().get(dimension));
	}

}
