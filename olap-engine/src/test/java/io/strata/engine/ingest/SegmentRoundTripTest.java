package io.strata.engine.ingest;

import io.strata.engine.segment.column.Utf8Order;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.SketchCodec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.type.ColumnType;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.NumericValues;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.sample.UsageDataConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.ThetaSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/** Incremental index -> persisted segment -> mapped segment, checked value by value against the input. */
class SegmentRoundTripTest {

	private static final Interval OCTOBER = Interval.parse("2026-10-01/2026-11-01");

	@TempDir
	Path directory;

	@Test
	void aMillionRowsWithoutRollupComeBackValueByValue() {
		List<UsageRow> rows = UsageRows.generate(UsageDataConfig.defaults(1_000_000));
		DataSchema schema = UsageRows.schema(false, Granularity.none(), Granularity.named("month"));
		IncrementalIndex index = new IncrementalIndex(schema);
		for (UsageRow row : rows) {
			index.add(row.toInputRow());
		}
		assertThat(index.rowCount()).isEqualTo(rows.size());
		assertThat(index.ingestedRows()).isEqualTo(rows.size());
		SegmentId id = new SegmentId("usage", OCTOBER, "2026-11-25T00:00:00.000Z", 0);
		Path file = this.directory.resolve("segment.strata");
		SegmentMetadata written = new IndexPersister().persist(index, id, file);
		index = null;

		List<UsageRow> expected = new ArrayList<>(rows);
		expected.sort(UsageRow.SEGMENT_ORDER);
		rows = null;

		SegmentMetadata metadata = new SegmentFileReader().readMetadata(file);
		assertThat(metadata).isEqualTo(written);
		assertThat(metadata.id()).isEqualTo(id);
		assertThat(metadata.numRows()).isEqualTo(expected.size());
		assertThat(metadata.rollup()).isFalse();
		assertThat(metadata.queryGranularity()).isEqualTo(Granularity.none());
		assertThat(metadata.dimensionNames()).containsExactlyElementsOf(UsageRows.DIMENSIONS);
		assertThat(metadata.metricNames()).containsExactly("count", "latencySum", "bytesSum", "bytesMax", "latencyMin",
				"users", "usersTheta", "latencyQuantiles");
		assertThat(metadata.aggregators()).isEqualTo(UsageRows.METRICS);
		assertThat(metadata.time().minValue()).isEqualTo(expected.getFirst().timestamp());
		assertThat(metadata.time().maxValue()).isEqualTo(expected.getLast().timestamp());
		assertThat(metadata.column("region").hasNulls()).isTrue();
		assertThat(metadata.column("bundles").hasMultipleValues()).isTrue();
		assertThat(metadata.column("latencySum").hasNulls()).isTrue();
		assertThat(metadata.column("bytesSum").hasNulls()).isFalse();
		assertThat(metadata.column("statusCode").type()).isEqualTo(ColumnType.LONG);
		assertThat(metadata.column("nope")).isNull();

		try (Segment segment = new SegmentFileReader().open(file)) {
			assertThat(segment.metadata()).isEqualTo(metadata);
			int n = expected.size();
			long[] times = new long[n];
			segment.time().open().readLongs(0, n, times);
			for (int row = 0; row < n; row++) {
				assertThat(times[row]).isEqualTo(expected.get(row).timestamp());
			}
			checkStrings(segment, "accountId", expected, UsageRow::accountId);
			checkStrings(segment, "apiName", expected, UsageRow::apiName);
			checkStrings(segment, "region", expected, UsageRow::region);
			checkStrings(segment, "plan", expected, UsageRow::plan);
			checkBundles(segment, expected);
			checkLongs(segment.numericColumn("statusCode"), expected, row -> row.statusCode());
			checkLongs(segment.numericColumn("count"), expected, row -> 1L);
			checkLongs(segment.numericColumn("latencySum"), expected, UsageRow::latencyMs);
			checkLongs(segment.numericColumn("latencyMin"), expected, UsageRow::latencyMs);
			checkDoubles(segment.numericColumn("bytesSum"), expected, row -> (double) row.bytes());
			checkDoubles(segment.numericColumn("bytesMax"), expected, row -> (double) (float) row.bytes());
			checkSketches(segment, expected);
		}
	}

	@Test
	void rollupByMinuteKeepsTotalsAndDistinctCounts() {
		List<UsageRow> rows = UsageRows.generate(UsageRows.DENSE_DAY);
		Granularity minute = Granularity.named("minute");
		DataSchema schema = UsageRows.schema(true, minute, Granularity.named("day"));
		IncrementalIndex index = new IncrementalIndex(schema);
		rows.forEach(row -> index.add(row.toInputRow()));

		Map<UsageRow, Expected> groups = new LinkedHashMap<>();
		for (UsageRow row : rows) {
			UsageRow key = row.withTimestamp(minute.bucketStart(row.timestamp()));
			UsageRow normalized = new UsageRow(key.timestamp(), key.accountId(), key.apiName(), key.statusCode(),
					key.bundles(), key.region(), key.plan(), "", null, 0);
			groups.computeIfAbsent(normalized, k -> new Expected()).add(row);
		}
		List<UsageRow> keys = new ArrayList<>(groups.keySet());
		keys.sort(UsageRow.SEGMENT_ORDER);
		assertThat(index.rowCount()).isEqualTo(keys.size()).isLessThan(rows.size() / 3);

		Path file = this.directory.resolve("rollup.strata");
		SegmentId id = new SegmentId("usage", Interval.parse("2026-10-01/2026-10-02"), "v1", 0);
		new IndexPersister().persist(index, id, file);

		try (Segment segment = new SegmentFileReader().open(file)) {
			assertThat(segment.metadata().rollup()).isTrue();
			assertThat(segment.metadata().queryGranularity()).isEqualTo(minute);
			assertThat(segment.numRows()).isEqualTo(keys.size());
			checkStrings(segment, "accountId", keys, UsageRow::accountId);
			checkStrings(segment, "region", keys, UsageRow::region);
			checkBundles(segment, keys);
			List<Expected> expected = keys.stream().map(groups::get).toList();
			checkLongs(segment.numericColumn("count"), keys, key -> groups.get(key).count);
			checkLongs(segment.numericColumn("latencySum"), keys, key -> groups.get(key).latencySum);
			checkLongs(segment.numericColumn("latencyMin"), keys, key -> groups.get(key).latencyMin);
			checkDoubles(segment.numericColumn("bytesSum"), keys, key -> groups.get(key).bytesSum);
			checkDoubles(segment.numericColumn("bytesMax"), keys, key -> (double) groups.get(key).bytesMax);

			long[] counts = new long[keys.size()];
			segment.numericColumn("count").open().readLongs(0, counts.length, counts);
			assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(rows.size());
			double[] bytes = new double[keys.size()];
			segment.numericColumn("bytesSum").open().readDoubles(0, bytes.length, bytes);
			assertThat(java.util.Arrays.stream(bytes).sum())
				.isEqualTo((double) rows.stream().mapToLong(UsageRow::bytes).sum());

			SketchValues users = segment.sketchColumn("users").open();
			SketchValues theta = segment.sketchColumn("usersTheta").open();
			SketchValues quantiles = segment.sketchColumn("latencyQuantiles").open();
			HllUnion union = new HllUnion(12);
			Set<String> allUsers = new HashSet<>();
			for (int row = 0; row < keys.size(); row++) {
				Expected group = expected.get(row);
				HllSketch hll = (HllSketch) users.getSketch(row);
				assertThat(hll.getEstimate()).as("row %d", row)
					.isCloseTo(group.users.size(), org.assertj.core.data.Offset.offset(0.02 * group.users.size() + 0.01));
				union.update(hll);
				assertThat(((ThetaSketch) theta.getSketch(row)).getEstimate()).isEqualTo(group.users.size());
				QuantilesDoublesSketch latencies = (QuantilesDoublesSketch) quantiles.getSketch(row);
				assertThat(latencies.getN()).isEqualTo(group.latencies);
				if (group.latencies > 0) {
					assertThat(latencies.getMinItem()).isEqualTo((double) group.latencyMin);
				}
				allUsers.addAll(group.users);
			}
			assertThat(union.getEstimate()).isCloseTo(allUsers.size(), org.assertj.core.data.Percentage.withPercentage(4));
		}
	}

	/** The expected rollup of the rows of one key. */
	private static final class Expected {

		long count;

		Long latencySum;

		Long latencyMin;

		long latencies;

		double bytesSum;

		float bytesMax = Float.NEGATIVE_INFINITY;

		final Set<String> users = new HashSet<>();

		void add(UsageRow row) {
			this.count++;
			if (row.latencyMs() != null) {
				this.latencySum = this.latencySum == null ? row.latencyMs() : this.latencySum + row.latencyMs();
				this.latencyMin = this.latencyMin == null ? row.latencyMs() : Math.min(this.latencyMin, row.latencyMs());
				this.latencies++;
			}
			this.bytesSum += row.bytes();
			this.bytesMax = Math.max(this.bytesMax, (float) row.bytes());
			this.users.add(row.userId());
		}

	}

	// ---- column checks ----

	static void checkStrings(Segment segment, String name, List<UsageRow> expected, Function<UsageRow, String> value) {
		StringColumn column = segment.stringColumn(name);
		assertThat(column.hasMultipleValues()).isFalse();
		assertThat(column.rowCount()).isEqualTo(expected.size());
		StringDictionary dictionary = column.dictionary();
		checkSorted(dictionary);
		Map<String, RoaringBitmap> rowsByValue = new HashMap<>();
		int[] ids = new int[expected.size()];
		column.open().readIds(0, ids.length, ids);
		StringValues values = column.open();
		for (int row = 0; row < expected.size(); row++) {
			String wanted = value.apply(expected.get(row));
			assertThat(dictionary.get(ids[row])).as("%s of row %d", name, row).isEqualTo(wanted);
			if (row % 1_000 == 0) {
				assertThat(values.getId(row)).isEqualTo(ids[row]);
				assertThat(values.getIds(row)).isEqualTo(1);
				assertThat(values.lastIds()[0]).isEqualTo(ids[row]);
			}
			rowsByValue.computeIfAbsent(wanted, k -> new RoaringBitmap()).add(row);
		}
		checkBitmaps(column, rowsByValue);
		assertThat(segment.metadata().column(name).cardinality()).isEqualTo(dictionary.size());
		assertThat(segment.metadata().column(name).hasNulls()).isEqualTo(rowsByValue.containsKey(null));
	}

	static void checkBundles(Segment segment, List<UsageRow> expected) {
		StringColumn column = segment.stringColumn("bundles");
		assertThat(column.hasMultipleValues()).isTrue();
		StringDictionary dictionary = column.dictionary();
		checkSorted(dictionary);
		StringValues values = column.open();
		Map<String, RoaringBitmap> rowsByValue = new HashMap<>();
		for (int row = 0; row < expected.size(); row++) {
			List<String> wanted = expected.get(row).bundles();
			int count = values.getIds(row);
			List<String> actual = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				actual.add(dictionary.get(values.lastIds()[i]));
			}
			assertThat(actual).as("bundles of row %d", row).isEqualTo(wanted);
			if (wanted.isEmpty()) {
				rowsByValue.computeIfAbsent(null, k -> new RoaringBitmap()).add(row);
			}
			for (String bundle : wanted) {
				rowsByValue.computeIfAbsent(bundle, k -> new RoaringBitmap()).add(row);
			}
		}
		checkBitmaps(column, rowsByValue);
	}

	private static void checkSorted(StringDictionary dictionary) {
		for (int id = 0; id < dictionary.size(); id++) {
			String value = dictionary.get(id);
			assertThat(value == null).as("only id 0 may be null").isEqualTo(dictionary.hasNull() && id == 0);
			if (id > 0 && value != null && dictionary.get(id - 1) != null) {
				assertThat(Utf8Order.INSTANCE.compare(dictionary.get(id - 1), value)).isNegative();
			}
			assertThat(dictionary.indexOf(value)).isEqualTo(id);
		}
	}

	private static void checkBitmaps(StringColumn column, Map<String, RoaringBitmap> rowsByValue) {
		StringDictionary dictionary = column.dictionary();
		assertThat(dictionary.size()).as("every dictionary value is held by a row").isEqualTo(rowsByValue.size());
		for (int id = 0; id < dictionary.size(); id++) {
			RoaringBitmap actual = column.bitmap(id).toMutableRoaringBitmap().toRoaringBitmap();
			assertThat(actual).as("bitmap of [%s]", dictionary.get(id)).isEqualTo(rowsByValue.get(dictionary.get(id)));
		}
	}

	static void checkLongs(NumericColumn column, List<UsageRow> expected, Function<UsageRow, Long> value) {
		long[] values = new long[expected.size()];
		NumericValues cursor = column.open();
		cursor.readLongs(0, values.length, values);
		for (int row = 0; row < expected.size(); row++) {
			Long wanted = value.apply(expected.get(row));
			if (wanted == null) {
				assertThat(column.nullRows().contains(row)).as("row %d is null", row).isTrue();
			}
			else {
				assertThat(column.nullRows().contains(row)).as("row %d is not null", row).isFalse();
				assertThat(values[row]).as("row %d", row).isEqualTo(wanted);
			}
		}
		assertThat(cursor.getLong(expected.size() - 1)).isEqualTo(values[expected.size() - 1]);
		assertThat(cursor.getLong(0)).isEqualTo(values[0]);
	}

	static void checkDoubles(NumericColumn column, List<UsageRow> expected, Function<UsageRow, Double> value) {
		double[] values = new double[expected.size()];
		column.open().readDoubles(0, values.length, values);
		assertThat(column.nullRows().isEmpty()).isTrue();
		for (int row = 0; row < expected.size(); row++) {
			assertThat(values[row]).as("row %d", row).isEqualTo(value.apply(expected.get(row)));
		}
	}

	private static void checkSketches(Segment segment, List<UsageRow> expected) {
		Map<String, String> hllBytes = new HashMap<>();
		Map<String, String> thetaBytes = new HashMap<>();
		Map<Long, String> quantileBytes = new HashMap<>();
		List<AggregatorSpec> metrics = UsageRows.METRICS;
		SketchCodec hll = new SketchCodec(metrics.get(5));
		SketchCodec theta = new SketchCodec(metrics.get(6));
		SketchCodec quantiles = new SketchCodec(metrics.get(7));
		SketchValues users = segment.sketchColumn("users").open();
		SketchValues usersTheta = segment.sketchColumn("usersTheta").open();
		SketchValues latencies = segment.sketchColumn("latencyQuantiles").open();
		java.util.HexFormat hex = java.util.HexFormat.of();
		for (int row = 0; row < expected.size(); row++) {
			UsageRow input = expected.get(row);
			assertThat(hex.formatHex(users.getBytes(row))).as("users of row %d", row)
				.isEqualTo(hllBytes.computeIfAbsent(input.userId(),
						user -> hex.formatHex(hll.serialize(hll.update(hll.newSketch(), user)))));
			assertThat(hex.formatHex(usersTheta.getBytes(row))).as("usersTheta of row %d", row)
				.isEqualTo(thetaBytes.computeIfAbsent(input.userId(),
						user -> hex.formatHex(theta.serialize(theta.update(theta.newSketch(), user)))));
			long latency = input.latencyMs() == null ? -1 : input.latencyMs();
			assertThat(hex.formatHex(latencies.getBytes(row))).as("latencyQuantiles of row %d", row)
				.isEqualTo(quantileBytes.computeIfAbsent(latency, l -> hex.formatHex(quantiles
					.serialize(l < 0 ? quantiles.newSketch() : quantiles.update(quantiles.newSketch(), l)))));
			if (row % 10_000 == 0) {
				assertThat(((HllSketch) users.getSketch(row)).getEstimate()).isCloseTo(1.0,
						org.assertj.core.data.Offset.offset(1e-6));
				assertThat(((QuantilesDoublesSketch) latencies.getSketch(row)).getN())
					.isEqualTo(input.latencyMs() == null ? 0 : 1);
			}
		}
		ColumnSummary summary = segment.metadata().column("users");
		assertThat(summary.type()).isEqualTo(ColumnType.HLL_SKETCH);
	}

}
