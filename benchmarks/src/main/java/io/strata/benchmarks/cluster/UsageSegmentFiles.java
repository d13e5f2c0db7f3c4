package io.strata.benchmarks.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import io.strata.benchmarks.UsageDataSchema;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEvent;
import io.strata.sample.UsageEventGenerator;

/**
 * The benchmark's 30 day segments of generated usage events, built with the engine's
 * {@link IndexingPipeline} as batch ingestion builds them ({@link UsageDataSchema}: minute
 * rollup, day segments) under {@code <work>/segments/<segmentId>/segment.strata} (spills go to
 * {@code <work>/spill} while building). A marker file written after the last segment records the
 * event count, so a later run with the same count reuses the files and any other run (or one that
 * crashed while building) starts over.
 */
final class UsageSegmentFiles {

	static final String DATA_SOURCE = "usage";

	static final int DAYS = 30;

	/** Fixed, so that reused segments and freshly built ones are the same segment ids. */
	static final String VERSION = "2026-11-01T00:00:00.000Z";

	private static final String MARKER = "events.txt";

	/** Events turned into NDJSON at a time: bounds the memory the text takes. */
	private static final int CHUNK = 250_000;

	private final Path work;

	private final Path segments;

	UsageSegmentFiles(Path work) {
		this.work = work;
		this.segments = work.resolve("segments");
	}

	/** The segment files in interval order, whether they were reused, and the seconds it took. */
	record Built(List<Path> files, boolean reused, double seconds) {

		Built {
			files = List.copyOf(files);
		}

	}

	Built buildOrReuse(long events) throws IOException {
		long start = System.nanoTime();
		Path marker = this.segments.resolve(MARKER);
		if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(Long.toString(events))) {
			List<Path> files = find();
			if (files.size() == DAYS) {
				return new Built(files, true, (System.nanoTime() - start) / 1e9);
			}
		}
		Directories.deleteRecursively(this.segments);
		Directories.deleteRecursively(this.work.resolve("spill"));
		build(events);
		List<Path> files = find();
		if (files.size() != DAYS) {
			throw StrataException.defensive("Built [%d] segments under directory[%s], expected [%d]", files.size(),
					this.segments, DAYS);
		}
		Files.writeString(marker, Long.toString(events), StandardCharsets.UTF_8);
		return new Built(files, false, (System.nanoTime() - start) / 1e9);
	}

	private void build(long events) throws IOException {
		DataSchema schema = UsageDataSchema.parse();
		// 50,000 rows in memory per day index: each day spills about twice and is merged, as in the
		// storage benchmark, and the 30 open day indexes stay well inside the heap
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.work, VERSION, 50_000, 256L << 20, 10);
		TextInputReader reader = new TextInputReader(new JsonInputFormatSpec(),
				new InputRowFactory(schema.timestampSpec()));
		UsageEventGenerator generator = new UsageEventGenerator(UsageDataConfig.defaults(events));
		NdjsonWriter writer = new NdjsonWriter();
		while (generator.hasNext()) {
			ByteArrayOutputStream text = new ByteArrayOutputStream(CHUNK * 320);
			writer.write(new Limited(generator, CHUNK), text);
			reader.read(new ByteArrayInputStream(text.toByteArray()), pipeline);
		}
		List<SegmentMetadata> built = pipeline.finish();
		if (pipeline.rejected().count() > 0) {
			throw StrataException.defensive("Generated usage events were rejected: [%d] rows, first[%s]",
					pipeline.rejected().count(), pipeline.rejected().saved().getFirst().reason());
		}
		if (built.size() != DAYS) {
			throw StrataException.defensive("Ingestion built [%d] segments, expected [%d]", built.size(), DAYS);
		}
	}

	private List<Path> find() throws IOException {
		if (!Files.isDirectory(this.segments)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(this.segments)) {
			return walk.filter(file -> file.getFileName().toString().equals(SegmentFormat.FILE_NAME)).sorted().toList();
		}
	}

	/** At most {@code limit} events of a generator, leaving the rest for the next chunk. */
	private static final class Limited implements Iterator<UsageEvent> {

		private final Iterator<UsageEvent> events;

		private long left;

		Limited(Iterator<UsageEvent> events, long limit) {
			this.events = events;
			this.left = limit;
		}

		@Override
		public boolean hasNext() {
			return this.left > 0 && this.events.hasNext();
		}

		@Override
		public UsageEvent next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			this.left--;
			return this.events.next();
		}

	}

}
