package io.strata.engine.query;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.testing.TestSegments;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HLLSketchMerge over stored sketch columns of memory-mapped segments (rollup off: a coupon per
 * row; rollup on: LIST, SET and HLL rows, checked by {@link #rollupRowsHoldEveryMode}) against a naive evaluator that reads each row's stored
 * bytes and folds them with DataSketches' own HllUnion. Where the union stays in order its
 * estimate is HIP, which depends on the order sketches arrive in, so the evaluator folds in the
 * order Druid's engines do: rows in order within a segment and bucket, then the segments' result
 * sketches in segment order.
 */
class HllMergeQueryTest {

	private static final Map<Boolean, List<Segment>> SEGMENTS = new TreeMap<>();

	private static final String START = "2026-05-01T00:00:00Z";

	@BeforeAll
	static void build() throws Exception {
		Path directory = Files.createTempDirectory("hll-merge");
		SplittableRandom random = new SplittableRandom(17);
		List<InputRow> rows = new ArrayList<>();
		long start = IsoTime.parse(START);
		for (int i = 0; i < 40_000; i++) {
			FieldMap fields = new FieldMap(4);
			fields.put("api", List.of("a", "b", "c", "d").get(random.nextInt(4)));
			// rolled up by six hours: tier x rows hold HLL-mode sketches, y rows SET ones, the rare tiers LIST ones
			int tier = random.nextInt(100);
			fields.put("tier", tier < 87 ? "x" : tier < 90 ? "y" : "t" + random.nextInt(40));
			// a few heavy users and a long tail, so rollup rows range from one coupon to HLL mode
			fields.put("userId", "u" + (random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(30_000)));
			rows.add(new InputRow(start + random.nextLong(2 * 86_400_000L), fields));
		}
		rows.sort(java.util.Comparator.comparingLong(InputRow::timestampMillis));
		for (boolean rollup : new boolean[] { false, true }) {
			DataSchema schema = TestSegments.schema("""
					{"dataSource": "usage", "timestampSpec": {"column": "t"},
					 "dimensionsSpec": {"dimensions": ["api", "tier"]},
					 "metricsSpec": [{"type": "HLLSketchBuild", "name": "users", "fieldName": "userId"},
					                 {"type": "HLLSketchBuild", "name": "users8", "fieldName": "userId", "lgK": 8, "tgtHllType": "HLL_8"}],
					 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "%s", "rollup": %s}}
					""".formatted(rollup ? "six_hour" : "none", rollup));
			SEGMENTS.put(rollup, TestSegments.index(schema, directory.resolve("rollup-" + rollup), 7_000, rows));
		}
	}

	@AfterAll
	static void close() {
		SEGMENTS.values().forEach(segments -> segments.forEach(Segment::close));
	}

	@ParameterizedTest
	@CsvSource({ "false,all,users,12,HLL_4", "false,day,users,12,HLL_4", "false,hour,users,10,HLL_8",
			"false,six_hour,users8,12,HLL_6", "true,all,users,12,HLL_4", "true,day,users,14,HLL_6",
			"true,hour,users,12,HLL_8", "true,all,users8,8,HLL_4", "true,day,users8,11,HLL_4" })
	void timeseriesMatchesTheNaiveUnion(boolean rollup, String granularityName, String column, int lgK,
			String type) throws Exception {
		Interval interval = new Interval(IsoTime.parse(START) + 5 * 3_600_000L, IsoTime.parse(START) + 40 * 3_600_000L);
		String actual = new QueryRunner().run("""
				{"queryType": "timeseries", "dataSource": "usage", "intervals": ["%s"], "granularity": "%s",
				 "context": {"skipEmptyBuckets": true},
				 "aggregations": [{"type": "HLLSketchMerge", "name": "u", "fieldName": "%s", "lgK": %d, "tgtHllType": "%s"}]}
				""".formatted(interval, granularityName, column, lgK, type), SEGMENTS.get(rollup));
		Map<List<Object>, Double> estimates = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (JsonNode row : JsonMapper.builder().build().readTree(actual)) {
			estimates.put(List.of(IsoTime.parse(row.get("timestamp").stringValue())),
					row.get("result").get("u").doubleValue());
		}
		Granularity granularity = Granularity.named(granularityName);
		Map<List<Object>, Double> expected = expected(SEGMENTS.get(rollup), interval, column, lgK,
				TgtHllType.valueOf(type), (time, api) -> List.of(
						granularity.equals(Granularity.all()) ? interval.startMillis() : granularity.bucketStart(time)));
		assertSameEstimates(estimates, expected);
	}

	@ParameterizedTest
	@CsvSource({ "false,users,12,HLL_4", "true,users,12,HLL_8", "true,users8,10,HLL_6" })
	void groupByMatchesTheNaiveUnion(boolean rollup, String column, int lgK, String type) throws Exception {
		Interval interval = new Interval(IsoTime.parse(START), IsoTime.parse(START) + 2 * 86_400_000L);
		String actual = new QueryRunner().run("""
				{"queryType": "groupBy", "dataSource": "usage", "intervals": ["%s"], "granularity": "day",
				 "dimensions": ["api"],
				 "aggregations": [{"type": "HLLSketchMerge", "name": "u", "fieldName": "%s", "lgK": %d, "tgtHllType": "%s"}]}
				""".formatted(interval, column, lgK, type), SEGMENTS.get(rollup));
		Map<List<Object>, Double> estimates = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (JsonNode row : JsonMapper.builder().build().readTree(actual)) {
			estimates.put(List.of(IsoTime.parse(row.get("timestamp").stringValue()), row.get("event").get("api").stringValue()),
					row.get("event").get("u").doubleValue());
		}
		Granularity day = Granularity.named("day");
		Map<List<Object>, Double> expected = expected(SEGMENTS.get(rollup), interval, column, lgK,
				TgtHllType.valueOf(type), (time, api) -> List.of(day.bucketStart(time), api));
		assertSameEstimates(estimates, expected);
	}

	@ParameterizedTest
	@CsvSource({ "users", "users8" })
	void rollupRowsHoldEveryMode(String column) {
		int[] modes = new int[3];
		for (Segment segment : SEGMENTS.get(true)) {
			SketchValues sketches = segment.sketchColumn(column).open();
			for (int row = 0; row < segment.numRows(); row++) {
				modes[sketches.getBytes(row)[7] & 3]++;
			}
		}
		assertThat(java.util.Arrays.stream(modes).min().orElseThrow()).as("fewest rows of LIST, SET and HLL mode in %s", java.util.Arrays.toString(modes)).isGreaterThan(5);
	}

	private interface Grouping {

		List<Object> key(long time, String api);

	}

	/** Per key: each segment's rows folded in row order, then the segments' results in segment order. */
	private static Map<List<Object>, Double> expected(List<Segment> segments, Interval interval, String column, int lgK,
			TgtHllType type, Grouping grouping) {
		Map<List<Object>, HllUnion> overall = new LinkedHashMap<>();
		for (Segment segment : segments) {
			Map<List<Object>, HllUnion> own = new LinkedHashMap<>();
			NumericValues times = segment.time().open();
			SketchValues sketches = segment.sketchColumn(column).open();
			StringColumn apis = segment.stringColumn("api");
			StringValues apiIds = apis.open();
			for (int row = 0; row < segment.numRows(); row++) {
				long time = times.getLong(row);
				byte[] stored = sketches.getBytes(row);
				if (!interval.contains(time) || stored == null) {
					continue;
				}
				String api = apis.dictionary().get(apiIds.getId(row));
				own.computeIfAbsent(grouping.key(time, api), key -> new HllUnion(lgK)).update(HllSketch.heapify(stored));
			}
			own.forEach((key, union) -> overall.computeIfAbsent(key, ignored -> new HllUnion(lgK))
				.update(union.getResult(type)));
		}
		Map<List<Object>, Double> estimates = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		overall.forEach((key, union) -> estimates.put(key, union.getResult(type).getEstimate()));
		return estimates;
	}

	private static void assertSameEstimates(Map<List<Object>, Double> actual, Map<List<Object>, Double> expected) {
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		assertThat(expected).isNotEmpty();
		for (Map.Entry<List<Object>, Double> entry : expected.entrySet()) {
			double got = actual.get(entry.getKey());
			assertThat(Math.abs(got - entry.getValue()) / Math.max(1, entry.getValue()))
				.as("%s: %s vs %s", entry.getKey(), got, entry.getValue())
				.isLessThanOrEqualTo(1e-9);
		}
	}

}
