package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.segment.ColumnSummary;
import io.strata.engine.segment.Segment;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.segment.SegmentMetadata;
import io.strata.engine.segment.column.NumericColumn;
import io.strata.engine.segment.column.SketchValues;
import io.strata.engine.segment.column.StringColumn;
import io.strata.engine.segment.column.StringDictionary;
import io.strata.engine.segment.column.StringValues;
import io.strata.engine.segment.format.SegmentFileReader;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.Interval;
import io.strata.engine.type.ColumnType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/**
 * Rollup at minute granularity, persisted and mapped back: every value of every row of the
 * segment is checked against a rollup computed here with a plain map keyed by (minute, dimension
 * values), over string, multi-value string, long, float and double dimensions with nulls, and
 * count, longSum, longMin, doubleSum, floatMax and HLL metrics. Inputs give the same value in
 * the several forms ingestion accepts (a value alone or in a one-element list, a number as a
 * string, an absent field, an explicit null, an empty string for a number), which must roll up
 * together.
 */
class SegmentRollupRoundTripTest {

	private static final int EVENTS = 300_000;

	private static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

	private static final long SPAN = 6 * 3_600_000L;

	private static final long MINUTE = 60_000;

	private static final int LG_K = HllSketchAggregatorSpec.DEFAULT_LG_K;

	private static final List<String> DIMENSIONS = List.of("account", "api", "tags", "region", "status", "score",
			"weight");

	private static final List<String> METRICS = List.of("count", "latencySum", "latencyMin", "bytesSum", "bytesMax",
			"users");

	private static final Comparator<String> STRINGS = Comparator.nullsFirst(Comparator.naturalOrder());

	/** Segment order: minute, then each dimension, nulls (and empty lists) first, lists element by element. */
	private static final Comparator<Key> SEGMENT_ORDER = Comparator.comparingLong(Key::minute)
		.thenComparing(Key::account, STRINGS)
		.thenComparing(Key::api, STRINGS)
		.thenComparing(Key::tags, SegmentRollupRoundTripTest::compareLists)
		.thenComparing(Key::region, STRINGS)
		.thenComparing(Key::status, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(key -> key.score() == null ? null : (double) key.score(),
				Comparator.nullsFirst(Double::compare))
		.thenComparing(Key::weight, Comparator.nullsFirst(Double::compare));

	@TempDir
	Path directory;

	@Test
	void rollupByMinuteComesBackValueByValue() {
		DataSchema schema = new DataSchema("rollup", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
				DimensionsSpec.explicit(List.of(DimensionSchema.string("account"), DimensionSchema.string("api"),
						DimensionSchema.string("tags"), DimensionSchema.string("region"),
						DimensionSchema.of("status", ColumnType.LONG), DimensionSchema.of("score", ColumnType.FLOAT),
						DimensionSchema.of("weight", ColumnType.DOUBLE))),
				List.of(new CountAggregatorSpec("count"),
						new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "latencySum", "latency"),
						new NumericAggregatorSpec(NumericAggregation.LONG_MIN, "latencyMin", "latency"),
						new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "bytesSum", "bytes"),
						new NumericAggregatorSpec(NumericAggregation.FLOAT_MAX, "bytesMax", "bytes"),
						new HllSketchAggregatorSpec("users", "userId", LG_K, "HLL_4", false, false)),
				new GranularitySpec(Granularity.named("day"), Granularity.named("minute"), true, List.of()));
		IncrementalIndex index = new IncrementalIndex(schema);

		// the expected rollup, fed event by event in the order the index gets them
		SplittableRandom random = new SplittableRandom(20261001);
		List<Key> profiles = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			profiles.add(randomKey(random, 0));
		}
		Map<Key, Expected> rollup = new HashMap<>();
		for (int i = 0; i < EVENTS; i++) {
			Event event = randomEvent(random, profiles);
			index.add(event.toInputRow(random));
			rollup.computeIfAbsent(event.key(), key -> new Expected()).add(event);
		}
		assertThat(index.ingestedRows()).isEqualTo(EVENTS);
		assertThat(index.rowCount()).isEqualTo(rollup.size());
		assertThat(rollup.size()).as("rows roll up").isLessThan(EVENTS / 3);

		Path file = this.directory.resolve("rollup.strata");
		SegmentId id = new SegmentId("rollup", Interval.parse("2026-10-01/2026-10-02"), "v1", 0);
		SegmentMetadata written = new IndexPersister().persist(index, id, file);
		index = null;

		List<Key> keys = new ArrayList<>(rollup.keySet());
		keys.sort(SEGMENT_ORDER);
		List<Expected> groups = keys.stream().map(rollup::get).toList();
		int n = keys.size();

		try (Segment segment = new SegmentFileReader().open(file)) {
			SegmentMetadata metadata = segment.metadata();
			assertThat(metadata).isEqualTo(written);
			assertThat(metadata.numRows()).isEqualTo(n);
			assertThat(metadata.rollup()).isTrue();
			assertThat(metadata.queryGranularity()).isEqualTo(Granularity.named("minute"));
			assertThat(metadata.dimensionNames()).containsExactlyElementsOf(DIMENSIONS);
			assertThat(metadata.metricNames()).containsExactlyElementsOf(METRICS);
			assertThat(metadata.dimensions()).extracting(ColumnSummary::type)
				.containsExactly(ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
						ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE);
			assertThat(metadata.dimensions()).extracting(ColumnSummary::hasMultipleValues)
				.containsExactly(false, false, true, false, false, false, false);
			assertThat(metadata.time().minValue()).isEqualTo(keys.getFirst().minute());
			assertThat(metadata.time().maxValue()).isEqualTo(keys.getLast().minute());
			checkSummary(metadata, "status", keys, key -> key.status() == null ? null : (double) key.status());
			checkSummary(metadata, "score", keys, key -> key.score() == null ? null : (double) key.score());
			checkSummary(metadata, "weight", keys, Key::weight);

			long[] times = new long[n];
			segment.time().open().readLongs(0, n, times);
			for (int row = 0; row < n; row++) {
				assertThat(times[row]).as("time of row %d", row).isEqualTo(keys.get(row).minute());
			}
			checkStrings(segment, "account", keys, Key::account);
			checkStrings(segment, "api", keys, Key::api);
			checkStrings(segment, "region", keys, Key::region);
			checkTags(segment, keys);
			checkNumbers(segment.numericColumn("status"), ColumnType.LONG, keys, Key::status);
			checkNumbers(segment.numericColumn("score"), ColumnType.FLOAT, keys, Key::score);
			checkNumbers(segment.numericColumn("weight"), ColumnType.DOUBLE, keys, Key::weight);
			checkNumbers(segment.numericColumn("count"), ColumnType.LONG, groups, group -> group.count);
			checkNumbers(segment.numericColumn("latencySum"), ColumnType.LONG, groups, group -> group.latencySum);
			checkNumbers(segment.numericColumn("latencyMin"), ColumnType.LONG, groups, group -> group.latencyMin);
			checkNumbers(segment.numericColumn("bytesSum"), ColumnType.DOUBLE, groups, group -> group.bytesSum);
			checkNumbers(segment.numericColumn("bytesMax"), ColumnType.FLOAT, groups, group -> group.bytesMax);
			SketchValues users = segment.sketchColumn("users").open();
			HexFormat hex = HexFormat.of();
			for (int row = 0; row < n; row++) {
				assertThat(hex.formatHex(users.getBytes(row))).as("users of row %d", row)
					.isEqualTo(hex.formatHex(groups.get(row).users.toCompactByteArray()));
			}
		}
	}

	// ---- the events ----

	/** A rollup key: the minute and every dimension value, as the segment must hold them. */
	record Key(long minute, String account, String api, List<String> tags, String region, Long status, Float score,
			Double weight) {

		Key withMinute(long time) {
			return new Key(time - Math.floorMod(time, MINUTE), this.account, this.api, this.tags, this.region,
					this.status, this.score, this.weight);
		}

	}

	/** One input event: its key (with the exact time) and metric inputs; null when absent. */
	record Event(long time, Key dimensions, Long latency, Double bytes, List<String> users) {

		Key key() {
			return this.dimensions.withMinute(this.time);
		}

		/** The event as ingestion gets it, each value in one of the forms that mean it. */
		InputRow toInputRow(SplittableRandom random) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("timestamp", this.time);
			putString(fields, "account", this.dimensions.account(), random);
			putString(fields, "api", this.dimensions.api(), random);
			fields.put("tags", tagsInput(this.dimensions.tags(), random));
			putString(fields, "region", this.dimensions.region(), random);
			Long status = this.dimensions.status();
			putNumber(fields, "status", status, status == null ? null : status.toString(), random);
			Float score = this.dimensions.score();
			putNumber(fields, "score", score == null ? null : (double) score, score == null ? null : score.toString(),
					random);
			Double weight = this.dimensions.weight();
			Object number = weight;
			if (weight != null && weight == Math.rint(weight) && !weight.equals(-0.0) && random.nextBoolean()) {
				number = weight.longValue();
			}
			putNumber(fields, "weight", number, weight == null ? null : weight.toString(), random);
			if (this.latency != null) {
				fields.put("latency", random.nextInt(10) == 0 ? this.latency.toString() : this.latency);
			}
			if (this.bytes != null) {
				fields.put("bytes", this.bytes);
			}
			if (!this.users.isEmpty()) {
				fields.put("userId", this.users.size() == 1 && random.nextBoolean() ? this.users.getFirst() : this.users);
			}
			return new InputRow(this.time, fields);
		}

		private static void putString(Map<String, Object> fields, String name, String value, SplittableRandom random) {
			if (value != null) {
				fields.put(name, random.nextInt(10) == 0 ? List.of(value) : value);
			}
			else if (random.nextBoolean()) {
				fields.put(name, null);
			}
		}

		private static void putNumber(Map<String, Object> fields, String name, Object value, String text,
				SplittableRandom random) {
			int form = random.nextInt(10);
			if (value == null) {
				if (form < 4) {
					fields.put(name, null);
				}
				else if (form < 7) {
					fields.put(name, "");
				}
			}
			else {
				fields.put(name, form == 0 ? text : value);
			}
		}

		/** Sorted values (repeats kept) in any order, maybe with nulls; none as absent, null, empty or nulls only. */
		private static Object tagsInput(List<String> tags, SplittableRandom random) {
			int form = random.nextInt(4);
			if (tags.isEmpty()) {
				return switch (form) {
					case 0 -> null;
					case 1 -> List.of();
					case 2 -> Arrays.asList((String) null);
					default -> Arrays.asList(null, null);
				};
			}
			if (tags.size() == 1 && form < 2) {
				return form == 0 ? tags.getFirst() : Arrays.asList(null, tags.getFirst());
			}
			List<String> shuffled = new ArrayList<>(tags);
			Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
			if (form == 3) {
				shuffled.add(random.nextInt(shuffled.size() + 1), null);
			}
			return shuffled;
		}

	}

	private static Event randomEvent(SplittableRandom random, List<Key> profiles) {
		long time = START + random.nextLong(SPAN);
		// a few profiles make most of the traffic, and one event in eight strays from its profile
		Key profile = profiles.get(Math.min(random.nextInt(profiles.size()), random.nextInt(profiles.size())));
		Key dimensions = random.nextInt(8) == 0 ? stray(profile, randomKey(random, 0), random.nextInt(7)) : profile;
		Long latency = random.nextInt(12) == 0 ? null : (long) random.nextInt(5_000);
		Double bytes = random.nextInt(20) == 0 ? null
				: random.nextInt(50) == 0 ? -random.nextDouble() * 1e3 : random.nextDouble() * 1e6;
		List<String> users;
		int form = random.nextInt(40);
		if (form == 0) {
			users = List.of();
		}
		else if (form == 1) {
			users = List.of("u" + random.nextInt(20_000), "u" + random.nextInt(20_000));
		}
		else {
			users = List.of("u" + random.nextInt(20_000));
		}
		return new Event(time, dimensions, latency, bytes, users);
	}

	/** The profile with one dimension taken from another key. */
	private static Key stray(Key profile, Key other, int dimension) {
		return new Key(0, dimension == 0 ? other.account() : profile.account(),
				dimension == 1 ? other.api() : profile.api(), dimension == 2 ? other.tags() : profile.tags(),
				dimension == 3 ? other.region() : profile.region(), dimension == 4 ? other.status() : profile.status(),
				dimension == 5 ? other.score() : profile.score(), dimension == 6 ? other.weight() : profile.weight());
	}

	private static Key randomKey(SplittableRandom random, long minute) {
		String account = random.nextInt(20) == 0 ? null : "acct-" + random.nextInt(12);
		String api = List.of("person.enrich", "company.enrich", "person.search", "ip.lookup", "email.verify")
			.get(random.nextInt(5));
		List<String> tags = new ArrayList<>();
		int count = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			// repeats are kept (sorted_array)
			tags.add("t" + random.nextInt(6));
		}
		Collections.sort(tags);
		String region = random.nextInt(7) == 0 ? null : List.of("us-east", "eu-west", "ap-south").get(random.nextInt(3));
		Long status = random.nextInt(10) == 0 ? null : List.of(200L, 404L, 429L, 500L).get(random.nextInt(4));
		Float score = random.nextInt(7) == 0 ? null : List.of(0.1f, 0.5f, 1.25f, 7.3f, -2.5f).get(random.nextInt(5));
		Double weight = random.nextInt(7) == 0 ? null
				: List.of(-0.0, 0.0, 0.3, 2.0, 1234.5678, -1e-9).get(random.nextInt(6));
		return new Key(minute, account, api, List.copyOf(tags), region, status, score, weight);
	}

	/** The aggregates of one rollup row, null until an input has a value, as Druid keeps them. */
	private static final class Expected {

		long count;

		Long latencySum;

		Long latencyMin;

		Double bytesSum;

		/** Rounded to float at every step, as a float aggregator computes. */
		Float bytesMax;

		/** Fed the users in event order, hashed as Druid does by default (UTF-16LE). */
		final HllSketch users = new HllSketch(LG_K, TgtHllType.HLL_4);

		void add(Event event) {
			this.count++;
			if (event.latency() != null) {
				this.latencySum = this.latencySum == null ? event.latency() : this.latencySum + event.latency();
				this.latencyMin = this.latencyMin == null ? event.latency() : Math.min(this.latencyMin, event.latency());
			}
			if (event.bytes() != null) {
				double bytes = event.bytes();
				this.bytesSum = this.bytesSum == null ? bytes : this.bytesSum + bytes;
				this.bytesMax = this.bytesMax == null ? (float) bytes : Math.max(this.bytesMax, (float) bytes);
			}
			for (String user : event.users()) {
				this.users.update(user.toCharArray());
			}
		}

	}

	// ---- column checks ----

	private static void checkStrings(Segment segment, String name, List<Key> keys, Function<Key, String> value) {
		StringColumn column = segment.stringColumn(name);
		assertThat(column.hasMultipleValues()).isFalse();
		assertThat(column.rowCount()).isEqualTo(keys.size());
		StringDictionary dictionary = column.dictionary();
		int[] ids = new int[keys.size()];
		column.open().readIds(0, ids.length, ids);
		Map<String, RoaringBitmap> rowsByValue = new HashMap<>();
		for (int row = 0; row < keys.size(); row++) {
			String wanted = value.apply(keys.get(row));
			assertThat(dictionary.get(ids[row])).as("%s of row %d", name, row).isEqualTo(wanted);
			rowsByValue.computeIfAbsent(wanted, k -> new RoaringBitmap()).add(row);
		}
		checkDictionary(segment, name, column, rowsByValue);
	}

	private static void checkTags(Segment segment, List<Key> keys) {
		StringColumn column = segment.stringColumn("tags");
		assertThat(column.hasMultipleValues()).isTrue();
		assertThat(column.rowCount()).isEqualTo(keys.size());
		StringDictionary dictionary = column.dictionary();
		StringValues values = column.open();
		Map<String, RoaringBitmap> rowsByValue = new HashMap<>();
		for (int row = 0; row < keys.size(); row++) {
			List<String> wanted = keys.get(row).tags();
			int count = values.getIds(row);
			List<String> actual = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				actual.add(dictionary.get(values.lastIds()[i]));
			}
			assertThat(actual).as("tags of row %d", row).isEqualTo(wanted);
			if (wanted.isEmpty()) {
				rowsByValue.computeIfAbsent(null, k -> new RoaringBitmap()).add(row);
			}
			for (String tag : wanted) {
				rowsByValue.computeIfAbsent(tag, k -> new RoaringBitmap()).add(row);
			}
		}
		checkDictionary(segment, "tags", column, rowsByValue);
	}

	/** The dictionary holds exactly the values rows hold, sorted, null first, each with the bitmap of its rows. */
	private static void checkDictionary(Segment segment, String name, StringColumn column,
			Map<String, RoaringBitmap> rowsByValue) {
		StringDictionary dictionary = column.dictionary();
		List<String> sorted = new ArrayList<>(rowsByValue.keySet());
		sorted.sort(STRINGS);
		List<String> actual = new ArrayList<>();
		for (int id = 0; id < dictionary.size(); id++) {
			actual.add(dictionary.get(id));
			RoaringBitmap rows = column.bitmap(id).toMutableRoaringBitmap().toRoaringBitmap();
			assertThat(rows).as("%s rows of [%s]", name, dictionary.get(id)).isEqualTo(rowsByValue.get(dictionary.get(id)));
		}
		assertThat(actual).as("dictionary of %s", name).isEqualTo(sorted);
		assertThat(dictionary.hasNull()).isEqualTo(rowsByValue.containsKey(null));
		ColumnSummary summary = segment.metadata().column(name);
		assertThat(summary.hasNulls()).as("%s has nulls", name).isEqualTo(rowsByValue.containsKey(null));
		assertThat(summary.cardinality()).isEqualTo(sorted.size());
	}

	/** Long, float or double values, nulls included, bit for bit (so -0.0 is not 0.0). */
	private static <T> void checkNumbers(NumericColumn column, ColumnType type, List<T> expected,
			Function<T, ? extends Number> value) {
		assertThat(column.type()).isEqualTo(type);
		int n = expected.size();
		long[] longs = new long[n];
		double[] doubles = new double[n];
		column.open().readLongs(0, n, longs);
		column.open().readDoubles(0, n, doubles);
		var single = column.open();
		for (int row = 0; row < n; row++) {
			Number wanted = value.apply(expected.get(row));
			assertThat(column.nullRows().contains(row)).as("row %d is null", row).isEqualTo(wanted == null);
			if (wanted == null) {
				continue;
			}
			switch (type) {
				case LONG -> assertThat(longs[row]).as("row %d", row).isEqualTo(wanted.longValue());
				case FLOAT -> {
					assertThat(Float.floatToIntBits((float) doubles[row])).as("row %d: %s", row, doubles[row])
						.isEqualTo(Float.floatToIntBits(wanted.floatValue()));
					assertThat(doubles[row]).as("row %d is a float", row).isEqualTo((double) (float) doubles[row]);
				}
				default -> assertThat(Double.doubleToLongBits(doubles[row])).as("row %d: %s", row, doubles[row])
					.isEqualTo(Double.doubleToLongBits(wanted.doubleValue()));
			}
			if (row % 997 == 0) {
				assertThat(Double.doubleToLongBits(single.getDouble(row))).isEqualTo(Double.doubleToLongBits(doubles[row]));
			}
		}
	}

	/** A numeric dimension's summary: nulls, smallest and largest value as the writer reports them. */
	private static void checkSummary(SegmentMetadata metadata, String name, List<Key> keys,
			Function<Key, Double> value) {
		ColumnSummary summary = metadata.column(name);
		Double min = null;
		Double max = null;
		boolean nulls = false;
		for (Key key : keys) {
			Double number = value.apply(key);
			nulls |= number == null;
			if (number != null) {
				min = min == null ? number : Math.min(min, number);
				max = max == null ? number : Math.max(max, number);
			}
		}
		assertThat(summary.hasNulls()).as("%s has nulls", name).isEqualTo(nulls);
		assertThat(((Number) summary.minValue()).doubleValue()).as("%s min", name).isEqualTo(min);
		assertThat(((Number) summary.maxValue()).doubleValue()).as("%s max", name).isEqualTo(max);
		assertThat(Objects.requireNonNull(min)).isLessThan(Objects.requireNonNull(max));
	}

	private static int compareLists(List<String> left, List<String> right) {
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int result = left.get(i).compareTo(right.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

}
