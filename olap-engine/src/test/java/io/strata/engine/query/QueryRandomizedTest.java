package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.InputRow;
import io.strata.engine.query.filter.AndFilter;
import io.strata.engine.query.filter.BoundFilter;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.InFilter;
import io.strata.engine.query.filter.NotFilter;
import io.strata.engine.query.filter.NullFilter;
import io.strata.engine.query.filter.OrFilter;
import io.strata.engine.query.filter.SelectorFilter;
import io.strata.engine.query.exec.QueryRunner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeseries against a naive row-by-row evaluator: random filter trees (three-valued logic over
 * multi-value and null dimensions) on many segments built with rollup on and off, compared bucket
 * by bucket with sums computed straight from the generated events.
 */
class QueryRandomizedTest {

	private static final long MINUTE = 60_000L;

	private static final long DAY = 86_400_000L;

	private static final List<String> DIMENSIONS = List.of("accountId", "apiName", "statusCode", "bundles", "region");

	private static final List<Raw> EVENTS = new ArrayList<>();

	private static final Map<Boolean, List<Segment>> SEGMENTS = new TreeMap<>();

	private static Path directory;

	/** One generated event as the test sees it: dimension values (a list for bundles) and metrics. */
	private record Raw(long time, Map<String, Object> dimensions, long latency, long bytes) {

	}

	@BeforeAll
	static void build() throws Exception {
		directory = Files.createTempDirectory("timeseries-randomized");
		UsageEventGenerator generator = new UsageEventGenerator(
				new UsageDataConfig(7, Instant.parse("2026-03-01T00:00:00Z"), 3, 40_000, 150, 12, 15, 1.1));
		SplittableRandom random = new SplittableRandom(11);
		while (generator.hasNext()) {
			UsageEvent event = generator.next();
			EVENTS.add(new Raw(event.timestampMillis(), RandomUsageValues.dimensions(event, random, 10),
					event.latencyMs(), event.bytes()));
		}
		for (boolean rollup : new boolean[] { false, true }) {
			DataSchema schema = TestSegments.schema("""
					{"dataSource": "usage", "timestampSpec": {"column": "t"},
					 "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "bundles", "region"]},
					 "metricsSpec": [{"type": "count", "name": "events"},
					                 {"type": "longSum", "name": "latency", "fieldName": "latency"},
					                 {"type": "longMax", "name": "maxBytes", "fieldName": "bytes"}],
					 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "%s", "rollup": %s}}
					""".formatted(rollup ? "minute" : "none", rollup));
			List<InputRow> rows = new ArrayList<>();
			for (Raw raw : EVENTS) {
				Map<String, Object> fields = new LinkedHashMap<>(raw.dimensions());
				fields.put("latency", raw.latency());
				fields.put("bytes", raw.bytes());
				rows.add(TestSegments.row(raw.time(), fields));
			}
			SEGMENTS.put(rollup, TestSegments.index(schema, directory.resolve("rollup-" + rollup), 4_000, rows));
		}
	}

	@AfterAll
	static void close() {
		SEGMENTS.values().forEach(segments -> segments.forEach(Segment::close));
	}

	@ParameterizedTest
	@CsvSource({ "1,false,hour", "2,true,hour", "3,false,day", "4,true,all", "5,false,all", "6,true,day",
			"7,false,six_hour", "8,true,hour" })
	void randomFiltersMatchTheNaiveEvaluator(long seed, boolean rollup, String granularityName) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		Granularity granularity = Granularity.named(granularityName);
		QueryJsonWriter writer = new QueryJsonWriter();
		for (int round = 0; round < 12; round++) {
			DimFilter filter = randomFilter(random, 3);
			long start = IsoTime.parse("2026-03-01T00:00:00Z") + random.nextLong(36) * 3_600_000L;
			long end = start + (1 + random.nextLong(48)) * 3_600_000L;
			Interval interval = new Interval(start, end);
			String query = """
					{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "%s",
					 "filter": %s, "context": {"skipEmptyBuckets": true},
					 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "events"},
					                  {"type": "longSum", "name": "latency", "fieldName": "latency"},
					                  {"type": "longMax", "name": "maxBytes", "fieldName": "maxBytes"}]}
					""".formatted(interval, granularityName, writer.filter(filter));
			String actual = new QueryRunner().run(query, SEGMENTS.get(rollup));
			assertThat(parse(actual)).as("query %s", query).isEqualTo(expected(filter, interval, granularity, rollup));
		}
	}

	@ParameterizedTest
	@CsvSource({ "11,false,day,apiName;region", "12,true,all,bundles;statusCode", "13,false,all,region",
			"14,true,hour,accountId;bundles" })
	void randomGroupBysMatchTheNaiveEvaluator(long seed, boolean rollup, String granularityName, String dimensionList) {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> dimensions = List.of(dimensionList.split(";"));
		Granularity granularity = Granularity.named(granularityName);
		QueryJsonWriter writer = new QueryJsonWriter();
		for (int round = 0; round < 6; round++) {
			DimFilter filter = randomFilter(random, 2);
			long start = IsoTime.parse("2026-03-01T00:00:00Z") + random.nextLong(36) * 3_600_000L;
			Interval interval = new Interval(start, start + (1 + random.nextLong(30)) * 3_600_000L);
			String query = """
					{"queryType": "groupBy", "dataSource": "usage", "intervals": ["%s"], "granularity": "%s",
					 "filter": %s, "dimensions": [%s],
					 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "events"},
					                  {"type": "longSum", "name": "latency", "fieldName": "latency"}]}
					""".formatted(interval, granularityName, writer.filter(filter),
					String.join(",", dimensions.stream().map(name -> "\"" + name + "\"").toList()));
			String actual = new QueryRunner().run(query, SEGMENTS.get(rollup));
			Map<List<Object>, List<Long>> groups = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
			for (JsonNode row : JsonMapper.builder().build().readTree(actual)) {
				List<Object> key = new ArrayList<>();
				key.add(IsoTime.parse(row.get("timestamp").stringValue()));
				for (String dimension : dimensions) {
					JsonNode value = row.get("event").get(dimension);
					key.add(value.isNull() ? "<null>" : value.stringValue());
				}
				groups.put(key, List.of(row.get("event").get("events").longValue(),
						row.get("event").get("latency").longValue()));
			}
			assertThat(groups).as("query %s", query).isEqualTo(expectedGroups(filter, interval, granularity, dimensions));
		}
	}

	private static Map<List<Object>, List<Long>> expectedGroups(DimFilter filter, Interval interval,
			Granularity granularity, List<String> dimensions) {
		Map<List<Object>, long[]> sums = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (Raw raw : EVENTS) {
			if (!interval.contains(raw.time()) || evaluate(filter, raw) != Truth.TRUE) {
				continue;
			}
			// Druid stamps a groupBy of granularity all with the start of the query's (first) interval
			long bucket = granularity.equals(Granularity.all()) ? interval.startMillis()
					: granularity.bucketStart(raw.time());
			List<List<Object>> keys = new ArrayList<>();
			keys.add(new ArrayList<>(List.of(bucket)));
			for (String dimension : dimensions) {
				List<String> values = values(raw, dimension);
				List<List<Object>> next = new ArrayList<>();
				for (List<Object> prefix : keys) {
					for (String value : values.isEmpty() ? java.util.Collections.singletonList("<null>") : values) {
						List<Object> key = new ArrayList<>(prefix);
						key.add(value);
						next.add(key);
					}
				}
				keys = next;
			}
			for (List<Object> key : keys) {
				long[] values = sums.computeIfAbsent(key, ignored -> new long[2]);
				values[0]++;
				values[1] += raw.latency();
			}
		}
		Map<List<Object>, List<Long>> result = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		sums.forEach((key, values) -> result.put(key, List.of(values[0], values[1])));
		return result;
	}

	private static Map<Long, List<Long>> parse(String json) {
		Map<Long, List<Long>> result = new TreeMap<>();
		for (JsonNode row : JsonMapper.builder().build().readTree(json)) {
			JsonNode values = row.get("result");
			result.put(IsoTime.parse(row.get("timestamp").stringValue()),
					List.of(values.get("events").longValue(), values.get("latency").longValue(),
							values.get("maxBytes").longValue()));
		}
		return result;
	}

	private static Map<Long, List<Long>> expected(DimFilter filter, Interval interval, Granularity granularity,
			boolean rollup) {
		boolean all = granularity.equals(Granularity.all());
		Map<Long, Long> firstRows = firstRowPerDay(rollup);
		TreeMap<Long, long[]> sums = new TreeMap<>();
		for (Raw raw : EVENTS) {
			if (!interval.contains(raw.time()) || evaluate(filter, raw) != Truth.TRUE) {
				continue;
			}
			// granularity all: Druid clips each day segment to its data, first row to last, and with
			// skipEmptyBuckets a segment without a matching row answers nothing; so the one row is
			// stamped with the earliest, over the segments holding a match, of the later of the query
			// start and the segment's first row (keyed here per segment, folded into one row below)
			long bucket = all ? Math.max(interval.startMillis(), firstRows.get(dayOf(raw.time())))
					: granularity.bucketStart(raw.time());
			long[] values = sums.computeIfAbsent(bucket, key -> new long[] { 0, 0, Long.MIN_VALUE });
			values[0]++;
			values[1] += raw.latency();
			values[2] = Math.max(values[2], raw.bytes());
		}
		Map<Long, List<Long>> result = new TreeMap<>();
		if (all && !sums.isEmpty()) {
			long[] total = { 0, 0, Long.MIN_VALUE };
			for (long[] values : sums.values()) {
				total[0] += values[0];
				total[1] += values[1];
				total[2] = Math.max(total[2], values[2]);
			}
			result.put(sums.firstKey(), List.of(total[0], total[1], total[2]));
			return result;
		}
		sums.forEach((bucket, values) -> result.put(bucket, List.of(values[0], values[1], values[2])));
		return result;
	}

	/**
	 * The first row's time of each day segment (by the day's start), from the raw events: the
	 * earliest event of that UTC day, truncated to the minute when rollup stores minute buckets.
	 */
	private static Map<Long, Long> firstRowPerDay(boolean rollup) {
		Map<Long, Long> first = new TreeMap<>();
		for (Raw raw : EVENTS) {
			long stored = rollup ? raw.time() - Math.floorMod(raw.time(), MINUTE) : raw.time();
			first.merge(dayOf(raw.time()), stored, Math::min);
		}
		return first;
	}

	private static long dayOf(long time) {
		return time - Math.floorMod(time, DAY);
	}

	private enum Truth {
		TRUE, FALSE, UNKNOWN
	}

	private static Truth evaluate(DimFilter filter, Raw raw) {
		return switch (filter) {
			case SelectorFilter selector -> matches(raw, selector.dimension(), java.util.Collections.singletonList(selector.value()));
			case InFilter in -> matches(raw, in.dimension(), in.values());
			case NullFilter isNull -> values(raw, isNull.column()).isEmpty() ? Truth.TRUE : Truth.FALSE;
			case BoundFilter bound -> {
				List<String> values = values(raw, bound.dimension());
				if (values.isEmpty()) {
					yield Truth.UNKNOWN;
				}
				for (String value : values) {
					boolean aboveLower = bound.lower() == null || (bound.lowerStrict()
							? bound.ordering().compare(value, bound.lower()) > 0
							: bound.ordering().compare(value, bound.lower()) >= 0);
					boolean belowUpper = bound.upper() == null || (bound.upperStrict()
							? bound.ordering().compare(value, bound.upper()) < 0
							: bound.ordering().compare(value, bound.upper()) <= 0);
					if (aboveLower && belowUpper) {
						yield Truth.TRUE;
					}
				}
				yield Truth.FALSE;
			}
			case AndFilter and -> {
				Truth result = Truth.TRUE;
				for (DimFilter field : and.fields()) {
					Truth part = evaluate(field, raw);
					if (part == Truth.FALSE) {
						yield Truth.FALSE;
					}
					if (part == Truth.UNKNOWN) {
						result = Truth.UNKNOWN;
					}
				}
				yield result;
			}
			case OrFilter or -> {
				Truth result = Truth.FALSE;
				for (DimFilter field : or.fields()) {
					Truth part = evaluate(field, raw);
					if (part == Truth.TRUE) {
						yield Truth.TRUE;
					}
					if (part == Truth.UNKNOWN) {
						result = Truth.UNKNOWN;
					}
				}
				yield result;
			}
			case NotFilter not -> switch (evaluate(not.field(), raw)) {
				case TRUE -> Truth.FALSE;
				case FALSE -> Truth.TRUE;
				case UNKNOWN -> Truth.UNKNOWN;
			};
			default -> throw new IllegalStateException("filter not generated here: " + filter);
		};
	}

	private static Truth matches(Raw raw, String dimension, List<String> wanted) {
		List<String> values = values(raw, dimension);
		if (values.isEmpty()) {
			return wanted.contains(null) ? Truth.TRUE : Truth.UNKNOWN;
		}
		for (String value : values) {
			if (wanted.contains(value)) {
				return Truth.TRUE;
			}
		}
		return Truth.FALSE;
	}

	private static List<String> values(Raw raw, String dimension) {
		return RandomUsageValues.values(raw.dimensions().get(dimension));
	}

	private static DimFilter randomFilter(SplittableRandom random, int depth) {
		int choice = random.nextInt(depth > 0 ? 8 : 4);
		String dimension = DIMENSIONS.get(random.nextInt(DIMENSIONS.size()));
		return switch (choice) {
			case 0 -> new SelectorFilter(dimension, randomValue(random, dimension));
			case 1 -> new InFilter(dimension, List.of(nonNull(randomValue(random, dimension)),
					nonNull(randomValue(random, dimension))));
			case 2 -> {
				String a = nonNull(randomValue(random, dimension));
				String b = nonNull(randomValue(random, dimension));
				// the orderings that compare text (numeric's bound parses numbers, tested elsewhere)
				StringOrdering ordering = List.of(StringOrdering.LEXICOGRAPHIC, StringOrdering.ALPHANUMERIC,
						StringOrdering.STRLEN, StringOrdering.VERSION).get(random.nextInt(4));
				boolean ordered = ordering.compare(a, b) <= 0;
				String lower = random.nextInt(4) == 0 ? null : ordered ? a : b;
				String upper = lower != null && random.nextInt(4) == 0 ? null : ordered ? b : a;
				yield new BoundFilter(dimension, lower, upper, random.nextBoolean(), random.nextBoolean(), ordering,
						null);
			}
			case 3 -> new NullFilter(random.nextBoolean() ? "region" : "bundles");
			case 4, 5 -> new AndFilter(List.of(randomFilter(random, depth - 1), randomFilter(random, depth - 1)));
			case 6 -> new OrFilter(List.of(randomFilter(random, depth - 1), randomFilter(random, depth - 1)));
			default -> new NotFilter(randomFilter(random, depth - 1));
		};
	}

	private static String nonNull(String value) {
		return value == null ? "none" : value;
	}

	private static String randomValue(SplittableRandom random, String dimension) {
		if (random.nextInt(12) == 0) {
			return null;
		}
		Raw raw = EVENTS.get(random.nextInt(EVENTS.size()));
		List<String> values = values(raw, dimension);
		return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
	}

	/** Writes filters back to Druid JSON, so the test goes through the JSON binding too. */
	private static final class QueryJsonWriter {

		String filter(DimFilter filter) {
			return switch (filter) {
				case SelectorFilter s -> "{\"type\":\"selector\",\"dimension\":\"" + s.dimension() + "\",\"value\":"
						+ quote(s.value()) + "}";
				case InFilter in -> "{\"type\":\"in\",\"dimension\":\"" + in.dimension() + "\",\"values\":["
						+ String.join(",", in.values().stream().map(QueryJsonWriter::quote).toList()) + "]}";
				case BoundFilter b -> "{\"type\":\"bound\",\"dimension\":\"" + b.dimension() + "\",\"lower\":"
						+ quote(b.lower()) + ",\"upper\":" + quote(b.upper()) + ",\"lowerStrict\":" + b.lowerStrict()
						+ ",\"upperStrict\":" + b.upperStrict() + ",\"ordering\":\"" + b.ordering().jsonName() + "\"}";
				case NullFilter n -> "{\"type\":\"null\",\"column\":\"" + n.column() + "\"}";
				case AndFilter a -> "{\"type\":\"and\",\"fields\":["
						+ String.join(",", a.fields().stream().map(this::filter).toList()) + "]}";
				case OrFilter o -> "{\"type\":\"or\",\"fields\":["
						+ String.join(",", o.fields().stream().map(this::filter).toList()) + "]}";
				case NotFilter n -> "{\"type\":\"not\",\"field\":" + filter(n.field()) + "}";
				default -> throw new IllegalStateException();
			};
		}

		private static String quote(String value) {
			return value == null ? "null" : "\"" + value + "\"";
		}

	}

}
