package io.strata.benchmarks;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.query.exec.QueryRunner;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.time.IsoTime;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bin/strata} runs until the cluster exists: writes sample usage traffic as NDJSON
 * (or takes a given NDJSON file), ingests it into day segments with minute rollup, prints what
 * was built, then answers Druid native queries over the segments: two samples, or the queries
 * given with {@code --query} (JSON files). Usage:
 * {@code SampleIngest [--events N] [--input FILE] [--dir DIR] [--query FILE.json]...}.
 */
public final class SampleIngest {

	private SampleIngest() {
	}

	public static void main(String[] args) throws IOException {
		long events = 1_000_000;
		Path input = null;
		Path directory = Path.of("var", "sample");
		List<Path> queries = new java.util.ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--events" -> events = Long.parseLong(args[++i]);
				case "--input" -> input = Path.of(args[++i]);
				case "--dir" -> directory = Path.of(args[++i]);
				case "--query" -> queries.add(Path.of(args[++i]));
				default -> {
					System.err.println(
							"usage: bin/strata [--events N] [--input FILE.ndjson] [--dir DIR] [--query FILE.json]...");
					System.exit(2);
				}
			}
		}
		Files.createDirectories(directory);
		if (input == null) {
			input = directory.resolve("usage-events.ndjson");
			try (OutputStream out = Files.newOutputStream(input)) {
				new NdjsonWriter().write(new UsageEventGenerator(UsageDataConfig.defaults(events)), out);
			}
			System.out.printf(Locale.ROOT, "wrote %,d sample usage events to %s%n", events, input);
		}
		DataSchema schema = UsageDataSchema.parse();
		String version = IsoTime.format(System.currentTimeMillis());
		IndexingPipeline pipeline = new IndexingPipeline(schema, directory, version, 150_000, 512L << 20, 20);
		long start = System.nanoTime();
		try (InputStream in = Files.newInputStream(input)) {
			new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec())).read(in,
					pipeline);
		}
		List<SegmentMetadata> segments = pipeline.finish();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "ingested %,d rows (%,d rejected) into %d segments in %.1f s (%,.0f rows/s)%n",
				pipeline.processed(), pipeline.rejected().count(), segments.size(), seconds,
				pipeline.processed() / seconds);
		pipeline.rejected().saved().forEach(rejection -> System.out.printf(Locale.ROOT,
				"  rejected line %d: %s%n", rejection.position(), rejection.reason()));
		for (SegmentMetadata segment : segments) {
			System.out.printf(Locale.ROOT, "  %s  rows %,d  bytes %,d%n", segment.id(), segment.numRows(),
					segment.sizeBytes());
		}
		if (!segments.isEmpty()) {
			SegmentMetadata first = segments.getFirst();
			System.out.println("columns of the first segment:");
			for (ColumnSummary column : first.dimensions()) {
				System.out.printf(Locale.ROOT, "  dimension %-12s %-8s cardinality %,d%s%n", column.name(),
						column.type().druidName(), column.cardinality(), column.hasMultipleValues() ? ", multi-value" : "");
			}
			for (ColumnSummary column : first.metrics()) {
				System.out.printf(Locale.ROOT, "  metric    %-12s %s%n", column.name(), column.type().druidName());
			}
		}
		System.out.println("segments are under " + directory.resolve("segments").toAbsolutePath());
		query(directory, segments, queries);
	}

	private static final String TOP_ACCOUNTS = """
			{"queryType": "topN", "dataSource": "usage", "intervals": "2026-10-01/2026-11-01", "granularity": "all",
			 "dimension": "accountId", "threshold": 5, "metric": "calls",
			 "aggregations": [{"type": "longSum", "name": "calls", "fieldName": "calls"},
			   {"type": "HLLSketchMerge", "name": "users", "fieldName": "users"}]}""";

	private static final String ERRORS_BY_API = """
			{"queryType": "groupBy", "dataSource": "usage", "intervals": "2026-10-01/2026-11-01", "granularity": "all",
			 "dimensions": ["apiName"], "filter": {"type": "not", "field": {"type": "selector", "dimension": "statusCode",
			   "value": "200"}},
			 "aggregations": [{"type": "longSum", "name": "errors", "fieldName": "calls"}],
			 "limitSpec": {"type": "default", "limit": 5, "columns": [{"dimension": "errors", "direction": "descending"}]}}""";

	/** Runs the given queries (or two samples) over the segments just built and prints the answers. */
	private static void query(Path directory, List<SegmentMetadata> built, List<Path> files) throws IOException {
		List<Segment> segments = new java.util.ArrayList<>();
		for (SegmentMetadata metadata : built) {
			segments.add(new SegmentFileReader().open(directory.resolve("segments").resolve(metadata.id().toString())
				.resolve(SegmentFormat.FILE_NAME)));
		}
		java.util.Map<String, String> queries = new java.util.LinkedHashMap<>();
		if (files.isEmpty()) {
			queries.put("top 5 accounts by calls (topN)", TOP_ACCOUNTS);
			queries.put("5 APIs with the most non-200 calls (groupBy)", ERRORS_BY_API);
		}
		for (Path file : files) {
			queries.put(file.toString(), Files.readString(file));
		}
		QueryRunner runner = new QueryRunner();
		for (var query : queries.entrySet()) {
			long start = System.nanoTime();
			QueryRunner.Answer answer = runner.answer(query.getValue(), segments, null);
			System.out.printf(Locale.ROOT, "%nquery: %s (HTTP %d, %.1f ms)%n%s%n", query.getKey(), answer.status(),
					(System.nanoTime() - start) / 1e6, answer.body());
		}
		segments.forEach(Segment::close);
	}

}
