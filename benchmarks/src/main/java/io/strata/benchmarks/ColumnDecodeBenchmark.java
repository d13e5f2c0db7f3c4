package io.strata.benchmarks;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.input.InputRowFactory;
import io.strata.engine.input.JsonInputFormatSpec;
import io.strata.engine.input.TextInputReader;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.sample.NdjsonWriter;
import io.strata.sample.UsageDataConfig;
import io.strata.sample.UsageEventGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.BatchIterator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Raw column decode speed (JMH), single-threaded: 500,000 usage events are ingested once per fork
 * into day segments, then each benchmark decodes one whole column across all segments. One op is
 * one column over every segment, so rows/s = ops/s x the row count printed by the setup. Run it
 * with {@code bin/bench-jmh} (pinned to one core); results go to docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ColumnDecodeBenchmark {

	private static final long EVENTS = 500_000;

	private static final int BATCH = 8192;

	private static final int SELECTION_BATCH = 256;

	private static final String SELECTED_API = "email.verify";

	private final long[] longs = new long[BATCH];

	private final int[] ids = new int[BATCH];

	private final int[] selectedRows = new int[SELECTION_BATCH];

	private final long[] selectedValues = new long[SELECTION_BATCH];

	private Path directory;

	private List<Segment> segments;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		ByteArrayOutputStream ndjson = new ByteArrayOutputStream((int) (EVENTS * 300));
		new NdjsonWriter().write(new UsageEventGenerator(UsageDataConfig.defaults(EVENTS)), ndjson);
		DataSchema schema = UsageDataSchema.parse();
		this.directory = Files.createTempDirectory("strata-jmh-decode");
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 1_000_000, Long.MAX_VALUE, 10);
		new TextInputReader(new JsonInputFormatSpec(), new InputRowFactory(schema.timestampSpec()))
			.read(new ByteArrayInputStream(ndjson.toByteArray()), pipeline);
		List<SegmentMetadata> metadata = pipeline.finish();
		if (pipeline.rejected().count() > 0) {
			throw new IllegalStateException("benchmark data rejected: " + pipeline.rejected().saved());
		}
		SegmentFileReader reader = new SegmentFileReader();
		this.segments = new ArrayList<>();
		long rows = 0;
		for (SegmentMetadata segment : metadata) {
			this.segments.add(reader.open(this.directory.resolve("segments").resolve(segment.id().toString())
				.resolve(SegmentFormat.FILE_NAME)));
			rows += segment.numRows();
		}
		int selected = 0;
		for (Segment segment : this.segments) {
			StringColumn api = segment.stringColumn("apiName");
			int id = api.dictionary().indexOf(SELECTED_API);
			if (id >= 0) {
				selected += api.bitmap(id).getCardinality();
			}
		}
		System.out.printf(Locale.ROOT, "%n[setup] %,d events -> %,d rows in %d segments; apiName=%s selects %,d rows%n",
				EVENTS, rows, this.segments.size(), SELECTED_API, selected);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		if (this.segments != null) {
			this.segments.forEach(Segment::close);
			this.segments = null;
		}
		if (this.directory != null) {
			try (Stream<Path> paths = Files.walk(this.directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
			this.directory = null;
		}
	}

	/** {@code __time}: batch reads of the sorted epoch millis. */
	@Benchmark
	public long decodeTimeColumn() {
		long checksum = 0;
		for (Segment segment : this.segments) {
			checksum += readAllLongs(segment.time().open(), segment.numRows());
		}
		return checksum;
	}

	/** {@code latencyMs}, a longSum metric: batch reads. */
	@Benchmark
	public long decodeLongMetric() {
		long checksum = 0;
		for (Segment segment : this.segments) {
			checksum += readAllLongs(segment.numericColumn("latencyMs").open(), segment.numRows());
		}
		return checksum;
	}

	private long readAllLongs(NumericValues values, int numRows) {
		long[] out = this.longs;
		long checksum = 0;
		for (int row = 0; row < numRows; row += BATCH) {
			int count = Math.min(BATCH, numRows - row);
			values.readLongs(row, count, out);
			checksum += out[0] + out[count - 1];
		}
		return checksum;
	}

	/** {@code accountId}, single-value string column: batch reads of dictionary ids. */
	@Benchmark
	public long decodeStringIds() {
		int[] out = this.ids;
		long checksum = 0;
		for (Segment segment : this.segments) {
			StringValues values = segment.stringColumn("accountId").open();
			int numRows = segment.numRows();
			for (int row = 0; row < numRows; row += BATCH) {
				int count = Math.min(BATCH, numRows - row);
				values.readIds(row, count, out);
				checksum += out[0] + out[count - 1];
			}
		}
		return checksum;
	}

	/** {@code bundles}, multi-value string column: the ids of each row, one row at a time. */
	@Benchmark
	public long decodeMultiValueIds() {
		long checksum = 0;
		for (Segment segment : this.segments) {
			StringValues values = segment.stringColumn("bundles").open();
			int numRows = segment.numRows();
			for (int row = 0; row < numRows; row++) {
				int count = values.getIds(row);
				checksum += count;
				if (count > 0) {
					checksum += values.lastIds()[count - 1];
				}
			}
		}
		return checksum;
	}

	/** {@code users}, HLL sketch column: the serialized sketch of each row, one row at a time. */
	@Benchmark
	public long decodeSketchBytes() {
		long checksum = 0;
		for (Segment segment : this.segments) {
			SketchValues values = segment.sketchColumn("users").open();
			int numRows = segment.numRows();
			for (int row = 0; row < numRows; row++) {
				byte[] bytes = values.getBytes(row);
				if (bytes != null) {
					checksum += bytes.length;
				}
			}
		}
		return checksum;
	}

	/**
	 * Bitmap-driven selection: the rows of apiName = email.verify (its bitmap, in batches of 256)
	 * and a gather read of their latencyMs. One op decodes only the selected rows; see the setup's
	 * printed count for rows per op.
	 */
	@Benchmark
	public long bitmapSelection() {
		int[] rows = this.selectedRows;
		long[] values = this.selectedValues;
		long checksum = 0;
		for (Segment segment : this.segments) {
			StringColumn api = segment.stringColumn("apiName");
			int id = api.dictionary().indexOf(SELECTED_API);
			if (id < 0) {
				continue;
			}
			NumericValues latency = segment.numericColumn("latencyMs").open();
			BatchIterator batches = api.bitmap(id).getBatchIterator();
			while (batches.hasNext()) {
				int count = batches.nextBatch(rows);
				latency.readLongs(rows, count, values);
				for (int i = 0; i < count; i++) {
					checksum += values[i];
				}
			}
		}
		return checksum;
	}

}
