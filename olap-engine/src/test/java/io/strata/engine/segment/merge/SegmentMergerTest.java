package io.strata.engine.segment.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.ingest.DimensionSchema;
import io.strata.engine.ingest.DimensionsSpec;
import io.strata.engine.ingest.IncrementalIndex;
import io.strata.engine.ingest.IndexPersister;
import io.strata.engine.ingest.IndexingPipeline;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.testing.SegmentDump.Sketches;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A merge of N persisted segments must equal the segment persisted from one index holding all
 * their rows, value by value; so must the output of the spilling ingestion pipeline.
 */
class SegmentMergerTest {

	private static final Interval DAY = Interval.parse("2026-10-01/2026-10-02");

	private static final SegmentId ID = new SegmentId("usage", DAY, "v1", 0);

	private static List<UsageRow> rows;

	@TempDir
	Path directory;

	private final SegmentFileReader reader = new SegmentFileReader();

	@BeforeAll
	static void generate() {
		rows = UsageRows.generate(UsageRows.DENSE_DAY);
	}

	@Test
	void mergingContiguousPersistsWithoutRollupEqualsOnePersist() {
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		Path whole = persist(schema, rows, "whole");
		int[] cuts = { 0, 20_000, 21_000, 90_000, rows.size() };
		List<Path> parts = new ArrayList<>();
		for (int i = 0; i + 1 < cuts.length; i++) {
			parts.add(persist(schema, rows.subList(cuts[i], cuts[i + 1]), "part" + i));
		}
		Path merged = merge(parts, false);

		assertSameSegment(merged, whole, Sketches.BYTES);
	}

	@Test
	void mergingInterleavedPersistsWithRollupEqualsOnePersist() {
		Granularity minute = Granularity.named("minute");
		DataSchema schema = UsageRows.schema(true, minute, Granularity.named("day"));
		Path whole = persist(schema, rows, "whole");
		List<List<UsageRow>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (int i = 0; i < rows.size(); i++) {
			shares.get(i % 4 == 3 && i % 7 == 0 ? 0 : i % 4).add(rows.get(i));
		}
		List<Path> parts = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			parts.add(persist(schema, shares.get(i), "part" + i));
		}
		Path merged = merge(parts, true);

		// sketches unioned at merge time serialize differently from sketches built in one go
		assertSameSegment(merged, whole, Sketches.ESTIMATES);
		try (Segment one = this.reader.open(parts.getFirst()); Segment all = this.reader.open(merged)) {
			assertThat(all.numRows()).isGreaterThan(one.numRows()).isLessThan(rows.size() / 3);
		}
	}

	@Test
	void mergingOneSegmentCopiesIt() {
		DataSchema schema = UsageRows.schema(true, Granularity.named("minute"), Granularity.named("day"));
		Path whole = persist(schema, rows.subList(0, 5_000), "whole");
		assertSameSegment(merge(List.of(whole), true), whole, Sketches.BYTES);
	}

	@ParameterizedTest(name = "rollup {0}")
	@ValueSource(booleans = { false, true })
	void segmentsWithDifferentDimensionsMergeWithNullsForTheMissingOnes(boolean rollup) {
		Granularity granularity = rollup ? Granularity.named("minute") : Granularity.none();
		DataSchema full = UsageRows.schema(rollup, granularity, Granularity.named("day"));
		List<DimensionSchema> fewer = new ArrayList<>(full.dimensionsSpec().dimensions());
		fewer.removeIf(dimension -> dimension.name().equals("region") || dimension.name().equals("bundles"));
		DataSchema partial = new DataSchema("usage", full.timestampSpec(), DimensionsSpec.explicit(fewer),
				full.metricsSpec(), full.granularitySpec());
		// whole stretches of time from each, so that the merge copies ranges as well as merging rows
		List<UsageRow> first = new ArrayList<>(rows.subList(0, 3_000));
		List<UsageRow> second = new ArrayList<>(rows.subList(3_000, 6_000));
		first.addAll(rows.subList(6_000, 6_100));
		second.addAll(rows.subList(6_000, 6_100));
		first.addAll(rows.subList(6_100, 9_000));
		Path partialSegment = persist(partial, first, "partial");
		Path fullSegment = persist(full, second, "full");
		List<UsageRow> expectedRows = new ArrayList<>();
		first.forEach(row -> expectedRows.add(new UsageRow(row.timestamp(), row.accountId(), row.apiName(),
				row.statusCode(), List.of(), null, row.plan(), row.userId(), row.latencyMs(), row.bytes())));
		expectedRows.addAll(second);
		expectedRows.sort(java.util.Comparator.comparingLong(UsageRow::timestamp));
		Path whole = persist(full, expectedRows, "whole");
		Sketches sketches = rollup ? Sketches.ESTIMATES : Sketches.BYTES;

		assertSameSegment(merge(List.of(fullSegment, partialSegment), rollup), whole, sketches);
		// the order of the inputs must not matter: the missing dimensions keep their place either way
		assertSameSegment(merge(List.of(partialSegment, fullSegment), rollup), whole, sketches);
	}

	@Test
	void contradictoryDimensionOrdersAreRefused() {
		DataSchema full = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		List<DimensionSchema> reversed = new ArrayList<>(full.dimensionsSpec().dimensions());
		java.util.Collections.reverse(reversed);
		DataSchema backwards = new DataSchema("usage", full.timestampSpec(), DimensionsSpec.explicit(reversed),
				full.metricsSpec(), full.granularitySpec());
		Path forward = persist(full, rows.subList(0, 100), "forward");
		Path backward = persist(backwards, rows.subList(100, 200), "backward");
		assertThatThrownBy(() -> merge(List.of(forward, backward), false)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED));
	}

	@Test
	void rowsOutsideTheTargetIntervalAreRefused() {
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("day"));
		Path part = persist(schema, rows.subList(0, 100), "part");
		SegmentId hour = new SegmentId("usage", Interval.parse("2026-10-01T05:00/2026-10-01T06:00"), "v1", 0);
		try (Segment segment = this.reader.open(part)) {
			assertThatThrownBy(() -> new SegmentMerger().merge(List.of(segment), hour, false, this.directory.resolve("x")))
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
				.hasMessageContaining(hour.toString());
		}
		assertThatThrownBy(() -> new SegmentMerger().merge(List.of(), ID, false, this.directory.resolve("y")))
			.isInstanceOf(StrataException.class);
	}

	@Test
	void thePipelineSpillsAndMergesToTheSameSegmentWithoutRollup() throws IOException {
		checkPipeline(UsageRows.schema(false, Granularity.none(), Granularity.named("day")), 7_000, Sketches.BYTES);
	}

	@Test
	void thePipelineSpillsAndMergesToTheSameSegmentWithRollup() throws IOException {
		checkPipeline(UsageRows.schema(true, Granularity.named("minute"), Granularity.named("day")), 2_000,
				Sketches.ESTIMATES);
	}

	@Test
	void thePipelineSpillsWhenItsIndexOutgrowsTheByteLimit() throws IOException {
		checkPipeline(UsageRows.schema(false, Granularity.none(), Granularity.named("day")), Integer.MAX_VALUE, 1L << 20,
				Sketches.BYTES);
	}

	@Test
	void thePipelineBuildsOneSegmentPerDayInIntervalOrder() {
		List<UsageRow> month = UsageRows.generate(io.strata.sample.UsageDataConfig.defaults(30_000));
		DataSchema schema = UsageRows.schema(true, Granularity.named("hour"), Granularity.named("day"));
		Path work = this.directory.resolve("work");
		IndexingPipeline pipeline = new IndexingPipeline(schema, work, "v1", 300, Long.MAX_VALUE, 10);
		// out of time order, as a batch of files may be
		for (int i = 0; i < month.size(); i += 2) {
			pipeline.accept(month.get(i).toInputRow());
		}
		for (int i = month.size() - 1; i >= 0; i -= 2) {
			pipeline.accept(month.get(i).toInputRow());
		}
		List<SegmentMetadata> segments = pipeline.finish();

		assertThat(segments).hasSize(30);
		long rows = 0;
		for (int day = 0; day < segments.size(); day++) {
			SegmentMetadata metadata = segments.get(day);
			Interval interval = metadata.id().interval();
			assertThat(interval).isEqualTo(Granularity.named("day").bucket(month.getFirst().timestamp() + day * 86_400_000L));
			List<UsageRow> ofDay = month.stream().filter(row -> interval.contains(row.timestamp())).toList();
			IncrementalIndex index = new IncrementalIndex(schema);
			ofDay.forEach(row -> index.add(row.toInputRow()));
			Path expected = this.directory.resolve("day" + day + ".strata");
			new IndexPersister().persist(index, metadata.id(), expected);
			assertSameSegment(work.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME),
					expected, Sketches.ESTIMATES);
			rows += ofDay.size();
		}
		assertThat(rows).isEqualTo(month.size());
		assertThat(pipeline.processed()).isEqualTo(month.size());
	}

	private void checkPipeline(DataSchema schema, int maxRowsInMemory, Sketches sketches) throws IOException {
		checkPipeline(schema, maxRowsInMemory, Long.MAX_VALUE, sketches);
	}

	private void checkPipeline(DataSchema schema, int maxRowsInMemory, long maxBytesInMemory, Sketches sketches)
			throws IOException {
		Path work = this.directory.resolve("work");
		IndexingPipeline pipeline = new IndexingPipeline(schema, work, "v1", maxRowsInMemory, maxBytesInMemory, 10);
		for (UsageRow row : rows) {
			pipeline.accept(row.toInputRow());
		}
		try (Stream<Path> spills = Files.list(work.resolve("spill"))) {
			assertThat(spills.count()).as("spills before finishing").isGreaterThanOrEqualTo(3);
		}
		List<SegmentMetadata> segments = pipeline.finish();

		assertThat(pipeline.processed()).isEqualTo(rows.size());
		assertThat(pipeline.rejected().count()).isZero();
		assertThat(segments).singleElement().satisfies(metadata -> assertThat(metadata.id()).isEqualTo(ID));
		try (Stream<Path> spills = Files.list(work.resolve("spill"))) {
			assertThat(spills.toList()).as("spill files are deleted").isEmpty();
		}
		Path built = work.resolve("segments").resolve(ID.toString()).resolve(SegmentFormat.FILE_NAME);
		assertSameSegment(built, persist(schema, rows, "whole"), sketches);
	}

	// ---- helpers ----

	private Path persist(DataSchema schema, List<UsageRow> input, String name) {
		IncrementalIndex index = new IncrementalIndex(schema);
		input.forEach(row -> index.add(row.toInputRow()));
		Path file = this.directory.resolve(name + ".strata");
		new IndexPersister().persist(index, ID, file);
		return file;
	}

	private Path merge(List<Path> parts, boolean rollup) {
		List<Segment> segments = new ArrayList<>();
		Path file = this.directory.resolve("merged-" + System.nanoTime() + ".strata");
		try {
			parts.forEach(part -> segments.add(this.reader.open(part)));
			SegmentMetadata metadata = new SegmentMerger().merge(segments, ID, rollup, file);
			assertThat(this.reader.readMetadata(file)).isEqualTo(metadata);
		}
		finally {
			segments.forEach(Segment::close);
		}
		return file;
	}

	private void assertSameSegment(Path actualFile, Path expectedFile, Sketches sketches) {
		try (Segment actual = this.reader.open(actualFile); Segment expected = this.reader.open(expectedFile)) {
			SegmentMetadata a = actual.metadata();
			SegmentMetadata e = expected.metadata();
			assertThat(a.numRows()).isEqualTo(e.numRows());
			assertThat(a.dimensionNames()).isEqualTo(e.dimensionNames());
			assertThat(a.metricNames()).isEqualTo(e.metricNames());
			assertThat(a.aggregators()).isEqualTo(e.aggregators());
			assertThat(a.rollup()).isEqualTo(e.rollup());
			assertThat(a.queryGranularity()).isEqualTo(e.queryGranularity());
			assertThat(a.time()).usingRecursiveComparison().ignoringFields("sizeBytes").isEqualTo(e.time());
			assertThat(a.dimensions()).usingRecursiveComparison().ignoringFields("sizeBytes").isEqualTo(e.dimensions());
			assertThat(a.metrics()).usingRecursiveComparison().ignoringFields("sizeBytes").isEqualTo(e.metrics());
			assertThat(SegmentDump.dictionariesAndBitmaps(actual)).isEqualTo(SegmentDump.dictionariesAndBitmaps(expected));
			List<List<Object>> actualRows = SegmentDump.rows(actual, sketches);
			List<List<Object>> expectedRows = SegmentDump.rows(expected, sketches);
			for (int row = 0; row < expectedRows.size(); row++) {
				assertThat(actualRows.get(row)).as("row %d", row).isEqualTo(expectedRows.get(row));
			}
		}
	}

}
