package io.strata.benchmarks;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query benchmark of issue 3, single-threaded: builds day segments of generated usage data
 * (rollup off, or rolled up to a query granularity with --rollup), then times each query (median of 5
 * after 3 warm-up runs). Usage:
 * {@code QueryBenchmark [--events N] [--work DIR] [--rollup off|minute]}; run through {@code bin/bench-query}.
 */
public final class QueryBenchmark {

	private static final String SCHEMA = """
			{"dataSource": "usage", "timestampSpec": {"column": "timestamp", "format": "iso"},
			 "dimensionsSpec": {"dimensions": ["accountId", "apiName", "statusCode", "bundles", "source", "region", "plan"]},
			 "metricsSpec": [{"type": "count", "name": "calls"},
			   {"type": "longSum", "name": "latencyMs", "fieldName": "latencyMs"},
			   {"type": "doubleSum", "name": "bytes", "fieldName": "bytes"},
			   {"type": "HLLSketchBuild", "name": "users", "fieldName": "userId"}],
			 "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "%s", "rollup": %s}}
			""";

	private static final String ALL = "\"intervals\": \"2026-10-01/2026-11-01\"";

	private QueryBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long events = 10_000_000;
		Path work = Path.of("bench-data", "query");
		// "off", or a query granularity to roll up to (e.g. "minute")
		String rollup = "off";
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--events" -> events = Long.parseLong(args[++i]);
				case "--work" -> work = Path.of(args[++i]);
				case "--rollup" -> rollup = args[++i];
				default -> {
					System.err.println("usage: QueryBenchmark [--events N] [--work DIR] [--rollup off|minute|hour...]");
					System.exit(2);
				}
			}
		}
		List<Segment> segments = build(events, work, rollup);
		long rows = segments.stream().mapToLong(Segment::numRows).sum();
		String account = topAccount(segments);
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("count over one week", """
				{"queryType": "timeseries", "dataSource": "usage", "intervals": "2026-10-05/2026-10-12", "granularity": "all",
				 "aggregations": [{"type": "count", "name": "rows"}]}""");
		queries.put("sum(double) over all rows", """
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "aggregations": [{"type": "doubleSum", "name": "bytes", "fieldName": "bytes"}]}""".formatted(ALL));
		queries.put("timeseries by day, one accountId", """
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "day",
				 "filter": {"type": "selector", "dimension": "accountId", "value": "%s"},
				 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "latency", "fieldName": "latencyMs"}]}"""
			.formatted(ALL, account));
		queries.put("topN 10 apiName by count", """
				{"queryType": "topN", "dataSource": "usage", %s, "granularity": "all", "dimension": "apiName",
				 "threshold": 10, "metric": "rows", "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(ALL));
		queries.put("topN 10 accountId by sum(bytes)", """
				{"queryType": "topN", "dataSource": "usage", %s, "granularity": "all", "dimension": "accountId",
				 "threshold": 10, "metric": "bytes", "aggregations": [{"type": "doubleSum", "name": "bytes", "fieldName": "bytes"}]}"""
			.formatted(ALL));
		queries.put("groupBy (accountId, statusCode) having", """
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": ["accountId", "statusCode"],
				 "aggregations": [{"type": "count", "name": "rows"}],
				 "having": {"type": "greaterThan", "aggregation": "rows", "value": 100}}""".formatted(ALL));
		queries.put("groupBy with and/or/not of in and bound", """
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": ["apiName"],
				 "filter": {"type": "and", "fields": [
				   {"type": "in", "dimension": "statusCode", "values": ["200", "404"]},
				   {"type": "or", "fields": [{"type": "bound", "dimension": "accountId", "lower": "acct-00100", "upper": "acct-02000"},
				     {"type": "not", "field": {"type": "in", "dimension": "region", "values": ["us-east-1", "eu-west-1"]}}]}]},
				 "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(ALL));
		queries.put("groupBy on an expression virtual column", """
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": ["band"],
				 "virtualColumns": [{"type": "expression", "name": "band",
				   "expression": "case_searched(latencyMs < 50, 'fast', latencyMs < 200, 'normal', 'slow')", "outputType": "STRING"}],
				 "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(ALL));
		queries.put("timeseries sum of a LONG virtual column by hour of day", """
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "all",
				 "virtualColumns": [{"type": "expression", "name": "v", "expression": "latencyMs * 2 + timestamp_extract(__time, 'HOUR')",
				   "outputType": "LONG"}],
				 "aggregations": [{"type": "longSum", "name": "v", "fieldName": "v"}]}""".formatted(ALL));
		queries.put("latency quantiles by apiName", """
				{"queryType": "groupBy", "dataSource": "usage", %s, "granularity": "all", "dimensions": ["apiName"],
				 "aggregations": [{"type": "quantilesDoublesSketch", "name": "latency", "fieldName": "latencyMs"}],
				 "postAggregations": [{"type": "quantilesDoublesSketchToQuantiles", "name": "p50_90_99",
				   "field": {"type": "fieldAccess", "fieldName": "latency"}, "fractions": [0.5, 0.9, 0.99]}]}"""
			.formatted(ALL));
		queries.put("HLL distinct users by day", """
				{"queryType": "timeseries", "dataSource": "usage", %s, "granularity": "day",
				 "aggregations": [{"type": "HLLSketchMerge", "name": "users", "fieldName": "users"}]}""".formatted(ALL));
		QueryRunner runner = new QueryRunner();
		System.out.printf(Locale.ROOT, "%,d events, %,d rows in %d day segments, rollup %s, one thread, median of 5 after "
				+ "3 warm-ups%n", events, rows, segments.size(), rollup);
		for (Map.Entry<String, String> query : queries.entrySet()) {
			double[] millis = new double[5];
			for (int i = 0; i < 3; i++) {
				runner.run(query.getValue(), segments);
			}
			for (int i = 0; i < millis.length; i++) {
				long start = System.nanoTime();
				runner.run(query.getValue(), segments);
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			System.out.printf(Locale.ROOT, "  %-42s %9.1f ms  %,15.0f rows/s%n", query.getKey(), millis[2],
					rows / (millis[2] / 1000));
			System.out.flush();
		}
		segments.forEach(Segment::close);
	}

	private static String topAccount(List<Segment> segments) {
		String json = new QueryRunner().run("""
				{"queryType": "topN", "dataSource": "usage", %s, "granularity": "all", "dimension": "accountId",
				 "threshold": 1, "metric": "rows", "aggregations": [{"type": "count", "name": "rows"}]}""".formatted(ALL),
				segments);
		int start = json.indexOf("\"accountId\":\"") + 13;
		return json.substring(start, json.indexOf('"', start));
	}

	private static List<Segment> build(long events, Path work, String rollup) throws IOException {
		if (Files.exists(work)) {
			try (var paths = Files.walk(work)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		DataSchema schema = new IngestSpecJson().readDataSchema(rollup.equals("off") ? SCHEMA.formatted("none", false)
				: SCHEMA.formatted(rollup, true));
		IndexingPipeline pipeline = new IndexingPipeline(schema, work, "v1", 500_000, Long.MAX_VALUE, 10);
		long start = System.nanoTime();
		long chunk = 1_000_000;
		UsageEventGenerator generator = new UsageEventGenerator(UsageDataConfig.defaults(events));
		TextInputReader reader = new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()));
		for (long done = 0; done < events; done += chunk) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			long count = Math.min(chunk, events - done);
			new NdjsonWriter().write(new java.util.Iterator<io.strata.sample.UsageEvent>() {
				private long left = count;

				@Override
				public boolean hasNext() {
					return this.left > 0 && generator.hasNext();
				}

				@Override
				public io.strata.sample.UsageEvent next() {
					this.left--;
					return generator.next();
				}
			}, out);
			reader.read(new ByteArrayInputStream(out.toByteArray()), pipeline);
		}
		List<Segment> segments = new ArrayList<>();
		for (SegmentMetadata metadata : pipeline.finish()) {
			segments.add(new SegmentFileReader().open(
					work.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME)));
		}
		System.out.printf(Locale.ROOT, "built %d segments from %,d events in %.1f s%n", segments.size(), events,
				(System.nanoTime() - start) / 1e9);
		return segments;
	}

}
