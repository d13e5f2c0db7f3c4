package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.testing.SegmentDump;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query granularity coarser than the segment granularity (week or all with day segments)
 * truncates a row's time to before its segment; as in Druid, such rows are kept at the start of
 * the segment instead of failing the ingestion.
 */
class CoarseQueryGranularityTest {

	private static final long HOUR = 3_600_000L;

	/** A Thursday: its week starts on Monday 2026-09-28, before the day segment. */
	private static final long FIRST_DAY = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	private static final int DAYS = 3;

	@TempDir
	Path directory;

	@ParameterizedTest(name = "queryGranularity {0}, rollup {1}")
	@CsvSource({ "week, true", "week, false", "all, true", "all, false", "month, true" })
	void everyRowIsKeptAtItsDaySegmentStart(String queryGranularity, boolean rollup) {
		DataSchema schema = schema(Granularity.named(queryGranularity), rollup);
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 7, Long.MAX_VALUE, 10);
		int perDay = 20;
		for (int day = 0; day < DAYS; day++) {
			for (int i = 0; i < perDay; i++) {
				pipeline.accept(row(FIRST_DAY + day * 24 * HOUR + i * HOUR, "k" + (i % 2)));
			}
		}
		List<SegmentMetadata> segments = pipeline.finish();

		assertThat(pipeline.processed()).isEqualTo((long) DAYS * perDay);
		assertThat(pipeline.rejected().count()).isZero();
		assertThat(segments).hasSize(DAYS);
		for (int day = 0; day < DAYS; day++) {
			SegmentMetadata metadata = segments.get(day);
			long dayStart = FIRST_DAY + day * 24 * HOUR;
			assertThat(metadata.id().interval()).isEqualTo(Interval.of(dayStart, dayStart + 24 * HOUR));
			assertThat(metadata.queryGranularity()).isEqualTo(Granularity.named(queryGranularity));
			assertThat(metadata.numRows()).isEqualTo(rollup ? 2 : perDay);
			try (Segment segment = open(metadata)) {
				List<List<Object>> rows = SegmentDump.rows(segment, SegmentDump.Sketches.ESTIMATES);
				assertThat(rows).as("day %d", day).allSatisfy(row -> assertThat(row.getFirst()).isEqualTo(dayStart));
				// count is the last column: every input row is there once
				assertThat(rows.stream().mapToLong(row -> (Long) row.getLast()).sum()).isEqualTo(perDay);
				if (rollup) {
					assertThat(rows).extracting(row -> row.get(1)).containsExactly("k0", "k1");
				}
			}
		}
	}

	@Test
	void theIndexClampsToItsIntervalStartButNotFinerGranularities() {
		Interval day = Interval.of(FIRST_DAY, FIRST_DAY + 24 * HOUR);
		IncrementalIndex weekly = new IncrementalIndex(schema(Granularity.named("week"), true), day, List.of());
		IncrementalIndex hourly = new IncrementalIndex(schema(Granularity.named("hour"), true), day, List.of());
		for (long time : new long[] { FIRST_DAY, FIRST_DAY + 90 * 60_000L, FIRST_DAY + 23 * HOUR + 59 * 60_000L }) {
			weekly.add(row(time, "k"));
			hourly.add(row(time, "k"));
		}
		try (IndexReader reader = weekly.openReader()) {
			assertThat(reader.rowCount()).isEqualTo(1);
			assertThat(reader.time(0)).isEqualTo(FIRST_DAY);
			assertThat(reader.metricLong(0, 0)).isEqualTo(3);
		}
		try (IndexReader reader = hourly.openReader()) {
			assertThat(reader.rowCount()).isEqualTo(3);
			List<Long> times = new ArrayList<>();
			for (int row = 0; row < reader.rowCount(); row++) {
				times.add(reader.time(row));
			}
			assertThat(times).containsExactly(FIRST_DAY, FIRST_DAY + HOUR, FIRST_DAY + 23 * HOUR);
		}
		// without an interval there is nothing to clamp to: the week start is kept
		IncrementalIndex unbounded = new IncrementalIndex(schema(Granularity.named("week"), true));
		unbounded.add(row(FIRST_DAY + HOUR, "k"));
		try (IndexReader reader = unbounded.openReader()) {
			assertThat(reader.time(0)).isEqualTo(Instant.parse("2026-09-28T00:00:00Z").toEpochMilli());
		}
	}

	private static DataSchema schema(Granularity queryGranularity, boolean rollup) {
		return new DataSchema("coarse", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.explicit(List.of(DimensionSchema.string("k"))), List.of(new CountAggregatorSpec("count")),
				new GranularitySpec(Granularity.named("day"), queryGranularity, rollup, List.of()));
	}

	private static InputRow row(long time, String key) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timestamp", time);
		fields.put("k", key);
		return new InputRow(time, fields);
	}

	private Segment open(SegmentMetadata metadata) {
		return new SegmentFileReader().open(
				this.directory.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME));
	}

}
