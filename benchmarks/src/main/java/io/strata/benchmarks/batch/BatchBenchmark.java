package io.strata.benchmarks.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.strata.benchmarks.OptionValues;
import io.strata.benchmarks.RunTimes;
import io.strata.benchmarks.UsageDataSchema;
import io.strata.engine.batch.BatchIngestion;
import io.strata.engine.batch.BatchIngestionResult;
import io.strata.engine.batch.BatchTuningConfig;
import io.strata.engine.batch.BuiltSegment;
import io.strata.engine.batch.DynamicPartitionsSpec;
import io.strata.engine.batch.HashedPartitionsSpec;
import io.strata.engine.batch.PartitionsSpec;
import io.strata.engine.batch.SegmentCompactor;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.source.LocalInputSource;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Interval;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;

/**
 * The batch benchmark of issue 5, one thread (one worker's task slot; run it pinned to one core,
 * see {@code bin/bench-batch}): the work of an {@code index_parallel} task — NDJSON usage events
 * read, parsed, rolled up (minute) and written as day segments — as rows/s, with dynamic and with
 * hashed partitioning; and the work of a {@code compact} task — one day of the dataset, ingested
 * as many small segments, merged into one — as seconds. Publishing (a file copy and one metadata
 * transaction) is not included. Each measurement is repeated; the median is reported after one
 * warm-up round.
 * <p>
 * Usage: {@code BatchBenchmark [--events N] [--repeat R] [--small-segment-rows N]}
 */
public final class BatchBenchmark {

	private BatchBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long events = 2_000_000;
		int repeat = 3;
		int smallRows = 20_000;
		for (int i = 0; i < args.length; i += 2) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--events" -> events = OptionValues.wholeNumber(args[i], value);
				case "--repeat" -> repeat = Math.toIntExact(OptionValues.wholeNumber(args[i], value));
				case "--small-segment-rows" -> smallRows = Math.toIntExact(OptionValues.wholeNumber(args[i], value));
				default -> throw new IllegalArgumentException("usage: bin/bench-batch [--events N] [--repeat R] [--small-segment-rows N]");
			}
		}
		Path work = Files.createTempDirectory("strata-batch-bench");
		try {
			run(work, events, repeat, smallRows);
		}
		finally {
			RunTimes.delete(work);
		}
	}

	private static void run(Path work, long events, int repeat, int smallRows) throws IOException {
		Path input = Files.createDirectories(work.resolve("input"));
		Path file = input.resolve("usage-events.ndjson");
		UsageDataConfig config = UsageDataConfig.defaults(events);
		try (OutputStream out = Files.newOutputStream(file)) {
			new NdjsonWriter().write(new UsageEventGenerator(config), out);
		}
		System.out.printf(Locale.ROOT, "batch benchmark: %,d usage events over %d days (%,d MB of NDJSON), %d repeats + 1 warm-up, "
				+ "%d core(s), %,d MB heap%n", events, config.days(), Files.size(file) >> 20, repeat,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		DataSchema schema = UsageDataSchema.parse();
		LocalInputSource source = new LocalInputSource(null, null, List.of(file));

		ingest("index_parallel, dynamic partitions", schema, source, DynamicPartitionsSpec.defaults(), work, repeat);
		ingest("index_parallel, hashed on accountId, 2 shards/day", schema, source,
				HashedPartitionsSpec.ofShards(2, List.of("accountId")), work, repeat);

		// one day as many small segments, then compacted into one
		Interval day = Interval.of(config.start().toEpochMilli(), config.start().toEpochMilli() + 86_400_000L);
		DataSchema oneDay = new DataSchema(schema.dataSource(), schema.timestampSpec(), schema.dimensionsSpec(),
				schema.metricsSpec(), new GranularitySpec(schema.granularitySpec().segmentGranularity(),
						schema.granularitySpec().queryGranularity(), true, List.of(day)));
		Path smallDir = work.resolve("small");
		BatchIngestionResult small = new BatchIngestion(oneDay, source, new JsonInputFormatSpec(),
				BatchTuningConfig.defaults(DynamicPartitionsSpec.ofMaxRows(smallRows))).run("2026-01-01T00:00:00.000Z", smallDir);
		long smallBytes = small.segments().stream().mapToLong(segment -> segment.metadata().sizeBytes()).sum();
		long smallRowsTotal = small.segments().stream().mapToLong(BuiltSegment::rowCount).sum();
		System.out.printf(Locale.ROOT, "compaction input: day %s as %d segments of <= %,d rows (%,d rows, %,d bytes)%n", day,
				small.segments().size(), smallRows, smallRowsTotal, smallBytes);
		List<Double> seconds = new ArrayList<>();
		List<BuiltSegment> compacted = List.of();
		for (int round = 0; round <= repeat; round++) {
			List<Segment> segments = small.segments().stream().map(segment -> new SegmentFileReader().open(segment.file())).toList();
			Path out = work.resolve("compacted-" + round);
			long start = System.nanoTime();
			try {
				compacted = new SegmentCompactor().compact(schema.dataSource(), segments, day,
						schema.granularitySpec().segmentGranularity(),
						BatchTuningConfig.defaults(DynamicPartitionsSpec.defaults()), "2026-01-02T00:00:00.000Z", out);
			}
			finally {
				segments.forEach(Segment::close);
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			if (round > 0) {
				seconds.add(elapsed);
			}
			RunTimes.delete(out);
		}
		long outRows = compacted.stream().mapToLong(BuiltSegment::rowCount).sum();
		System.out.printf(Locale.ROOT, "compact, one day: %d -> %d segment(s), %,d rows -> %,d rows; median %.2f s "
				+ "(%,.0f input rows/s), runs %s%n", small.segments().size(), compacted.size(), smallRowsTotal, outRows,
				RunTimes.median(seconds), smallRowsTotal / RunTimes.median(seconds), RunTimes.format(seconds));
	}

	private static void ingest(String name, DataSchema schema, LocalInputSource source, PartitionsSpec partitions,
			Path work, int repeat) throws IOException {
		List<Double> seconds = new ArrayList<>();
		BatchIngestionResult result = null;
		for (int round = 0; round <= repeat; round++) {
			Path out = work.resolve("ingest-" + round);
			long start = System.nanoTime();
			result = new BatchIngestion(schema, source, new JsonInputFormatSpec(), BatchTuningConfig.defaults(partitions))
				.run("2026-01-01T00:00:00.000Z", out);
			double elapsed = (System.nanoTime() - start) / 1e9;
			if (round > 0) {
				seconds.add(elapsed);
			}
			RunTimes.delete(out);
		}
		long rows = result.segments().stream().mapToLong(BuiltSegment::rowCount).sum();
		System.out.printf(Locale.ROOT, "%s: %,d rows in, %,d rolled-up rows out in %d segments; median %.2f s = %,.0f rows/s; "
				+ "runs %s%n", name, result.processed(), rows, result.segments().size(), RunTimes.median(seconds),
				result.processed() / RunTimes.median(seconds), RunTimes.format(seconds));
	}

}
