package io.strata.engine.query.exec;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.query.ScanQuery;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How queries run rather than what they compute: parallel segments give the sequential answer,
 * timeouts and group limits answer with Druid's error JSON, malformed queries name their fault,
 * scans stream in batches and merge time chunks in order, and topN prunes per segment as Druid.
 *
 * <p>Data: days 2026-03-01..03, each day two partitions (so one time chunk has two segments); row
 * {@code i} of day {@code d}, partition {@code p} is at minute {@code (i * 7 + p) % 1440}, with
 * {@code key = "k" + (i % 50)}, {@code tag} = [t(i%3), t(i%5)] (multi-value) and {@code n = i}.
 */
class QueryExecutionTest {

	private static final int ROWS_PER_SEGMENT = 12_000;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path directory;

	private static final List<Segment> SEGMENTS = new ArrayList<>();

	private static ExecutorService pool;

	@BeforeAll
	static void build() {
		DataSchema schema = new IngestSpecJson().readDataSchema("""
				{"dataSource": "calls", "timestampSpec": {"column": "t"},
				 "dimensionsSpec": {"dimensions": ["key", "tag"]},
				 "metricsSpec": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "n", "fieldName": "n"}],
				 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}}
				""");
		for (int day = 1; day <= 3; day++) {
			for (int partition = 0; partition < 2; partition++) {
				IncrementalIndex index = new IncrementalIndex(schema);
				long dayStart = IsoTime.parse("2026-03-0" + day + "T00:00:00Z");
				for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
					FieldMap fields = new FieldMap(4);
					fields.put("key", "k" + (i % 50));
					fields.put("tag", new ArrayList<Object>(List.of("t" + (i % 3), "t" + (i % 5))));
					fields.put("n", (long) i);
					index.add(new InputRow(dayStart + ((i * 7L + partition) % 1440) * 60_000, fields));
				}
				SegmentId id = new SegmentId("calls", new Interval(dayStart, dayStart + 86_400_000L), "v1", partition);
				Path file = directory.resolve(id.toString() + ".strata");
				new IndexPersister().persist(index, id, file);
				SEGMENTS.add(new SegmentFileReader().open(file));
			}
		}
		pool = Executors.newFixedThreadPool(3);
	}

	@AfterAll
	static void close() {
		SEGMENTS.forEach(Segment::close);
		pool.shutdownNow();
	}

	@Test
	void parallelSegmentsGiveTheSequentialAnswer() {
		QueryRunner sequential = new QueryRunner();
		QueryRunner parallel = new QueryRunner(pool, QueryLimits.defaults());
		List<String> queries = List.of("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "hour", "aggregations": [{"type": "count", "name": "rows"},
				   {"type": "longSum", "name": "n", "fieldName": "n"}]}""", """
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "day", "dimensions": ["key", "tag"],
				 "aggregations": [{"type": "longMax", "name": "n", "fieldName": "n"}]}""", """
				{"queryType": "topN", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04", "granularity": "all",
				 "dimension": "key", "threshold": 5, "metric": "n",
				 "aggregations": [{"type": "longSum", "name": "n", "fieldName": "n"}]}""");
		for (String query : queries) {
			assertThat(parallel.run(query, SEGMENTS)).isEqualTo(sequential.run(query, SEGMENTS));
		}
	}

	@Test
	void aQueryPastItsTimeoutAnswersDruidsTimeoutError() {
		// a groupBy over a multi-value dimension: the row-by-row path, far more than 1 ms of work
		QueryRunner.Answer answer = new QueryRunner(pool, QueryLimits.defaults()).answer("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "minute", "dimensions": ["key", "tag"], "context": {"timeout": 1, "queryId": "q-1"},
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS, "historical:8083");
		assertThat(answer.status()).isEqualTo(504);
		JsonNode error = JSON.readTree(answer.body());
		assertThat(error.get("error").stringValue()).isEqualTo("Query timeout");
		assertThat(error.get("errorMessage").stringValue()).contains("q-1").contains("timeout[1 ms]");
		assertThat(error.get("category").stringValue()).isEqualTo("TIMEOUT");
		assertThat(error.get("host").stringValue()).isEqualTo("historical:8083");
		// Druid's legacy-wrapped shape for a query exception
		assertThat(error.get("errorCode").stringValue()).isEqualTo("legacyQueryException");
		assertThat(error.get("context").get("legacyErrorCode").stringValue()).isEqualTo("Query timeout");
	}

	@Test
	void moreGroupsThanTheLimitAnswerResourceLimitExceeded() {
		String query = """
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "all", "dimensions": ["key"], "aggregations": [{"type": "count", "name": "rows"}]
				 %s}""";
		QueryRunner limited = new QueryRunner(null, new QueryLimits(0, 49));
		QueryRunner.Answer answer = limited.answer(query.formatted(""), SEGMENTS, null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(JSON.readTree(answer.body()).get("error").stringValue()).isEqualTo("Resource limit exceeded");
		assertThat(JSON.readTree(answer.body()).get("errorMessage").stringValue()).contains("more than [49] groups");
		// exactly at the limit passes; the context may lower the limit but not raise it
		assertThat(new QueryRunner(null, new QueryLimits(0, 50)).answer(query.formatted(""), SEGMENTS, null).status())
			.isEqualTo(200);
		assertThat(new QueryRunner().answer(query.formatted(", \"context\": {\"maxResults\": 10}"), SEGMENTS, null)
			.status()).isEqualTo(400);
		assertThat(limited.answer(query.formatted(", \"context\": {\"maxResults\": 1000}"), SEGMENTS, null).status())
			.isEqualTo(400);
		// timeseries buckets count too: minutes over three days are 4,320 buckets
		assertThat(new QueryRunner(null, new QueryLimits(0, 1000)).answer("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "minute", "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS, null)
			.status()).isEqualTo(400);
	}

	@Test
	void malformedQueriesAnswerDruidErrorJsonNamingTheProblem() {
		QueryRunner runner = new QueryRunner();
		assertError(runner.answer("{\"queryType\": \"nope\", \"dataSource\": \"calls\"}", SEGMENTS, null), 400,
				"queryType");
		assertError(runner.answer("""
				{"queryType": "timeseries", "intervals": "2026-03-01/2026-03-04", "granularity": "all"}""", SEGMENTS,
				null), 400, "dataSource");
		assertError(runner.answer("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-03-01/yesterday",
				 "granularity": "all"}""", SEGMENTS, null), 400, "intervals");
		assertError(runner.answer("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "all", "aggregations": [{"type": "longSumm", "name": "n", "fieldName": "n"}]}""",
				SEGMENTS, null), 400, "longSumm");
		assertError(runner.answer("""
				{"queryType": "topN", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "all", "dimension": "key", "threshold": "ten", "metric": "rows",
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS, null), 400, "threshold");
		assertError(runner.answer("{not json", SEGMENTS, null), 400, "JSON");
	}

	private static void assertError(QueryRunner.Answer answer, int status, String named) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		JsonNode error = JSON.readTree(answer.body());
		// Druid's modern shape for an error of the request
		assertThat(error.propertyNames()).containsExactly("error", "errorCode", "persona", "category", "errorMessage",
				"context");
		assertThat(error.get("error").stringValue()).isEqualTo("druidException");
		assertThat(error.get("errorCode").stringValue()).isEqualTo("invalidInput");
		assertThat(error.get("category").stringValue()).isEqualTo("INVALID_INPUT");
		assertThat(error.get("persona").stringValue()).isEqualTo("USER");
		assertThat(error.get("errorMessage").stringValue()).contains(named);
	}

	@Test
	void unorderedScanStreamsBatchesOfDruidsBatchSizePerSegment() {
		JsonNode batches = JSON.readTree(new QueryRunner().run("""
				{"queryType": "scan", "dataSource": "calls", "intervals": "2026-03-01/2026-03-02",
				 "columns": ["__time", "key", "n"], "resultFormat": "compactedList"}""", SEGMENTS));
		// two segments of 12,000 rows: one batch each (below 20,480 rows)
		assertThat(batches).hasSize(2);
		long total = 0;
		for (JsonNode batch : batches) {
			assertThat(batch.get("segmentId").stringValue()).startsWith("calls_2026-03-01");
			assertThat(batch.get("events").size()).isLessThanOrEqualTo(ScanQuery.DEFAULT_BATCH_SIZE);
			total += batch.get("events").size();
		}
		assertThat(total).isEqualTo(2L * ROWS_PER_SEGMENT);
		JsonNode limited = JSON.readTree(new QueryRunner().run("""
				{"queryType": "scan", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "columns": ["n"], "resultFormat": "compactedList", "offset": 11990, "limit": 25}""", SEGMENTS));
		// 10 rows from the end of the first segment, then 15 from the start of the second
		assertThat(limited).hasSize(2);
		assertThat(limited.get(0).get("events")).hasSize(10);
		assertThat(limited.get(0).get("events").get(0).get(0).longValue()).isEqualTo(firstSegmentValueAt(11990));
		assertThat(limited.get(1).get("events")).hasSize(15);
	}

	/** The {@code n} of the row at position {@code index} of the first segment, in segment order. */
	private static long firstSegmentValueAt(int index) {
		Segment first = SEGMENTS.getFirst();
		return first.numericColumn("n").open().getLong(index);
	}

	@Test
	void timeOrderedScanMergesTheSegmentsOfEachChunkInTimeOrder() {
		for (String order : List.of("ascending", "descending")) {
			JsonNode batches = JSON.readTree(new QueryRunner().run("""
					{"queryType": "scan", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
					 "columns": ["__time", "n"], "resultFormat": "compactedList", "order": "%s"}""".formatted(order),
					SEGMENTS));
			List<Long> times = new ArrayList<>();
			for (JsonNode batch : batches) {
				assertThat(batch.get("segmentId").isNull()).isTrue();
				assertThat(batch.get("events").size()).isLessThanOrEqualTo(ScanQuery.DEFAULT_BATCH_SIZE);
				for (JsonNode event : batch.get("events")) {
					times.add(event.get(0).longValue());
				}
			}
			assertThat(times).hasSize(6 * ROWS_PER_SEGMENT);
			List<Long> sorted = new ArrayList<>(times);
			sorted.sort(order.equals("ascending") ? null : java.util.Comparator.reverseOrder());
			assertThat(times).as(order).isEqualTo(sorted);
			assertThat(batches.size()).isEqualTo((6 * ROWS_PER_SEGMENT + ScanQuery.DEFAULT_BATCH_SIZE - 1) / ScanQuery.DEFAULT_BATCH_SIZE);
		}
	}

	@Test
	void topNKeepsOnlyEachSegmentsBestValuesAsDruidDocuments() {
		// in each segment key k49 has the largest n sum; k0 the smallest. With one value kept per
		// segment only k49 can come out; exact ranking (kept >= 50) also gives k49 first, and k0 last
		String query = """
				{"queryType": "topN", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04", "granularity": "all",
				 "dimension": "key", "threshold": 3, "metric": "n", "context": {"minTopNThreshold": %d},
				 "aggregations": [{"type": "longSum", "name": "n", "fieldName": "n"}]}""";
		JsonNode pruned = JSON.readTree(new QueryRunner().run(query.formatted(1), SEGMENTS)).get(0).get("result");
		// threshold 3 keeps three per segment: k49, k48, k47 everywhere
		assertThat(pruned).hasSize(3);
		assertThat(pruned.get(0).get("key").stringValue()).isEqualTo("k49");
		long expected = 0;
		for (int i = 49; i < ROWS_PER_SEGMENT; i += 50) {
			expected += i;
		}
		assertThat(pruned.get(0).get("n").longValue()).isEqualTo(6 * expected);
		// an inverted metric keeps the smallest per segment
		JsonNode inverted = JSON.readTree(new QueryRunner().run("""
				{"queryType": "topN", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04", "granularity": "all",
				 "dimension": "key", "threshold": 1, "metric": {"type": "inverted", "metric": "n"},
				 "context": {"minTopNThreshold": 1},
				 "aggregations": [{"type": "longSum", "name": "n", "fieldName": "n"}]}""", SEGMENTS)).get(0).get("result");
		assertThat(inverted.get(0).get("key").stringValue()).isEqualTo("k0");
	}

	@Test
	void topNPruningDropsAValueThatIsNeverInAnySegmentsTopK() {
		SegmentTopN pruning = new SegmentTopN(0, true, 2);
		SlotStates states = new SlotStates(new io.strata.engine.aggregation.CountAggregatorSpec("rows"),
				SlotStates.Layout.COUNTS);
		states.ensure(4);
		states.longs[0] = 5;
		states.longs[1] = 9;
		states.longs[2] = 5;
		states.longs[3] = 1;
		// the two best: slot 1 (9) and the first of the tied 5s
		assertThat(pruning.choose(states, 4)).containsExactly(0, 1);
		assertThat(new SegmentTopN(0, false, 1).choose(states, 4)).containsExactly(3);
		assertThat(new SegmentTopN(0, true, 4).choose(states, 4)).isNull();
	}

	@Test
	void sketchesBuiltAtQueryTimeFromNumericColumns() {
		JsonNode result = JSON.readTree(new QueryRunner().run("""
				{"queryType": "timeseries", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "all", "aggregations": [
				   {"type": "quantilesDoublesSketch", "name": "q", "fieldName": "n"},
				   {"type": "HLLSketchBuild", "name": "distinct", "fieldName": "n"}]}""", SEGMENTS))
			.get(0)
			.get("result");
		// a quantiles sketch finalizes to the number of values it holds; n runs 0..11,999 in each
		// of the six segments, so 12,000 distinct values (HLL at lgK 12: within 3 %)
		assertThat(result.get("q").longValue()).isEqualTo(6L * ROWS_PER_SEGMENT);
		assertThat(result.get("distinct").doubleValue()).isBetween(12_000 * 0.97, 12_000 * 1.03);
	}

	@Test
	void aQueryThatFindsTheHeapFullOfLiveDataStopsWithResourceLimitExceeded() {
		// a limit below any live heap: the first look at the heap (after a collection) stops the query
		System.gc();
		QueryRunner strict = new QueryRunner(null, new QueryLimits(0, 500_000, Double.MIN_VALUE));
		QueryRunner.Answer answer = strict.answer("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "minute", "dimensions": ["key", "tag"], "context": {"queryId": "q-heap"},
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS, null);
		assertThat(answer.status()).isEqualTo(400);
		JsonNode error = JSON.readTree(answer.body());
		assertThat(error.get("error").stringValue()).isEqualTo("Resource limit exceeded");
		assertThat(error.get("errorMessage").stringValue()).contains("q-heap").contains("of the heap");
		// the default limit lets the same query through
		assertThat(new QueryRunner().answer("""
				{"queryType": "groupBy", "dataSource": "calls", "intervals": "2026-03-01/2026-03-04",
				 "granularity": "minute", "dimensions": ["key", "tag"],
				 "aggregations": [{"type": "count", "name": "rows"}]}""", SEGMENTS, null).status()).isEqualTo(200);
	}

	@Test
	void selectionFindsTheValueASortWouldPutAtAnIndex() {
		java.util.Random random = new java.util.Random(11);
		for (int round = 0; round < 200; round++) {
			int size = 1 + random.nextInt(300);
			double[] values = new double[size];
			for (int i = 0; i < size; i++) {
				// few distinct values, so ties and infinities are common
				values[i] = random.nextInt(5) == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(20);
			}
			double[] sorted = values.clone();
			java.util.Arrays.sort(sorted);
			int index = random.nextInt(size);
			assertThat(SegmentTopN.select(values.clone(), index)).as("round %d", round).isEqualTo(sorted[index]);
		}
	}

}
