package io.strata.engine.segment.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.aggregation.QuantilesSketchAggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.aggregation.ThetaSketchAggregatorSpec;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.column.Utf8Order;
import io.strata.engine.segment.format.ColumnWriter;
import io.strata.engine.segment.format.NumericColumnWriter;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.segment.format.SegmentWriter;
import io.strata.engine.segment.format.SketchColumnWriter;
import io.strata.engine.segment.format.StringColumnWriter;
import io.strata.engine.testing.SegmentReadComparison;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.type.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-memory columns against the persisted ones: the same random rows (nulls, multi-values,
 * NaN, sketches, sizes around the 8192-row block) go through the segment writer into a file and
 * through the builders into an {@link InMemorySegment}, and every read of both must agree.
 */
class InMemorySegmentContractTest {

	private static final SegmentId ID = new SegmentId("test", Interval.of(0, 1L << 50), "v1", 0);

	private static final List<String> WORDS = List.of("", "a", "ab", "b", "Zeta", "\u00e9t\u00e9", "\uffff",
			"\ud83d\ude00", "\ud83d\ude00x", "x\u0000", "multi word", "9", "10");

	private static final List<AggregatorSpec> AGGREGATORS = List.of(
			new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "longs", "l"),
			new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "doubles", "d"),
			new NumericAggregatorSpec(NumericAggregation.FLOAT_MAX, "floats", "f"),
			new HllSketchAggregatorSpec("hll", "u", HllSketchAggregatorSpec.DEFAULT_LG_K,
					HllSketchAggregatorSpec.DEFAULT_TGT_HLL_TYPE, false, false),
			new ThetaSketchAggregatorSpec("theta", "u", ThetaSketchAggregatorSpec.DEFAULT_SIZE, false),
			new QuantilesSketchAggregatorSpec("quantiles", "q", QuantilesSketchAggregatorSpec.DEFAULT_K));

	@TempDir
	Path directory;

	/** One row of the test data: the value of each column (String, List of String, Number, byte[] or null). */
	private record Row(long time, Object[] values) {
	}

	/** Columns: single (string), multi (string lists), unary (lists of at most one), empty (all null), long, float, double dims. */
	private static final List<String> DIMENSIONS = List.of("single", "multi", "unary", "empty", "dimLong", "dimFloat",
			"dimDouble");

	private static final List<ColumnType> DIMENSION_TYPES = List.of(ColumnType.STRING, ColumnType.STRING,
			ColumnType.STRING, ColumnType.STRING, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE);

	@ParameterizedTest(name = "{0} rows, null every {1}, seed {2}")
	@CsvSource({ "0, 3, 1", "1, 1, 2", "1, 1000, 3", "7, 2, 4", "300, 5, 5", "8191, 10, 6", "8193, 3, 7",
			"20000, 50, 8", "2500, 1, 9", "2500, 1000000, 10" })
	void inMemoryColumnsReadLikePersistedOnes(int rows, int nullEvery, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Row> data = generate(random, rows, nullEvery);
		try (Segment persisted = persist(data); Segment memory = build(data)) {
			new SegmentReadComparison(seed).assertSameReads(persisted, memory);
			assertThat(memory.metadata().formatVersion()).isEqualTo(InMemorySegment.FORMAT_VERSION);
			if (rows > 100 && nullEvery > 1 && nullEvery < 100) {
				// the generator must exercise what the test claims to check
				assertThat(memory.metadata().column("multi").hasMultipleValues()).isTrue();
				assertThat(memory.metadata().column("single").hasNulls()).isTrue();
				assertThat(memory.metadata().column("longs").hasNulls()).isTrue();
				assertThat(memory.metadata().column("hll").hasNulls()).isTrue();
			}
			assertThat(memory.metadata().column("unary").hasMultipleValues()).isFalse();
		}
	}

	@Test
	void stringColumnsFollowDruidListRules() {
		InMemoryStringColumn column = new StringColumnBuilder().addMulti(List.of())
			.addMulti(List.of("b"))
			.add("a")
			.addMulti(Arrays.asList("b", null, "b"))
			.build();
		assertThat(column.hasMultipleValues()).isTrue();
		assertThat(column.dictionary().size()).isEqualTo(3);
		assertThat(column.dictionary().get(0)).isNull();
		assertThat(column.dictionary().get(1)).isEqualTo("a");
		assertThat(column.dictionary().indexOf("c")).isEqualTo(-4);
		var cursor = column.open();
		assertThat(cursor.getIds(0)).isZero();
		assertThat(cursor.getIds(1)).isEqualTo(1);
		assertThat(cursor.lastIds()[0]).isEqualTo(2);
		assertThat(cursor.getIds(3)).isEqualTo(3);
		assertThat(Arrays.copyOf(cursor.lastIds(), 3)).containsExactly(2, 0, 2);
		assertThat(column.bitmap(0).toArray()).containsExactly(0, 3);
		assertThat(column.bitmap(2).toArray()).containsExactly(1, 3);
		var summary = column.summary("s");
		assertThat(summary.cardinality()).isEqualTo(3);
		assertThat(summary.minValue()).isEqualTo("a");
		assertThat(summary.maxValue()).isEqualTo("b");
	}

	@Test
	void segmentRefusesUnsortedTimeAndMismatchedColumns() {
		InMemoryNumericColumn unsorted = new NumericColumnBuilder(ColumnType.LONG).addLong(5).addLong(4).build();
		assertThatThrownBy(() -> new InMemorySegment(ID, false, Granularity.none(), unsorted, List.of(), List.of(),
				List.of()))
			.hasMessageContaining("not sorted");
		InMemoryNumericColumn time = new NumericColumnBuilder(ColumnType.LONG).addLong(4).addLong(5).build();
		InMemoryStringColumn shortColumn = new StringColumnBuilder().add("x").build();
		assertThatThrownBy(() -> new InMemorySegment(ID, false, Granularity.none(), time,
				List.of(new NamedColumn("x", shortColumn)), List.of(), List.of()))
			.hasMessageContaining("has 1 rows");
	}

	private static List<Row> generate(SplittableRandom random, int rows, int nullEvery) {
		List<Row> data = new ArrayList<>(rows);
		long time = random.nextLong(1L << 40);
		List<SketchCodec> codecs = AGGREGATORS.stream().map(a -> a.storedType().isSketch() ? new SketchCodec(a) : null)
			.toList();
		for (int row = 0; row < rows; row++) {
			time += random.nextInt(3) == 0 ? 0 : random.nextInt(1000);
			Object[] values = new Object[DIMENSIONS.size() + AGGREGATORS.size()];
			values[0] = isNull(random, nullEvery) ? null : word(random);
			values[1] = multi(random, nullEvery, 5);
			values[2] = multi(random, nullEvery, 1);
			values[3] = null;
			values[4] = isNull(random, nullEvery) ? null : random.nextLong() >> random.nextInt(64);
			values[5] = isNull(random, nullEvery) ? null : special(random, (float) random.nextGaussian());
			values[6] = isNull(random, nullEvery) ? null : special(random, random.nextDouble(-1e9, 1e9));
			int m = DIMENSIONS.size();
			values[m] = isNull(random, nullEvery) ? null : random.nextLong(-1000, 1000);
			values[m + 1] = isNull(random, nullEvery) ? null : special(random, random.nextDouble());
			values[m + 2] = isNull(random, nullEvery) ? null : (float) random.nextGaussian();
			for (int s = 3; s < AGGREGATORS.size(); s++) {
				if (isNull(random, nullEvery)) {
					continue;
				}
				SketchCodec codec = codecs.get(s);
				Object sketch = codec.newSketch();
				int items = random.nextInt(4);
				for (int i = 0; i < items; i++) {
					sketch = codec.update(sketch, s == 5 ? (Object) random.nextDouble() : (Object) word(random));
				}
				values[m + s] = codec.serialize(sketch);
			}
			data.add(new Row(time, values));
		}
		return data;
	}

	private static boolean isNull(SplittableRandom random, int nullEvery) {
		return random.nextInt(nullEvery) == 0;
	}

	private static String word(SplittableRandom random) {
		return random.nextInt(4) == 0 ? "w" + random.nextInt(5000) : WORDS.get(random.nextInt(WORDS.size()));
	}

	private static Object special(SplittableRandom random, double value) {
		return switch (random.nextInt(40)) {
			case 0 -> Double.NaN;
			case 1 -> Double.NEGATIVE_INFINITY;
			case 2 -> -0.0;
			default -> value;
		};
	}

	private static Object special(SplittableRandom random, float value) {
		return random.nextInt(40) == 0 ? Float.NaN : value;
	}

	/** A list of zero to {@code max} words, in any order, duplicates allowed. */
	private static List<String> multi(SplittableRandom random, int nullEvery, int max) {
		if (isNull(random, nullEvery)) {
			return List.of();
		}
		int size = 1 + random.nextInt(max);
		List<String> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(word(random));
		}
		return list;
	}

	/** The rows through the persisted writer; the dictionaries are sorted here, independently of the builders. */
	@SuppressWarnings("unchecked")
	private Segment persist(List<Row> data) {
		NumericColumnWriter time = new NumericColumnWriter("__time", ColumnType.LONG, true);
		data.forEach(row -> time.addLong(row.time()));
		List<ColumnWriter> dimensions = new ArrayList<>();
		for (int d = 0; d < DIMENSIONS.size(); d++) {
			String name = DIMENSIONS.get(d);
			if (DIMENSION_TYPES.get(d) != ColumnType.STRING) {
				dimensions.add(numbers(name, DIMENSION_TYPES.get(d), data, d));
				continue;
			}
			TreeSet<String> sorted = new TreeSet<>(Utf8Order.INSTANCE);
			boolean hasNull = false;
			boolean multiValue = false;
			for (Row row : data) {
				List<String> values = asList(row.values()[d]);
				hasNull |= values.isEmpty();
				multiValue |= values.size() > 1;
				sorted.addAll(values);
			}
			List<String> dictionary = new ArrayList<>(sorted);
			StringColumnWriter writer = new StringColumnWriter(name, dictionary, hasNull, multiValue);
			int shift = hasNull ? 1 : 0;
			for (Row row : data) {
				List<String> values = asList(row.values()[d]);
				int[] ids = new int[values.size()];
				for (int i = 0; i < ids.length; i++) {
					ids[i] = dictionary.indexOf(values.get(i)) + shift;
				}
				if (multiValue) {
					writer.addIds(ids, ids.length);
				}
				else {
					writer.addId(ids.length == 0 ? 0 : ids[0]);
				}
			}
			dimensions.add(writer);
		}
		List<ColumnWriter> metrics = new ArrayList<>();
		for (int m = 0; m < AGGREGATORS.size(); m++) {
			AggregatorSpec aggregator = AGGREGATORS.get(m);
			int index = DIMENSIONS.size() + m;
			if (aggregator.storedType().isSketch()) {
				SketchColumnWriter writer = new SketchColumnWriter(aggregator.name(), aggregator.storedType());
				data.forEach(row -> writer.add((byte[]) row.values()[index]));
				metrics.add(writer);
			}
			else {
				metrics.add(numbers(aggregator.name(), aggregator.storedType(), data, index));
			}
		}
		Path file = this.directory.resolve("segment-" + data.size() + "-" + System.nanoTime());
		new SegmentWriter(ID, false, Granularity.none(), time, dimensions, metrics, AGGREGATORS).write(file, false);
		return new SegmentFileReader().open(file);
	}

	private static NumericColumnWriter numbers(String name, ColumnType type, List<Row> data, int index) {
		NumericColumnWriter writer = new NumericColumnWriter(name, type, false);
		for (Row row : data) {
			switch (row.values()[index]) {
				case null -> writer.addNull();
				case Long value -> writer.addLong(value);
				case Number value -> writer.addDouble(value.doubleValue());
				default -> throw new IllegalStateException();
			}
		}
		return writer;
	}

	@SuppressWarnings("unchecked")
	private static List<String> asList(Object value) {
		return switch (value) {
			case null -> List.of();
			case String text -> List.of(text);
			case List<?> list -> (List<String>) list;
			default -> throw new IllegalStateException();
		};
	}

	/** The rows through the builders. */
	@SuppressWarnings("unchecked")
	private static Segment build(List<Row> data) {
		NumericColumnBuilder time = new NumericColumnBuilder(ColumnType.LONG);
		data.forEach(row -> time.addLong(row.time()));
		List<NamedColumn> dimensions = new ArrayList<>();
		for (int d = 0; d < DIMENSIONS.size(); d++) {
			if (DIMENSION_TYPES.get(d) != ColumnType.STRING) {
				dimensions.add(new NamedColumn(DIMENSIONS.get(d), numbers(DIMENSION_TYPES.get(d), data, d)));
				continue;
			}
			StringColumnBuilder builder = new StringColumnBuilder();
			for (Row row : data) {
				switch (row.values()[d]) {
					case null -> builder.add(null);
					case String text -> builder.add(text);
					case List<?> list -> builder.addMulti((List<String>) list);
					default -> throw new IllegalStateException();
				}
			}
			dimensions.add(new NamedColumn(DIMENSIONS.get(d), builder.build()));
		}
		List<NamedColumn> metrics = new ArrayList<>();
		for (int m = 0; m < AGGREGATORS.size(); m++) {
			AggregatorSpec aggregator = AGGREGATORS.get(m);
			int index = DIMENSIONS.size() + m;
			if (aggregator.storedType().isSketch()) {
				SketchColumnBuilder builder = new SketchColumnBuilder(aggregator);
				data.forEach(row -> builder.add((byte[]) row.values()[index]));
				metrics.add(new NamedColumn(aggregator.name(), builder.build()));
			}
			else {
				metrics.add(new NamedColumn(aggregator.name(), numbers(aggregator.storedType(), data, index)));
			}
		}
		return new InMemorySegment(ID, false, Granularity.none(), time.build(), dimensions, metrics, AGGREGATORS);
	}

	private static InMemoryNumericColumn numbers(ColumnType type, List<Row> data, int index) {
		NumericColumnBuilder builder = new NumericColumnBuilder(type);
		for (Row row : data) {
			switch (row.values()[index]) {
				case null -> builder.addNull();
				case Long value -> builder.addLong(value);
				case Number value -> builder.addDouble(value.doubleValue());
				default -> throw new IllegalStateException();
			}
		}
		return builder.build();
	}

}
