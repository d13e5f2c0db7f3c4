package io.strata.engine.segment.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.ingest.DataSchema;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip of one column type through a segment file: random sizes around the block
 * boundaries, null patterns and values, fixed seeds. Subclasses make the writer and read the
 * values back, both in batches and row by row in random order.
 */
abstract class ColumnRoundTripTest {

	static final SegmentId ID = new SegmentId("test", Interval.of(0, 1L << 50), "v1", 0);

	private static final int[] SIZES = { 0, 1, 2, 3, 255, 256, 257, 8191, 8192, 8193, 20_000 };

	@TempDir
	Path directory;

	/** A non-null value of this column type. */
	protected abstract Object randomValue(SplittableRandom random, int row);

	/** A writer holding {@code values} (nulls included). */
	protected abstract ColumnWriter write(String name, List<Object> values);

	/** Every value of the column, null for null rows, read in batches where the column has them. */
	protected abstract List<Object> readAll(Segment segment, String name);

	/** The value of one row, read alone. */
	protected abstract Object readOne(Segment segment, String name, int row);

	/** The aggregator when the column is a metric, null for a dimension. */
	protected AggregatorSpec aggregator() {
		return null;
	}

	enum Nulls {

		NONE, ALL, SOME, RUNS, ALTERNATE;

		boolean isNull(SplittableRandom random, int row) {
			return switch (this) {
				case NONE -> false;
				case ALL -> true;
				case SOME -> random.nextInt(10) == 0;
				case RUNS -> (row / 700) % 3 == 1;
				case ALTERNATE -> row % 2 == 0;
			};
		}

	}

	@Test
	void randomSizesAndNullPatterns() {
		SplittableRandom random = new SplittableRandom(getClass().getSimpleName().hashCode());
		int file = 0;
		for (int round = 0; round < SIZES.length + 3; round++) {
			int size = round < SIZES.length ? SIZES[round] : random.nextInt(30_000);
			for (Nulls nulls : Nulls.values()) {
				if (size > 9_000 && nulls != Nulls.SOME && nulls != Nulls.NONE) {
					continue;
				}
				List<Object> values = new ArrayList<>(size);
				for (int row = 0; row < size; row++) {
					values.add(nulls.isNull(random, row) ? null : randomValue(random, row));
				}
				check(values, random, this.directory.resolve("column-" + (file++) + ".strata"), size + " rows, " + nulls);
			}
		}
	}

	private void check(List<Object> values, SplittableRandom random, Path path, String what) {
		NumericColumnWriter time = new NumericColumnWriter(DataSchema.TIME_COLUMN, ColumnType.LONG, true);
		for (int row = 0; row < values.size(); row++) {
			time.addLong(1_000_000L + row / 3);
		}
		ColumnWriter column = write("c", values);
		AggregatorSpec aggregator = aggregator();
		SegmentWriter writer = aggregator == null
				? new SegmentWriter(ID, false, Granularity.none(), time, List.of(column), List.of(), List.of())
				: new SegmentWriter(ID, false, Granularity.none(), time, List.of(), List.of(column), List.of(aggregator));
		SegmentMetadata metadata = writer.write(path);
		assertThat(metadata.numRows()).isEqualTo(values.size());
		try (Segment segment = new SegmentFileReader().open(path)) {
			assertThat(segment.metadata()).isEqualTo(metadata);
			assertThat(segment.metadata().column("c").hasNulls()).as(what).isEqualTo(values.contains(null));
			assertThat(readAll(segment, "c")).as(what).isEqualTo(values);
			for (int i = 0; i < Math.min(values.size(), 300); i++) {
				int row = random.nextInt(values.size());
				assertThat(readOne(segment, "c", row)).as("%s, row %d", what, row).isEqualTo(values.get(row));
			}
			if (!values.isEmpty()) {
				NumericValues times = segment.time().open();
				assertThat(times.getLong(values.size() - 1)).isEqualTo(1_000_000L + (values.size() - 1) / 3);
			}
		}
	}

}
