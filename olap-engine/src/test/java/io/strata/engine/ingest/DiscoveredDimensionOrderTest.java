package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentFormat;
import io.strata.engine.time.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With discovery, indexes of different days open at once discover the same fields in different
 * orders. The pipeline persists every spill in one dimension order, so each day's spills merge.
 */
class DiscoveredDimensionOrderTest {

	private static final long DAY = 86_400_000L;

	private static final long DAY1 = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	private static final long DAY2 = DAY1 + DAY;

	private static final int ROWS_PER_DAY = 40;

	@TempDir
	Path directory;

	@Test
	void daysDiscoveringFieldsInOtherOrdersStillMerge() throws IOException {
		List<Map<String, Object>> day1 = new ArrayList<>();
		List<Map<String, Object>> day2 = new ArrayList<>();
		for (int i = 0; i < ROWS_PER_DAY; i++) {
			day1.add(fields(DAY1 + i * 1_000L, "a", "a1-" + i, "b", "b1-" + (ROWS_PER_DAY - i)));
			day2.add(fields(DAY2 + i * 1_000L, "b", "b2-" + (ROWS_PER_DAY - i), "a", "a2-" + i));
		}
		List<List<Object>> expectedDay1 = expected(day1, List.of("a", "b"));
		List<List<Object>> expectedDay2 = expected(day2, List.of("a", "b"));

		List<SegmentMetadata> segments = ingest(day1, day2);

		assertThat(segments).hasSize(2);
		assertDay(segments.get(0), List.of("a", "b"), expectedDay1);
		assertDay(segments.get(1), List.of("a", "b"), expectedDay2);
	}

	@Test
	void aFieldFirstSeenLaterKeepsTheOrderConsistent() throws IOException {
		// day 2 starts with b, a and gains c half way; day 1 never has c
		List<Map<String, Object>> day1 = new ArrayList<>();
		List<Map<String, Object>> day2 = new ArrayList<>();
		for (int i = 0; i < ROWS_PER_DAY; i++) {
			day1.add(fields(DAY1 + i * 1_000L, "a", "a1-" + i, "b", "b1-" + i));
			Map<String, Object> second = i < ROWS_PER_DAY / 2 ? fields(DAY2 + i * 1_000L, "b", "b2-" + i, "a", "a2-" + i)
					: fields(DAY2 + i * 1_000L, "c", "c2-" + i, "b", "b2-" + i, "a", "a2-" + i);
			day2.add(second);
		}
		List<SegmentMetadata> segments = ingest(day1, day2);

		assertThat(segments).hasSize(2);
		// day 1 may carry c as an all-null column, but a and b must come first, in one order
		assertThat(segments.get(0).dimensionNames()).startsWith("a", "b");
		assertDay(segments.get(0), segments.get(0).dimensionNames(), expected(day1, segments.get(0).dimensionNames()));
		assertDay(segments.get(1), List.of("a", "b", "c"), expected(day2, List.of("a", "b", "c")));
	}

	private List<SegmentMetadata> ingest(List<Map<String, Object>> day1, List<Map<String, Object>> day2)
			throws IOException {
		DataSchema schema = new DataSchema("discovered", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.discover(List.of()), List.of(new CountAggregatorSpec("count")),
				new GranularitySpec(Granularity.named("day"), Granularity.none(), false, List.of()));
		IndexingPipeline pipeline = new IndexingPipeline(schema, this.directory, "v1", 3, Long.MAX_VALUE, 10);
		// interleaved, so both days have an index open while the other spills
		for (int i = 0; i < ROWS_PER_DAY; i++) {
			pipeline.accept(new InputRow((Long) day1.get(i).get("timestamp"), day1.get(i)));
			pipeline.accept(new InputRow((Long) day2.get(i).get("timestamp"), day2.get(i)));
		}
		try (Stream<Path> spills = Files.list(this.directory.resolve("spill"))) {
			assertThat(spills.count()).as("several spills per day").isGreaterThanOrEqualTo(2L * (ROWS_PER_DAY / 3));
		}
		List<SegmentMetadata> segments = pipeline.finish();
		assertThat(pipeline.processed()).isEqualTo(2L * ROWS_PER_DAY);
		assertThat(pipeline.rejected().count()).isZero();
		return segments;
	}

	private void assertDay(SegmentMetadata metadata, List<String> dimensions, List<List<Object>> expected) {
		assertThat(metadata.dimensionNames()).isEqualTo(dimensions);
		assertThat(metadata.numRows()).isEqualTo(expected.size());
		Path file = this.directory.resolve("segments").resolve(metadata.id().toString()).resolve(SegmentFormat.FILE_NAME);
		try (Segment segment = new SegmentFileReader().open(file)) {
			List<List<Object>> actual = new ArrayList<>();
			long[] times = new long[segment.numRows()];
			segment.time().open().readLongs(0, times.length, times);
			for (int row = 0; row < segment.numRows(); row++) {
				actual.add(new ArrayList<>(List.of(times[row])));
			}
			for (String dimension : dimensions) {
				StringColumn column = segment.stringColumn(dimension);
				StringValues values = column.open();
				for (int row = 0; row < segment.numRows(); row++) {
					values.getIds(row);
					actual.get(row).add(column.dictionary().get(values.lastIds()[0]));
				}
			}
			assertThat(actual).isEqualTo(expected);
		}
	}

	/** Rows as (time, dimension values...) in time order; a missing field is null. */
	private static List<List<Object>> expected(List<Map<String, Object>> rows, List<String> dimensions) {
		List<List<Object>> result = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			List<Object> values = new ArrayList<>();
			values.add(row.get("timestamp"));
			for (String dimension : dimensions) {
				values.add(row.get(dimension));
			}
			result.add(values);
		}
		result.sort((left, right) -> Long.compare((Long) left.getFirst(), (Long) right.getFirst()));
		return result;
	}

	/** A row whose fields are in the order given. */
	private static Map<String, Object> fields(long time, String... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("timestamp", time);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
