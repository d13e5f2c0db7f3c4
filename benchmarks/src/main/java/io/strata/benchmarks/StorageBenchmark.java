package io.strata.benchmarks;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.RowRejection;
import io.strata.engine.input.RowSink;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.time.Granularity;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storage benchmark of issue 2, single-threaded (run it pinned to one core, see
 * {@code bin/bench-storage}): parse + add rate from NDJSON and from parsed rows, persist and
 * merge time, end-to-end NDJSON to merged segments, segment size per NDJSON byte, and raw column
 * decode speed. Each measurement is repeated and the median reported, after a warm-up round.
 * <p>
 * Usage: {@code StorageBenchmark [--events N] [--repeat R] [--max-rows-in-memory M] [--work DIR]}
 */
public final class StorageBenchmark {

	private final long events;

	private final int repeat;

	private final int maxRowsInMemory;

	private final Path work;

	private long indexRows;

	private final boolean shuffled;

	private StorageBenchmark(long events, int repeat, int maxRowsInMemory, Path work, boolean shuffled) {
		this.shuffled = shuffled;
		this.events = events;
		this.repeat = repeat;
		this.maxRowsInMemory = maxRowsInMemory;
		this.work = work;
	}

	public static void main(String[] args) throws IOException {
		long events = 3_000_000;
		int repeat = 3;
		int maxRows = 50_000;
		Path work = Path.of("bench-data");
		boolean shuffled = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--events" -> events = Long.parseLong(args[++i]);
				case "--repeat" -> repeat = Integer.parseInt(args[++i]);
				case "--max-rows-in-memory" -> maxRows = Integer.parseInt(args[++i]);
				case "--work" -> work = Path.of(args[++i]);
				case "--order" -> shuffled = switch (args[++i]) {
					case "time" -> false;
					case "shuffled" -> true;
					default -> throw new IllegalArgumentException("--order is time or shuffled");
				};
				default -> {
					System.err.println("usage: StorageBenchmark [--events N] [--repeat R] [--max-rows-in-memory M] "
							+ "[--order time|shuffled] [--work DIR]");
					System.exit(2);
				}
			}
		}
		new StorageBenchmark(events, repeat, maxRows, work, shuffled).run();
	}

	private void run() throws IOException {
		System.out.printf(Locale.ROOT,
				"Strata storage benchmark: %,d usage events in %s order, maxRowsInMemory %,d, %d cores visible, %s%n",
				this.events, this.shuffled ? "shuffled" : "time", this.maxRowsInMemory,
				Runtime.getRuntime().availableProcessors(), Runtime.version());
		byte[] ndjson = generate(this.events);
		if (this.shuffled) {
			ndjson = shuffleLines(ndjson);
		}
		System.out.printf(Locale.ROOT, "NDJSON: %,d bytes (%.1f bytes/event)%n", ndjson.length,
				(double) ndjson.length / this.events);
		DataSchema schema = UsageDataSchema.parse();

		// warm-up on a slice, so the JIT has compiled the hot paths before timing
		byte[] warmup = generate(Math.min(this.events, 300_000));
		if (this.shuffled) {
			warmup = shuffleLines(warmup);
		}
		for (int i = 0; i < 2; i++) {
			parseAndAdd(schema, warmup);
			endToEnd(schema, warmup, this.work.resolve("warmup"));
		}

		List<Double> parseAdd = new ArrayList<>();
		List<Double> addParsed = new ArrayList<>();
		List<Double> persistSeconds = new ArrayList<>();
		List<Double> endToEnd = new ArrayList<>();
		List<Double> mergeSeconds = new ArrayList<>();
		long indexRows = 0;
		EndToEnd last = null;
		// round 0 is a second warm-up at full size, not reported: C2 keeps compiling for a while
		for (int round = 0; round <= this.repeat; round++) {
			if (round == 1) {
				parseAdd.clear();
				addParsed.clear();
				persistSeconds.clear();
				endToEnd.clear();
				mergeSeconds.clear();
			}
			long start = System.nanoTime();
			Map<Long, IncrementalIndex> indexes = parseAndAdd(schema, ndjson);
			parseAdd.add(rate(this.events, start));
			indexRows = this.indexRows + indexes.values().stream().mapToLong(IncrementalIndex::rowCount).sum();
			indexes = null;
			persistSeconds.add(persistAll(schema, ndjson));

			addParsed.add(addParsedRate(schema, ndjson));

			last = endToEnd(schema, ndjson, this.work.resolve("e2e"));
			endToEnd.add(this.events / last.seconds);
			mergeSeconds.add(last.mergeSeconds);
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "rows after minute rollup: %,d (%.2f events per row)%n", indexRows,
				(double) this.events / indexRows);
		report("parse + add from NDJSON", parseAdd, "rows/s");
		report("add from parsed rows", addParsed, "rows/s");
		report("persist, rows/s of index rows written", persistSeconds, "rows/s");
		report("end to end, NDJSON -> merged segments on disk", endToEnd, "rows/s");
		report("  of which the final merges", mergeSeconds, "s");
		long segmentBytes = last.segments.stream().mapToLong(SegmentMetadata::sizeBytes).sum();
		System.out.printf(Locale.ROOT, "segments: %d, %,d bytes = %.2f %% of the NDJSON (%.1f bytes/event)%n",
				last.segments.size(), segmentBytes, 100.0 * segmentBytes / ndjson.length,
				(double) segmentBytes / this.events);
		columnSizes(last.segments);
		decode(last.segments);
	}

	/**
	 * The same lines in a fixed random order: every day's index then holds rows from all over
	 * the day, so its spills interleave and the final merge is a true k-way merge.
	 */
	private static byte[] shuffleLines(byte[] ndjson) {
		List<int[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < ndjson.length; i++) {
			if (ndjson[i] == '\n') {
				lines.add(new int[] { start, i + 1 });
				start = i + 1;
			}
		}
		java.util.Collections.shuffle(lines, new java.util.Random(42));
		byte[] out = new byte[ndjson.length];
		int position = 0;
		for (int[] line : lines) {
			System.arraycopy(ndjson, line[0], out, position, line[1] - line[0]);
			position += line[1] - line[0];
		}
		return out;
	}

	private static byte[] generate(long events) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, events * 300));
		new NdjsonWriter().write(new UsageEventGenerator(UsageDataConfig.defaults(events)), out);
		return out.toByteArray();
	}

	/**
	 * Parses and adds every row, keeping one index per day; like ingestion, an index that
	 * reaches maxRowsInMemory is let go (ingestion would persist it), so memory stays bounded.
	 * Returns the indexes still open and counts the rows of all of them in {@link #indexRows}.
	 */
	private Map<Long, IncrementalIndex> parseAndAdd(DataSchema schema, byte[] ndjson) {
		Map<Long, IncrementalIndex> indexes = new TreeMap<>();
		Granularity segments = schema.granularitySpec().segmentGranularity();
		this.indexRows = 0;
		RowSink sink = new RowSink() {
			@Override
			public void accept(InputRow row) {
				IncrementalIndex index = indexes.computeIfAbsent(segments.bucketStart(row.timestampMillis()),
						key -> new IncrementalIndex(schema));
				index.add(row);
				if (index.rowCount() >= StorageBenchmark.this.maxRowsInMemory) {
					StorageBenchmark.this.indexRows += index.rowCount();
					indexes.remove(segments.bucketStart(row.timestampMillis()));
				}
			}

			@Override
			public void reject(RowRejection rejection) {
				throw new IllegalStateException("benchmark data rejected: " + rejection.reason());
			}
		};
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson), sink);
		return indexes;
	}

	/**
	 * Adds already-parsed rows: rows are parsed in chunks of maxRowsInMemory (not timed) and each
	 * chunk is added to fresh indexes (timed), so parsed rows never pile up in the heap.
	 */
	private double addParsedRate(DataSchema schema, byte[] ndjson) {
		List<InputRow> chunk = new ArrayList<>(this.maxRowsInMemory);
		long[] nanos = new long[1];
		long[] rows = new long[1];
		Granularity segments = schema.granularitySpec().segmentGranularity();
		Runnable addChunk = () -> {
			long start = System.nanoTime();
			Map<Long, IncrementalIndex> indexes = new TreeMap<>();
			for (InputRow row : chunk) {
				indexes.computeIfAbsent(segments.bucketStart(row.timestampMillis()), key -> new IncrementalIndex(schema))
					.add(row);
			}
			nanos[0] += System.nanoTime() - start;
			rows[0] += chunk.size();
			chunk.clear();
		};
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson), new RowSink() {
				@Override
				public void accept(InputRow row) {
					chunk.add(row);
					if (chunk.size() == StorageBenchmark.this.maxRowsInMemory) {
						addChunk.run();
					}
				}

				@Override
				public void reject(RowRejection rejection) {
					throw new IllegalStateException(rejection.reason());
				}
			});
		addChunk.run();
		return rows[0] / (nanos[0] / 1e9);
	}

	/** Persist rate: indexes of maxRowsInMemory rows are built (not timed) and persisted (timed). */
	private double persistAll(DataSchema schema, byte[] ndjson) throws IOException {
		Path directory = this.work.resolve("persist");
		clean(directory);
		long[] nanos = new long[1];
		long[] rows = new long[1];
		int[] files = new int[1];
		Granularity segments = schema.granularitySpec().segmentGranularity();
		Map<Long, IncrementalIndex> indexes = new TreeMap<>();
		IndexPersister persister = new IndexPersister();
		java.util.function.BiConsumer<Long, IncrementalIndex> persist = (bucket, index) -> {
			long start = System.nanoTime();
			persister.persist(index, new SegmentId(schema.dataSource(), segments.bucket(bucket), "v1", 0),
					directory.resolve(files[0]++ + ".strata"));
			nanos[0] += System.nanoTime() - start;
			rows[0] += index.rowCount();
		};
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson), new RowSink() {
				@Override
				public void accept(InputRow row) {
					long bucket = segments.bucketStart(row.timestampMillis());
					IncrementalIndex index = indexes.computeIfAbsent(bucket, key -> new IncrementalIndex(schema));
					index.add(row);
					if (index.rowCount() >= StorageBenchmark.this.maxRowsInMemory) {
						persist.accept(bucket, index);
						indexes.remove(bucket);
					}
				}

				@Override
				public void reject(RowRejection rejection) {
					throw new IllegalStateException(rejection.reason());
				}
			});
		indexes.forEach(persist);
		return rows[0] / (nanos[0] / 1e9);
	}

	private record EndToEnd(double seconds, double mergeSeconds, List<SegmentMetadata> segments) {

	}

	private EndToEnd endToEnd(DataSchema schema, byte[] ndjson, Path directory) throws IOException {
		clean(directory);
		long start = System.nanoTime();
		IndexingPipeline pipeline = new IndexingPipeline(schema, directory, "v1", this.maxRowsInMemory,
				Long.MAX_VALUE, 10);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson), pipeline);
		long mergeStart = System.nanoTime();
		List<SegmentMetadata> segments = pipeline.finish();
		long end = System.nanoTime();
		if (pipeline.rejected().count() > 0) {
			throw new IllegalStateException("benchmark data rejected: " + pipeline.rejected().saved());
		}
		return new EndToEnd((end - start) / 1e9, (end - mergeStart) / 1e9, segments);
	}

	private static void columnSizes(List<SegmentMetadata> segments) {
		Map<String, Long> sizes = new TreeMap<>();
		for (SegmentMetadata segment : segments) {
			sizes.merge(segment.time().name(), segment.time().sizeBytes(), Long::sum);
			for (ColumnSummary column : segment.dimensions()) {
				sizes.merge(column.name(), column.sizeBytes(), Long::sum);
			}
			for (ColumnSummary column : segment.metrics()) {
				sizes.merge(column.name(), column.sizeBytes(), Long::sum);
			}
		}
		System.out.println("bytes per column, all segments:");
		sizes.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.forEach(entry -> System.out.printf(Locale.ROOT, "  %-14s %,12d%n", entry.getKey(), entry.getValue()));
	}

	private void decode(List<SegmentMetadata> metadata) {
		SegmentFileReader reader = new SegmentFileReader();
		List<Segment> segments = new ArrayList<>();
		long rows = 0;
		for (SegmentMetadata segment : metadata) {
			Path file = this.work.resolve("e2e").resolve("segments").resolve(segment.id().toString())
				.resolve(SegmentFormat.FILE_NAME);
			segments.add(reader.open(file));
			rows += segment.numRows();
		}
		long[] longs = new long[8192];
		int[] ids = new int[8192];
		System.out.println("raw column decode (batches of 8192 rows, all segments, median of 5):");
		for (String column : List.of("__time", "latencyMs", "bytes")) {
			double[] rates = new double[5];
			for (int round = 0; round < rates.length; round++) {
				long start = System.nanoTime();
				long checksum = 0;
				for (Segment segment : segments) {
					NumericValues values = column.equals("__time") ? segment.time().open()
							: segment.numericColumn(column).open();
					for (int row = 0; row < segment.numRows(); row += longs.length) {
						int count = Math.min(longs.length, segment.numRows() - row);
						values.readLongs(row, count, longs);
						checksum += longs[count - 1];
					}
				}
				rates[round] = rate(rows, start);
				if (checksum == 42) {
					System.out.print("");
				}
			}
			Arrays.sort(rates);
			System.out.printf(Locale.ROOT, "  %-14s %,15.0f rows/s%n", column, rates[2]);
		}
		for (String column : List.of("accountId", "apiName")) {
			double[] rates = new double[5];
			for (int round = 0; round < rates.length; round++) {
				long start = System.nanoTime();
				for (Segment segment : segments) {
					StringColumn strings = segment.stringColumn(column);
					StringValues values = strings.open();
					for (int row = 0; row < segment.numRows(); row += ids.length) {
						values.readIds(row, Math.min(ids.length, segment.numRows() - row), ids);
					}
				}
				rates[round] = rate(rows, start);
			}
			Arrays.sort(rates);
			System.out.printf(Locale.ROOT, "  %-14s %,15.0f rows/s (dictionary ids)%n", column, rates[2]);
		}
		double[] rates = new double[3];
		for (int round = 0; round < rates.length; round++) {
			long start = System.nanoTime();
			for (Segment segment : segments) {
				SketchValues values = segment.sketchColumn("users").open();
				for (int row = 0; row < segment.numRows(); row++) {
					values.getBytes(row);
				}
			}
			rates[round] = rate(rows, start);
		}
		Arrays.sort(rates);
		System.out.printf(Locale.ROOT, "  %-14s %,15.0f rows/s (serialized HLL sketches)%n", "users", rates[1]);
		segments.forEach(Segment::close);
	}

	private static double rate(long count, long startNanos) {
		return count / ((System.nanoTime() - startNanos) / 1e9);
	}

	private static void report(String what, List<Double> values, String unit) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double median = sorted[sorted.length / 2];
		System.out.printf(Locale.ROOT, "%-48s %,14.1f %s (runs: %s)%n", what, median, unit,
				values.stream().map(value -> String.format(Locale.ROOT, "%,.1f", value)).toList());
	}

	private static void clean(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (var paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		Files.createDirectories(directory);
	}

}
