package io.strata.engine.ingest;

import io.strata.engine.input.TimestampSpec;
import io.strata.engine.input.TimestampFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.input.InputRow;
import io.strata.engine.type.ColumnType;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class IncrementalIndexTest {

	private static final List<AggregatorSpec> METRICS = List.of(new CountAggregatorSpec("count"),
			new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "sum", "n"),
			new NumericAggregatorSpec(NumericAggregation.LONG_MAX, "max", "n"),
			new NumericAggregatorSpec(NumericAggregation.DOUBLE_MIN, "dmin", "x"),
			new NumericAggregatorSpec(NumericAggregation.FLOAT_SUM, "fsum", "x"));

	@Test
	void rollsUpRowsWithTheSameTruncatedTimeAndDimensions() {
		IncrementalIndex index = new IncrementalIndex(schema(
				DimensionsSpec.explicit(List.of(DimensionSchema.string("a"), DimensionSchema.of("b", ColumnType.LONG))),
				Granularity.named("minute"), true));
		index.add(row(1_000, "a", "x", "b", 1L, "n", 5L, "x", 0.1));
		index.add(row(59_999, "a", "x", "b", "1", "n", 7L, "x", 0.2));
		index.add(row(60_000, "a", "x", "b", 1L, "n", 1L));
		index.add(row(2_000, "a", "y", "b", 1L));
		index.add(row(3_000, "a", "x", "b", 2L, "n", "-3"));
		index.add(row(4_000, "b", 1L, "n", 2L));
		index.add(row(5_000, "a", "x", "b", 1L, "n", null, "x", 0.3));

		try (IndexReader reader = index.openReader()) {
			assertThat(reader.ingestedRows()).isEqualTo(7);
			assertThat(reader.rowCount()).isEqualTo(5);
			Map<List<Object>, List<Object>> rows = rows(reader);
			assertThat(rows.get(List.of(0L, "x", 1L))).containsExactly(3L, 12L, 7L, 0.1, (double) (0.1f + 0.2f + 0.3f));
			assertThat(rows.get(List.of(60_000L, "x", 1L))).containsExactly(1L, 1L, 1L, null, null);
			assertThat(rows.get(List.of(0L, "y", 1L))).containsExactly(1L, null, null, null, null);
			assertThat(rows.get(List.of(0L, "x", 2L))).containsExactly(1L, -3L, -3L, null, null);
			assertThat(rows.get(Arrays.asList(0L, null, 1L))).containsExactly(1L, 2L, 2L, null, null);
		}
	}

	@Test
	void withoutRollupEveryRowIsKept() {
		IncrementalIndex index = new IncrementalIndex(schema(
				DimensionsSpec.explicit(List.of(DimensionSchema.string("a"))), Granularity.none(), false));
		for (int i = 0; i < 5_000; i++) {
			index.add(row(7, "a", "same", "n", 1L));
		}
		assertThat(index.rowCount()).isEqualTo(5_000);
		assertThat(index.estimatedBytes()).isGreaterThan(5_000L * 8);
	}

	@Test
	void multiValueHandlingSortsAndDeduplicatesAsAsked() {
		DimensionsSpec dimensions = DimensionsSpec.explicit(List.of(
				new DimensionSchema("array", ColumnType.STRING, MultiValueHandling.ARRAY, true),
				new DimensionSchema("sorted", ColumnType.STRING, MultiValueHandling.SORTED_ARRAY, true),
				new DimensionSchema("set", ColumnType.STRING, MultiValueHandling.SORTED_SET, true)));
		IncrementalIndex index = new IncrementalIndex(schema(dimensions, Granularity.none(), true));
		List<String> values = List.of("b", "a", "b");
		index.add(row(1, "array", values, "sorted", values, "set", values));
		index.add(row(1, "array", List.of(), "sorted", List.of("z"), "set", Arrays.asList("q", null, "q")));
		index.add(row(1, "array", List.of(3L, 1.5, true), "sorted", List.of("z"), "set", "q"));
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.rowCount()).isEqualTo(3);
			assertThat(reader.dimensionValue(0, 0)).isEqualTo(List.of("b", "a", "b"));
			assertThat(reader.dimensionValue(0, 1)).isEqualTo(List.of("a", "b", "b"));
			assertThat(reader.dimensionValue(0, 2)).isEqualTo(List.of("a", "b"));
			assertThat(reader.dimensionValue(1, 0)).isNull();
			assertThat(reader.dimensionValue(1, 1)).isEqualTo("z");
			assertThat(reader.dimensionValue(1, 2)).isEqualTo("q");
			assertThat(reader.dimensionValue(2, 0)).isEqualTo(List.of("3", "1.5", "true"));
			// a one-element list and its value are the same key: rows 1 and 2 differ only in "array"
		}
	}

	@Test
	void discoversDimensionsInArrivalOrderWithTypesWhenAsked() {
		DimensionsSpec discovery = new DimensionsSpec(List.of(), List.of("ignored"), true, false);
		IncrementalIndex index = new IncrementalIndex(schema(discovery, Granularity.none(), true));
		index.add(row(1, "s", "text", "l", 5L, "d", 2.5, "ignored", "x", "n", 3L, "nothing", null));
		index.add(row(2, "later", "y", "s", "text"));
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.dimensions()).containsExactly(DimensionSchema.string("s"),
					DimensionSchema.of("l", ColumnType.LONG), DimensionSchema.of("d", ColumnType.DOUBLE),
					DimensionSchema.string("later"));
			assertThat(reader.dimensionValue(0, 3)).isNull();
			assertThat(reader.dimensionValue(1, 3)).isEqualTo("y");
			assertThat(reader.dimensionValue(0, 1)).isEqualTo(5L);
		}
	}

	@Test
	void aDimensionDiscoveredAfterManyRowsWithoutRollup() throws Exception {
		IncrementalIndex index = new IncrementalIndex(schema(DimensionsSpec.discover(List.of()), Granularity.none(), false));
		for (int i = 0; i < 3_000; i++) {
			index.add(row(i, "a", "v" + (i % 10)));
		}
		// the new dimension widens every existing row; the index must not hang doing so
		ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
			Thread daemon = new Thread(runnable, "late-dimension");
			daemon.setDaemon(true);
			return daemon;
		});
		try {
			Future<?> add = thread.submit(() -> index.add(row(3_000, "a", "v1", "late", "x")));
			try {
				add.get(5, TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				throw new AssertionError("adding a dimension after 3,000 rows without rollup did not finish", ex);
			}
		}
		finally {
			thread.shutdownNow();
		}
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.rowCount()).isEqualTo(3_001);
			assertThat(reader.dimensionValue(3_000, 1)).isEqualTo("x");
			assertThat(reader.dimensionValue(2_999, 1)).isNull();
			assertThat(reader.dimensionValue(2_999, 0)).isEqualTo("v9");
		}
	}

	@Test
	void aRejectedRowLeavesNoDiscoveredDimensionBehind() {
		IncrementalIndex index = new IncrementalIndex(schema(DimensionsSpec.discover(List.of()), Granularity.none(), true));
		index.add(row(1, "a", "x", "n", 1L));
		assertThatThrownBy(() -> index.add(row(2, "a", "y", "junk", "z", "n", "not a number")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
			.hasMessageContaining("field[n]");
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.ingestedRows()).isEqualTo(1);
			assertThat(reader.rowCount()).isEqualTo(1);
			assertThat(reader.dimensions()).extracting(DimensionSchema::name).containsExactly("a");
		}
	}

	@Test
	void valuesThatCannotBeIngestedRejectTheRowNamingTheField() {
		IncrementalIndex index = new IncrementalIndex(schema(
				DimensionsSpec.explicit(List.of(DimensionSchema.of("l", ColumnType.LONG),
						DimensionSchema.of("f", ColumnType.FLOAT), DimensionSchema.string("s"))),
				Granularity.none(), true));
		for (Object[] bad : new Object[][] { { "l", "abc" }, { "l", List.of(1L, 2L) }, { "l", true }, { "f", "1.2.3" },
				{ "n", "x" }, { "n", true }, { "x", "pi" }, { "s", List.of(List.of("nested")) }, { "s", Map.of("k", 1) } }) {
			assertThatThrownBy(() -> index.add(row(1, bad))).as(Arrays.toString(bad))
				.isInstanceOfSatisfying(StrataException.class,
						ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.UNPARSEABLE_ROW))
				.message()
				.satisfies(message -> assertThat(message.contains("[" + bad[0] + "]") || message.contains("nested")
						|| message.contains("object")).as(message).isTrue());
		}
		index.add(row(1, "l", "12.0", "f", "2.5", "n", " 4 ", "x", "1e3"));
		try (IndexReader reader = index.openReader()) {
			assertThat(reader.ingestedRows()).isEqualTo(1);
			assertThat(reader.dimensionValue(0, 0)).isEqualTo(12L);
			assertThat(reader.dimensionValue(0, 1)).isEqualTo(2.5f);
			assertThat(reader.metricLong(0, 1)).isEqualTo(4);
			assertThat(reader.metricDouble(0, 3)).isEqualTo(1000.0);
		}
	}

	@Test
	void rowsOutsideTheIntervalAreRefused() {
		IncrementalIndex index = new IncrementalIndex(schema(DimensionsSpec.discover(List.of()), Granularity.none(), true),
				Interval.of(100, 200), List.of());
		index.add(row(100));
		index.add(row(199));
		assertThatThrownBy(() -> index.add(row(200))).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ROW_OUT_OF_INTERVAL));
		assertThatThrownBy(() -> index.add(row(99))).isInstanceOf(StrataException.class);
		assertThat(index.ingestedRows()).isEqualTo(2);
	}

	// ---- helpers ----

	private static DataSchema schema(DimensionsSpec dimensions, Granularity queryGranularity, boolean rollup) {
		return new DataSchema("test", TimestampSpec.of("t", TimestampFormat.MILLIS), dimensions, METRICS,
				new GranularitySpec(Granularity.all(), queryGranularity, rollup, List.of()));
	}

	private static InputRow row(long time, Object... fieldsAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return new InputRow(time, fields);
	}

	/** Each row's (time, dimension values...) to its metric values, null where a metric is null. */
	private static Map<List<Object>, List<Object>> rows(IndexReader reader) {
		Map<List<Object>, List<Object>> rows = new LinkedHashMap<>();
		for (int row = 0; row < reader.rowCount(); row++) {
			List<Object> key = new ArrayList<>();
			key.add(reader.time(row));
			for (int d = 0; d < reader.dimensions().size(); d++) {
				key.add(reader.dimensionValue(row, d));
			}
			List<Object> metrics = new ArrayList<>();
			for (int m = 0; m < reader.metrics().size(); m++) {
				ColumnType type = reader.metrics().get(m).storedType();
				metrics.add(reader.isMetricNull(row, m) ? null
						: type == ColumnType.LONG ? (Object) reader.metricLong(row, m) : (Object) reader.metricDouble(row, m));
			}
			rows.put(key, metrics);
		}
		return rows;
	}

}
