package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.testing.SegmentReadComparison;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot segment of a live index against the segment persisted from the same index: the
 * same random rows (nulls, multi-values, discovered dimensions, sketches, rollup on and off) must
 * read alike column by column and answer every query type alike.
 */
class IncrementalIndexSegmentTest {

	static final Interval DAY = Interval.parse("2026-10-01/2026-10-02");

	static final SegmentId ID = new SegmentId("live", DAY, "v1", 0);

	static final List<AggregatorSpec> METRICS = List.of(new CountAggregatorSpec("rows"),
			new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "latency", "latencyMs"),
			new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "bytes", "bytesIn"),
			new NumericAggregatorSpec(NumericAggregation.FLOAT_MAX, "bytesMax", "bytesIn"),
			new NumericAggregatorSpec(NumericAggregation.LONG_MIN, "latencyMin", "latencyMs"),
			new HllSketchAggregatorSpec("users", "user", HllSketchAggregatorSpec.DEFAULT_LG_K,
					HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE, false, false),
			new ThetaSketchAggregatorSpec("usersTheta", "user", ThetaSketchAggregatorSpec.DEFAULT_SIZE, false),
			new QuantilesSketchAggregatorSpec("latencies", "latencyMs", QuantilesSketchAggregatorSpec.DEFAULT_K));

	private static final List<String> COUNTRIES = List.of("de", "fr", "us", "\u00e9t\u00e9", "\ud83d\ude00");

	private static final List<String> TAGS = List.of("t0", "t1", "t2", "t3", "T4", "t10");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	static DataSchema schema(boolean rollup, boolean discover) {
		DimensionsSpec dimensions = discover ? DimensionsSpec.discover(List.of())
				: DimensionsSpec.explicit(List.of(DimensionSchema.string("country"), DimensionSchema.string("tags"),
						DimensionSchema.string("device"), DimensionSchema.of("code", ColumnType.LONG),
						DimensionSchema.of("ratio", ColumnType.FLOAT), DimensionSchema.of("score", ColumnType.DOUBLE),
						DimensionSchema.string("late")));
		return new DataSchema("live", TimestampSpec.of("timestamp", TimestampFormat.AUTO), dimensions, METRICS,
				new GranularitySpec(Granularity.named("day"), rollup ? Granularity.named("minute") : Granularity.none(),
						rollup, List.of()));
	}

	/** Random rows over the day; the field {@code late} appears only in the second half. */
	static List<InputRow> generate(SplittableRandom random, int count) {
		List<InputRow> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			if (i > 0 && random.nextInt(3) == 0) {
				// the dimensions of an earlier row in the same minute, so that rollup merges rows
				InputRow earlier = rows.get(random.nextInt(i));
				Map<String, Object> fields = new LinkedHashMap<>(earlier.fields());
				fields.put("latencyMs", (long) random.nextInt(1000));
				fields.put("user", "u" + random.nextInt(300));
				long minute = earlier.timestampMillis() / 60_000L * 60_000L;
				rows.add(new InputRow(minute + random.nextLong(60_000), fields));
				continue;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			long time = DAY.startMillis() + random.nextLong(180) * 60_000L + random.nextLong(60_000);
			if (random.nextInt(6) != 0) {
				fields.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
			}
			fields.put("tags", tags(random));
			fields.put("device", "d" + random.nextInt(40));
			switch (random.nextInt(5)) {
				case 0 -> {
				}
				case 1 -> fields.put("code", String.valueOf(200 + random.nextInt(3)));
				default -> fields.put("code", (long) (200 + 100 * random.nextInt(4)));
			}
			if (random.nextInt(4) != 0) {
				fields.put("ratio", random.nextInt(5) / 4.0);
			}
			if (random.nextInt(3) != 0) {
				fields.put("score", (double) random.nextInt(7) - 3);
			}
			if (i >= count / 2 && random.nextBoolean()) {
				fields.put("late", "l" + random.nextInt(3));
			}
			if (random.nextInt(7) != 0) {
				fields.put("latencyMs", (long) random.nextInt(1000));
			}
			fields.put("bytesIn", random.nextInt(5000) / 8.0);
			fields.put("user", "u" + random.nextInt(300));
			rows.add(new InputRow(time, fields));
		}
		return rows;
	}

	private static Object tags(SplittableRandom random) {
		return switch (random.nextInt(6)) {
			case 0 -> null;
			case 1 -> List.of();
			case 2 -> TAGS.get(random.nextInt(TAGS.size()));
			case 3 -> Arrays.asList(TAGS.get(random.nextInt(TAGS.size())), null);
			default -> {
				int size = 1 + random.nextInt(4);
				List<String> tags = new ArrayList<>();
				for (int t = 0; t < size; t++) {
					tags.add(TAGS.get(random.nextInt(TAGS.size())));
				}
				yield tags;
			}
		};
	}

	@ParameterizedTest(name = "rollup {0}, discover {1}, {2} rows, seed {3}")
	@CsvSource({ "false, false, 3000, 1", "true, false, 3000, 2", "false, true, 2000, 3", "true, true, 4000, 4",
			"true, false, 1, 5", "false, false, 0, 6", "true, false, 20000, 7" })
	void snapshotAnswersLikeThePersistedSegment(boolean rollup, boolean discover, int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<InputRow> rows = generate(random, count);
		IncrementalIndex index = new IncrementalIndex(schema(rollup, discover), DAY, List.of());
		rows.forEach(index::add);
		Path file = this.directory.resolve("persisted.strata");
		new IndexPersister(false).persist(index, ID, file);
		IncrementalIndexSegment snapshot = index.snapshotSegment(ID);
		assertThat(snapshot.ingestedRows()).isEqualTo(count);
		try (Segment persisted = new SegmentFileReader().open(file)) {
			new SegmentReadComparison(seed).assertSameReads(persisted, snapshot);
			QueryRunner runner = new QueryRunner();
			for (String query : queries(random, discover)) {
				String expected = runner.run(query, List.of(persisted));
				assertThat(runner.run(query, List.of(snapshot))).as(query).isEqualTo(expected);
			}
			if (count > 0) {
				// the comparison is only as good as the persisted answer: check the totals on their own
				JsonNode total = JSON.readTree(runner.run(totalQuery(), List.of(snapshot))).get(0).get("result");
				assertThat(total.get("rows").longValue()).isEqualTo(count);
				assertThat(total.get("latency").longValue()).isEqualTo(rows.stream()
					.map(row -> row.get("latencyMs"))
					.filter(value -> value != null)
					.mapToLong(value -> (Long) value)
					.sum());
			}
		}
		if (count > 100) {
			assertThat(snapshot.metadata().column("tags").hasMultipleValues()).isTrue();
			assertThat(snapshot.metadata().column("country").hasNulls()).isTrue();
			assertThat(snapshot.metadata().column("late")).isNotNull();
			assertThat(snapshot.numRows() < count).isEqualTo(rollup);
		}
	}

	static String totalQuery() {
		return """
				{"queryType": "timeseries", "dataSource": "live", "intervals": ["%s"], "granularity": "all",
				 "aggregations": [{"type": "longSum", "name": "rows", "fieldName": "rows"},
				                  {"type": "longSum", "name": "latency", "fieldName": "latency"}]}""".formatted(DAY);
	}

	private static List<String> queries(SplittableRandom random, boolean discover) {
		List<String> filters = List.of("null", """
				{"type": "selector", "dimension": "tags", "value": "t1"}""", """
				{"type": "null", "column": "country"}""", """
				{"type": "in", "dimension": "country", "values": ["de", "\u00e9t\u00e9", "zz"]}""", """
				{"type": "or", "fields": [{"type": "selector", "dimension": "late", "value": "l1"},
				  {"type": "not", "field": {"type": "selector", "dimension": "tags", "value": null}}]}""", """
				{"type": "bound", "dimension": "device", "lower": "d1", "upper": "d3", "upperStrict": true}""");
		String aggregations = """
				[{"type": "longSum", "name": "rows", "fieldName": "rows"},
				 {"type": "longSum", "name": "latency", "fieldName": "latency"},
				 {"type": "doubleSum", "name": "bytes", "fieldName": "bytes"},
				 {"type": "floatMax", "name": "bytesMax", "fieldName": "bytesMax"},
				 {"type": "longMin", "name": "latencyMin", "fieldName": "latencyMin"},
				 {"type": "HLLSketchMerge", "name": "users", "fieldName": "users"},
				 {"type": "thetaSketch", "name": "usersTheta", "fieldName": "usersTheta"},
				 {"type": "quantilesDoublesSketch", "name": "latencies", "fieldName": "latencies"}]""";
		String numeric = "\"code\"";
		List<String> queries = new ArrayList<>();
		for (String filter : filters) {
			String granularity = List.of("all", "hour", "minute").get(random.nextInt(3));
			queries.add("""
					{"queryType": "timeseries", "dataSource": "live", "intervals": ["%s"], "granularity": "%s",
					 "filter": %s, "aggregations": %s}""".formatted(DAY, granularity, filter, aggregations));
			queries.add("""
					{"queryType": "topN", "dataSource": "live", "intervals": ["%s"], "granularity": "%s",
					 "filter": %s, "dimension": "%s", "metric": "rows", "threshold": 4, "aggregations": %s}"""
				.formatted(DAY, granularity, filter, List.of("tags", "country", "device", "late").get(random.nextInt(4)),
						aggregations));
			queries.add("""
					{"queryType": "groupBy", "dataSource": "live", "intervals": ["%s"], "granularity": "%s",
					 "filter": %s, "dimensions": ["country", "tags", "late", %s], "aggregations": %s}"""
				.formatted(DAY, granularity, filter, numeric, aggregations));
			queries.add("""
					{"queryType": "scan", "dataSource": "live", "intervals": ["%s"], "filter": %s, "limit": 300}"""
				.formatted(DAY, filter));
		}
		queries.add("""
				{"queryType": "scan", "dataSource": "live", "intervals": ["%s"], "resultFormat": "compactedList",
				 "columns": ["__time", "tags", "ratio", "score", "code", "users", "latencies"], "order": "descending"}"""
			.formatted(DAY));
		queries.add("""
				{"queryType": "segmentMetadata", "dataSource": "live",
				 "analysisTypes": ["cardinality", "minmax", "interval", "aggregators", "rollup", "queryGranularity"]}""");
		queries.add("""
				{"queryType": "timeBoundary", "dataSource": "live"}""");
		return queries;
	}

	@Test
	void snapshotIsReusedUntilARowIsAdded() {
		IncrementalIndex index = new IncrementalIndex(schema(true, false), DAY, List.of());
		generate(new SplittableRandom(11), 500).forEach(index::add);
		IncrementalIndexSegment first = index.snapshotSegment(ID);
		assertThat(index.snapshotSegment(ID)).isSameAs(first);

		// a rejected row adds nothing a query can see
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("code", "not a number");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> index.add(new InputRow(DAY.startMillis(), bad)))
			.isInstanceOf(StrataException.class);
		assertThat(index.snapshotSegment(ID)).isSameAs(first);

		index.add(generate(new SplittableRandom(12), 1).getFirst());
		IncrementalIndexSegment second = index.snapshotSegment(ID);
		assertThat(second).isNotSameAs(first);
		assertThat(second.ingestedRows()).isEqualTo(501);
		assertThat(first.ingestedRows()).isEqualTo(500);
		assertThat(index.snapshotSegment(ID)).isSameAs(second);
		SegmentId other = new SegmentId("live", DAY, "v2", 0);
		assertThat(index.snapshotSegment(other)).isNotSameAs(second);
		assertThat(index.snapshotSegment(other).id()).isEqualTo(other);
	}

	@Test
	void snapshotOutsideItsIntervalIsRefused() {
		IncrementalIndex index = new IncrementalIndex(schema(false, false));
		index.add(generate(new SplittableRandom(13), 1).getFirst());
		SegmentId elsewhere = new SegmentId("live", Interval.parse("2026-11-01/2026-11-02"), "v1", 0);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.snapshotSegment(elsewhere))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("outside the interval");
	}

}
