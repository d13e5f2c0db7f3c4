package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.AggregatorSpec;
import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.HllSketchAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.input.InputRow;
import io.strata.engine.input.TimestampFormat;
import io.strata.engine.input.TimestampSpec;
import io.strata.engine.type.ColumnType;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.sample.UsageDataConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One writer adds rows that roll up in place while readers keep opening views: every view must be
 * exactly the first {@code ingestedRows()} inputs, never a row half-aggregated, never a dimension
 * half-discovered.
 */
class IncrementalIndexConcurrencyTest {

	private static final int ROWS = 200_000;

	private static final int CHECKPOINT = 10_000;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void readersAlwaysSeeAConsistentPrefix() throws Exception {
		List<UsageRow> rows = UsageRows.generate(UsageDataConfig.defaults(ROWS));
		long[] prefixSums = new long[ROWS + 1];
		for (int i = 0; i < ROWS; i++) {
			Long latency = rows.get(i).latencyMs();
			prefixSums[i + 1] = prefixSums[i] + (latency == null ? 0 : latency);
		}
		DataSchema schema = new DataSchema("usage", UsageRows.schema(true, Granularity.none(), Granularity.all())
			.timestampSpec(),
				DimensionsSpec.explicit(List.of(DimensionSchema.string("apiName"),
						DimensionSchema.of("statusCode", ColumnType.LONG))),
				List.of(new CountAggregatorSpec("count"),
						new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "latencySum", "latencyMs")),
				new GranularitySpec(Granularity.all(), Granularity.named("day"), true, List.of()));
		IncrementalIndex index = new IncrementalIndex(schema);

		AtomicBoolean writing = new AtomicBoolean(true);
		Queue<String> mismatches = new ConcurrentLinkedQueue<>();
		AtomicLong views = new AtomicLong();
		AtomicLong partialViews = new AtomicLong();
		Semaphore reads = new Semaphore(0);
		CountDownLatch readersStarted = new CountDownLatch(2);
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			Runnable reader = () -> {
				readersStarted.countDown();
				do {
					try (IndexReader view = index.openReader()) {
						long ingested = view.ingestedRows();
						long count = 0;
						long latency = 0;
						for (int row = 0; row < view.rowCount(); row++) {
							count += view.metricLong(row, 0);
							latency += view.isMetricNull(row, 1) ? 0 : view.metricLong(row, 1);
						}
						if (count != ingested || latency != prefixSums[(int) ingested]) {
							mismatches.add("view of " + ingested + " rows: count " + count + ", latency " + latency
									+ " instead of " + prefixSums[(int) ingested]);
						}
						views.incrementAndGet();
						if (ingested > 0 && ingested < ROWS) {
							partialViews.incrementAndGet();
						}
					}
					reads.release();
				}
				while (writing.get() && mismatches.size() < 10);
			};
			Future<?> first = threads.submit(reader);
			Future<?> second = threads.submit(reader);
			Future<?> writer = threads.submit(() -> {
				assertThat(readersStarted.await(30, TimeUnit.SECONDS)).isTrue();
				try {
					for (int i = 0; i < ROWS; i++) {
						index.add(rows.get(i).toInputRow());
						if ((i + 1) % CHECKPOINT == 0) {
							// let the readers look at this prefix before going on
							reads.drainPermits();
							assertThat(reads.tryAcquire(2, 30, TimeUnit.SECONDS)).as("readers make progress").isTrue();
						}
					}
				}
				finally {
					writing.set(false);
				}
				return null;
			});
			writer.get(60, TimeUnit.SECONDS);
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			writing.set(false);
			threads.shutdownNow();
			assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		assertThat(mismatches).isEmpty();
		assertThat(partialViews.get()).as("views taken while rows were still arriving")
			.isGreaterThanOrEqualTo(2L * (ROWS / CHECKPOINT - 1));
		assertThat(views.get()).isGreaterThan(partialViews.get() - 1);
		try (IndexReader view = index.openReader()) {
			assertThat(view.ingestedRows()).isEqualTo(ROWS);
			long count = 0;
			for (int row = 0; row < view.rowCount(); row++) {
				count += view.metricLong(row, 0);
			}
			assertThat(count).isEqualTo(ROWS);
			assertThat(view.rowCount()).isLessThan(ROWS / 10);
		}
	}

	// ---- schemaless discovery, multi-value strings, nulls and sketches, with rollup on and off ----

	private static final int SCENARIO_ROWS = 30_000;

	private static final int SCENARIO_STEP = 1_000;

	static Stream<Scenario> scenarios() {
		return Stream.of(new Scenario(11, Dimensions.SCHEMALESS, true, 2, 300, false),
				new Scenario(12, Dimensions.SCHEMALESS, false, 3, 5_000, false),
				new Scenario(13, Dimensions.TYPED, true, 3, 5_000, false),
				new Scenario(14, Dimensions.TYPED, false, 2, 300, false),
				new Scenario(15, Dimensions.EXPLICIT_AND_DISCOVERED, true, 2, 2_000, false),
				new Scenario(16, Dimensions.TYPED, true, 3, 300, true),
				new Scenario(17, Dimensions.SCHEMALESS, false, 2, 5_000, true));
	}

	/**
	 * One writer adds rows whose fields appear mid-stream (discovered as dimensions while readers
	 * look), with multi-value strings, nulls, absent fields and HLL, longSum, longMax and doubleSum
	 * metrics; readers keep opening views and check each against what the first {@code
	 * ingestedRows()} inputs must give, computed up front for every prefix.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void readersSeeExactlyThePrefixWhileDimensionsAreDiscovered(Scenario scenario) throws Exception {
		Workload workload = new Workload(scenario, SCENARIO_ROWS);
		IncrementalIndex index = new IncrementalIndex(workload.schema);

		AtomicBoolean writing = new AtomicBoolean(true);
		Queue<String> mismatches = new ConcurrentLinkedQueue<>();
		AtomicLong partialViews = new AtomicLong();
		AtomicLong opened = new AtomicLong();
		AtomicLong closedElsewhere = new AtomicLong();
		Set<Integer> dimensionCounts = ConcurrentHashMap.newKeySet();
		Semaphore tickets = new Semaphore(0);
		Semaphore reads = new Semaphore(0);
		CountDownLatch readersStarted = new CountDownLatch(scenario.readers());
		ExecutorService threads = Executors.newFixedThreadPool(scenario.readers() + 1);
		ExecutorService closer = Executors.newSingleThreadExecutor();
		try {
			List<Future<?>> readers = new ArrayList<>();
			for (int r = 0; r < scenario.readers(); r++) {
				readers.add(threads.submit(() -> {
					Thread openingThread = Thread.currentThread();
					// when views are closed elsewhere, at most two of this reader's are open at once
					Semaphore inFlight = new Semaphore(2);
					readersStarted.countDown();
					try {
						while (true) {
							// a view per ticket, so that checking views does not starve the writer
							if (!tickets.tryAcquire(50, TimeUnit.MILLISECONDS)) {
								if (!writing.get() || !mismatches.isEmpty()) {
									break;
								}
								continue;
							}
							if (scenario.closeElsewhere() && !inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
								mismatches.add("the closing thread stalled");
								break;
							}
							IndexReader view = index.openReader();
							opened.incrementAndGet();
							boolean handedOver = false;
							try {
								long ingested = view.ingestedRows();
								int rows = view.rowCount();
								dimensionCounts.add(view.dimensions().size());
								String mismatch = workload.check(view);
								if (mismatch != null) {
									mismatches.add(scenario + ", view of " + ingested + " inputs: " + mismatch);
								}
								if (ingested > 0 && ingested < workload.rows) {
									partialViews.incrementAndGet();
								}
								if (scenario.closeElsewhere()) {
									closer.execute(() -> {
										try {
											// still the same state here: the writer waits until this thread closes it
											String again = Thread.currentThread() == openingThread ? "closed on the opening thread"
													: workload.recheck(view, ingested, rows);
											if (again != null) {
												mismatches.add(scenario + ", view of " + ingested + " inputs, on the closing thread: " + again);
											}
										}
										catch (RuntimeException | AssertionError ex) {
											mismatches.add("closing thread failed: " + ex);
										}
										finally {
											try {
												view.close();
												closedElsewhere.incrementAndGet();
											}
											catch (RuntimeException ex) {
												mismatches.add("closing on another thread failed: " + ex);
											}
											inFlight.release();
										}
									});
									handedOver = true;
								}
							}
							finally {
								if (!handedOver) {
									view.close();
									if (scenario.closeElsewhere()) {
										inFlight.release();
									}
								}
							}
							reads.release();
						}
					}
					catch (RuntimeException | AssertionError | InterruptedException ex) {
						mismatches.add("reader failed: " + ex);
					}
					return null;
				}));
			}
			Future<?> writer = threads.submit(() -> {
				assertThat(readersStarted.await(30, TimeUnit.SECONDS)).isTrue();
				try {
					boolean issued = false;
					for (int i = 0; i < workload.rows; i++) {
						index.add(workload.input(i));
						if ((i + 1) % SCENARIO_STEP == 0 && i + 1 < workload.rows) {
							// wait for the views of the last tickets, then hand out new ones and go on
							// adding while the readers open their views
							long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
							while (issued && !reads.tryAcquire(scenario.readers(), 50, TimeUnit.MILLISECONDS)) {
								if (!mismatches.isEmpty()) {
									return null;
								}
								assertThat(System.nanoTime() - deadline).as("readers make progress").isNegative();
							}
							tickets.release(scenario.readers());
							issued = true;
						}
					}
				}
				finally {
					writing.set(false);
				}
				return null;
			});
			// a writer stuck on a lock a reader failed to release cannot be interrupted: report the
			// mismatches instead of waiting for it
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
			while (!writer.isDone()) {
				assertThat(mismatches).as("mismatches while writing").isEmpty();
				assertThat(System.nanoTime() - deadline).as("the writer finishes").isNegative();
				try {
					writer.get(50, TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					// look again
				}
			}
			writer.get();
			for (Future<?> reader : readers) {
				reader.get(50, TimeUnit.SECONDS);
			}
			closer.shutdown();
			assertThat(closer.awaitTermination(30, TimeUnit.SECONDS)).as("views closed elsewhere").isTrue();

			assertThat(mismatches).isEmpty();
			assertThat(partialViews.get()).as("views taken while rows were still arriving")
				.isGreaterThanOrEqualTo((long) scenario.readers() * (workload.rows / SCENARIO_STEP - 2));
			assertThat(dimensionCounts).as("views taken before and after dimensions were discovered").hasSizeGreaterThan(2);
			if (scenario.closeElsewhere()) {
				assertThat(closedElsewhere.get()).as("every view closed by the closing thread").isEqualTo(opened.get());
			}
			try (IndexReader view = index.openReader()) {
				assertThat(view.ingestedRows()).isEqualTo(workload.rows);
				assertThat(workload.check(view)).isNull();
				assertThat(view.dimensions()).extracting(DimensionSchema::name)
					.contains("region", "shard", "score", "rare", "nullish")
					.doesNotContain("secret", "meta", "userId", "latency", "bytes", "timestamp");
				if (scenario.rollup()) {
					assertThat(view.rowCount()).as("rows rolled up").isLessThan(workload.rows * 9 / 10);
				}
			}
			// no read lock is left behind, whichever thread released it: another thread can write
			threads.submit(() -> index.add(workload.input(0))).get(10, TimeUnit.SECONDS);
			assertThat(index.ingestedRows()).isEqualTo(workload.rows + 1);
		}
		finally {
			// no assertion here: a thread stuck on a lock never released must not hide the
			// failure that left it there
			writing.set(false);
			threads.shutdownNow();
			closer.shutdownNow();
			threads.awaitTermination(5, TimeUnit.SECONDS);
			closer.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	/** How a scenario's dimensions come to be. */
	enum Dimensions {

		/** No explicit dimensions: each field becomes a string dimension when first seen, even null. */
		SCHEMALESS,
		/** {@code useSchemaDiscovery}: typed by the first non-null value, which a null does not discover. */
		TYPED,
		/** Three explicit dimensions and {@code includeAllDimensions}: the other fields become strings. */
		EXPLICIT_AND_DISCOVERED

	}

	/**
	 * @param users how many user ids there are: up to 300 keeps HLL sketches in their near-exact
	 * coupon modes, thousands take them to HLL mode
	 * @param closeElsewhere each view is checked again and closed by another thread than the one
	 * that opened it, with two views of a reader open at a time
	 */
	record Scenario(long seed, Dimensions dimensions, boolean rollup, int readers, int users, boolean closeElsewhere) {

		@Override
		public String toString() {
			return "seed " + this.seed + ", " + this.dimensions + ", rollup " + (this.rollup ? "on" : "off") + ", "
					+ this.readers + " readers, " + this.users + " users"
					+ (this.closeElsewhere ? ", views closed on another thread" : "");
		}

	}

	/**
	 * The inputs of one scenario and, for every prefix of them, what a view of that prefix holds:
	 * computed here without the index, from the fields as written.
	 */
	private static final class Workload {

		private static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();

		private static final long SPAN = 20 * 60_000;

		private static final int COUNT = 0;

		private static final int LATENCY_SUM = 1;

		private static final int LATENCY_MAX = 2;

		private static final int BYTES_SUM = 3;

		private static final int USERS = 4;

		private static final int LG_K = HllSketchAggregatorSpec.DEFAULT_LG_K;

		/** Below this many distinct items a sketch of {@link #LG_K} is in LIST or SET mode (near exact). */
		private static final int COUPON_MODE_LIMIT = 380;

		private static final int SNAPSHOT_EVERY = 1_024;

		private static final Object ABSENT = new Object();

		final int rows;

		final DataSchema schema;

		private final boolean rollup;

		private final Granularity granularity;

		private final long[] timestamps;

		private final List<Map<String, Object>> fields = new ArrayList<>();

		private final List<DimensionSchema> explicit;

		/** Every discovered dimension in discovery order, and the input that discovers it. */
		private final List<DimensionSchema> discovered = new ArrayList<>();

		private final List<Integer> discoveredAt = new ArrayList<>();

		/** Prefix aggregates: index n is the value after the first n inputs. */
		private final long[] latencySum;

		private final long[] latencyMax;

		private final double[] bytesSum;

		private final int[] distinctUsers;

		private final int[] distinctKeys;

		/** Each multi-value value as a view decodes it, and the first input that gives it. */
		private final Map<Object, Integer> tagsFirstSeen = new HashMap<>();

		/** Each rollup key (time, then every dimension's value) and the first input that gives it. */
		private final Map<List<Object>, Integer> keysFirstSeen = new HashMap<>();

		/** The reference HLL sketch of the users of the first {@code k * SNAPSHOT_EVERY} inputs. */
		private final HllSketch[] snapshots;

		Workload(Scenario scenario, int rows) {
			this.rows = rows;
			this.rollup = scenario.rollup();
			this.granularity = scenario.rollup() ? Granularity.named("minute") : Granularity.none();
			this.explicit = scenario.dimensions() == Dimensions.EXPLICIT_AND_DISCOVERED
					? List.of(DimensionSchema.string("account"), DimensionSchema.string("tags"),
							DimensionSchema.of("shard", ColumnType.LONG))
					: List.of();
			List<AggregatorSpec> metrics = List.of(new CountAggregatorSpec("count"),
					new NumericAggregatorSpec(NumericAggregation.LONG_SUM, "latencySum", "latency"),
					new NumericAggregatorSpec(NumericAggregation.LONG_MAX, "latencyMax", "latency"),
					new NumericAggregatorSpec(NumericAggregation.DOUBLE_SUM, "bytesSum", "bytes"),
					new HllSketchAggregatorSpec("users", "userId", LG_K, "HLL_4", false, false));
			this.schema = new DataSchema("concurrency", TimestampSpec.of("timestamp", TimestampFormat.AUTO),
					new DimensionsSpec(this.explicit, List.of("secret"), scenario.dimensions() == Dimensions.TYPED,
							scenario.dimensions() == Dimensions.EXPLICIT_AND_DISCOVERED),
					metrics, new GranularitySpec(Granularity.named("day"), this.granularity, scenario.rollup(), List.of()));

			SplittableRandom random = new SplittableRandom(scenario.seed());
			int rareAt = rows / 2 + random.nextInt(rows / 4);
			this.timestamps = new long[rows];
			for (int i = 0; i < rows; i++) {
				this.timestamps[i] = START + i * SPAN / rows + random.nextInt(20_000);
				this.fields.add(fields(random, i, rows, rareAt, scenario.users()));
			}

			Set<String> excluded = Set.of("timestamp", "__time", "secret", "latency", "bytes", "userId", "count",
					"latencySum", "latencyMax", "bytesSum", "users");
			Set<String> known = new HashSet<>();
			this.explicit.forEach(dimension -> known.add(dimension.name()));
			this.latencySum = new long[rows + 1];
			this.latencyMax = new long[rows + 1];
			this.latencyMax[0] = Long.MIN_VALUE;
			this.bytesSum = new double[rows + 1];
			this.distinctUsers = new int[rows + 1];
			this.snapshots = new HllSketch[rows / SNAPSHOT_EVERY + 1];
			HllSketch users = newSketch();
			this.snapshots[0] = users.copy();
			Set<String> exactUsers = new HashSet<>();
			for (int i = 0; i < rows; i++) {
				Map<String, Object> input = this.fields.get(i);
				for (Map.Entry<String, Object> field : input.entrySet()) {
					String name = field.getKey();
					Object value = field.getValue();
					if (known.contains(name) || excluded.contains(name) || value instanceof Map<?, ?>) {
						continue;
					}
					ColumnType type = ColumnType.STRING;
					if (scenario.dimensions() == Dimensions.TYPED) {
						if (value == null) {
							continue;
						}
						type = value instanceof Long ? ColumnType.LONG
								: value instanceof Double ? ColumnType.DOUBLE : ColumnType.STRING;
					}
					known.add(name);
					this.discovered.add(DimensionSchema.of(name, type));
					this.discoveredAt.add(i);
				}
				Long latency = latency(input);
				this.latencySum[i + 1] = this.latencySum[i] + (latency == null ? 0 : latency);
				this.latencyMax[i + 1] = latency == null ? this.latencyMax[i] : Math.max(this.latencyMax[i], latency);
				Double bytes = (Double) input.get("bytes");
				this.bytesSum[i + 1] = this.bytesSum[i] + (bytes == null ? 0 : bytes);
				for (String user : users(input)) {
					exactUsers.add(user);
					users.update(user.toCharArray());
				}
				this.distinctUsers[i + 1] = exactUsers.size();
				if ((i + 1) % SNAPSHOT_EVERY == 0) {
					this.snapshots[(i + 1) / SNAPSHOT_EVERY] = users.copy();
				}
			}
			// Keys with every dimension discovered by the end: a dimension is null in the inputs
			// before the one that discovers it, and in the rows they made.
			List<DimensionSchema> all = expectedDimensions(rows);
			this.distinctKeys = new int[rows + 1];
			for (int i = 0; i < rows; i++) {
				Map<String, Object> input = this.fields.get(i);
				if (all.stream().anyMatch(dimension -> dimension.name().equals("tags"))) {
					this.tagsFirstSeen.putIfAbsent(asDimension(input.get("tags"), ColumnType.STRING), i);
				}
				List<Object> key = new ArrayList<>();
				key.add(this.granularity.bucketStart(this.timestamps[i]));
				for (DimensionSchema dimension : all) {
					key.add(asDimension(input.get(dimension.name()), dimension.type()));
				}
				this.keysFirstSeen.putIfAbsent(key, i);
				this.distinctKeys[i + 1] = this.keysFirstSeen.size();
			}
		}

		private static Map<String, Object> fields(SplittableRandom random, int i, int rows, int rareAt, int users) {
			Map<String, Object> fields = new LinkedHashMap<>();
			int p = random.nextInt(100);
			if (p >= 7) {
				fields.put("account", "acct-" + random.nextInt(5));
			}
			else if (p >= 4) {
				fields.put("account", null);
			}
			Object tags = tags(random);
			if (tags != ABSENT) {
				fields.put("tags", tags);
			}
			p = random.nextInt(100);
			if (p >= 12) {
				fields.put("userId", "u" + random.nextInt(users));
			}
			else if (p >= 7) {
				fields.put("userId", List.of("u" + random.nextInt(users), "u" + random.nextInt(users)));
			}
			else if (p >= 5) {
				fields.put("userId", List.of());
			}
			p = random.nextInt(100);
			long latency = random.nextInt(10_000);
			if (p >= 15) {
				fields.put("latency", latency);
			}
			else if (p >= 12) {
				fields.put("latency", Long.toString(latency));
			}
			else if (p >= 10) {
				fields.put("latency", "");
			}
			if (random.nextInt(100) >= 5) {
				// quarters add up exactly in any order
				fields.put("bytes", random.nextInt(1 << 20) / 4.0);
			}
			fields.put("secret", "s" + random.nextInt(1_000));
			if (random.nextInt(10) == 0) {
				fields.put("meta", Map.of("source", "web"));
			}
			if (i >= rows / 4 && random.nextInt(10) < 4) {
				fields.put("region", "r" + random.nextInt(3));
			}
			if (i == rows / 3) {
				fields.put("nullish", null);
			}
			else if (i >= 2 * rows / 3 && random.nextInt(5) == 0) {
				fields.put("nullish", "n" + random.nextInt(3));
			}
			if (i >= rows / 2 && random.nextBoolean()) {
				fields.put("shard", (long) random.nextInt(3));
			}
			if (i >= 3 * rows / 4 && random.nextBoolean()) {
				fields.put("score", random.nextInt(4) / 4.0);
			}
			if (i == rareAt) {
				fields.put("rare", "x");
			}
			return fields;
		}

		/** Absent, null, empty, a list of nulls, a single value alone or in a list, or a few values with repeats and nulls. */
		private static Object tags(SplittableRandom random) {
			int p = random.nextInt(100);
			if (p < 10) {
				return ABSENT;
			}
			if (p < 15) {
				return null;
			}
			if (p < 20) {
				return List.of();
			}
			if (p < 23) {
				return Arrays.asList(null, null);
			}
			if (p < 45) {
				return "t" + random.nextInt(6);
			}
			if (p < 55) {
				return List.of("t" + random.nextInt(6));
			}
			List<String> tags = new ArrayList<>();
			for (int i = 2 + random.nextInt(2); i > 0; i--) {
				tags.add(random.nextInt(10) == 0 ? null : "t" + random.nextInt(6));
			}
			return tags;
		}

		private static Long latency(Map<String, Object> input) {
			return switch (input.get("latency")) {
				case null -> null;
				case Long value -> value;
				case String text -> text.isEmpty() ? null : Long.parseLong(text);
				default -> throw new IllegalStateException();
			};
		}

		private static List<String> users(Map<String, Object> input) {
			return switch (input.get("userId")) {
				case null -> List.of();
				case String user -> List.of(user);
				case List<?> list -> list.stream().map(String.class::cast).toList();
				default -> throw new IllegalStateException();
			};
		}

		/** A value as a view decodes it: strings for a string dimension, a list sorted with nulls dropped. */
		private static Object asDimension(Object value, ColumnType type) {
			if (value == null || type != ColumnType.STRING) {
				return value;
			}
			if (value instanceof List<?> list) {
				List<String> values = new ArrayList<>();
				for (Object element : list) {
					if (element != null) {
						values.add(element.toString());
					}
				}
				Collections.sort(values);
				return values.isEmpty() ? null : values.size() == 1 ? values.getFirst() : values;
			}
			return value.toString();
		}

		private static HllSketch newSketch() {
			return new HllSketch(LG_K, TgtHllType.HLL_4);
		}

		InputRow input(int i) {
			return new InputRow(this.timestamps[i], this.fields.get(i));
		}

		List<DimensionSchema> expectedDimensions(long ingested) {
			List<DimensionSchema> dimensions = new ArrayList<>(this.explicit);
			for (int d = 0; d < this.discovered.size() && this.discoveredAt.get(d) < ingested; d++) {
				dimensions.add(this.discovered.get(d));
			}
			return dimensions;
		}

		/** The reference sketch of the users of the first {@code n} inputs, fed in input order. */
		private HllSketch reference(int n) {
			HllSketch sketch = this.snapshots[n / SNAPSHOT_EVERY].copy();
			for (int i = n / SNAPSHOT_EVERY * SNAPSHOT_EVERY; i < n; i++) {
				for (String user : users(this.fields.get(i))) {
					sketch.update(user.toCharArray());
				}
			}
			return sketch;
		}

		/** @return what the view holds that the first {@code ingestedRows()} inputs do not give, or null */
		String check(IndexReader view) {
			long ingested = view.ingestedRows();
			if (ingested < 0 || ingested > this.rows) {
				return "ingestedRows " + ingested;
			}
			int n = (int) ingested;
			List<DimensionSchema> dimensions = view.dimensions();
			if (!dimensions.equals(expectedDimensions(n))) {
				return "dimensions " + dimensions + " instead of " + expectedDimensions(n);
			}
			int rowCount = view.rowCount();
			if (rowCount != (this.rollup ? this.distinctKeys[n] : n)) {
				return rowCount + " rows instead of " + (this.rollup ? this.distinctKeys[n] : n);
			}
			List<DimensionSchema> all = expectedDimensions(this.rows);
			int tags = -1;
			for (int d = 0; d < dimensions.size(); d++) {
				tags = dimensions.get(d).name().equals("tags") ? d : tags;
			}
			long count = 0;
			long latencySum = 0;
			long latencyMax = Long.MIN_VALUE;
			double bytesSum = 0;
			HllUnion users = new HllUnion(LG_K);
			Set<List<Object>> keys = new HashSet<>();
			for (int row = 0; row < rowCount; row++) {
				count += view.metricLong(row, COUNT);
				if (view.isMetricNull(row, LATENCY_SUM) != view.isMetricNull(row, LATENCY_MAX)) {
					return "row " + row + ": latencySum and latencyMax disagree on null";
				}
				if (!view.isMetricNull(row, LATENCY_SUM)) {
					latencySum += view.metricLong(row, LATENCY_SUM);
					latencyMax = Math.max(latencyMax, view.metricLong(row, LATENCY_MAX));
				}
				if (!view.isMetricNull(row, BYTES_SUM)) {
					bytesSum += view.metricDouble(row, BYTES_SUM);
				}
				users.update((HllSketch) view.metricSketch(row, USERS));
				if (tags >= 0) {
					Object value = view.dimensionValue(row, tags);
					Integer first = this.tagsFirstSeen.get(value);
					if (first == null || first >= n) {
						return "row " + row + " has tags " + value + ", which none of the inputs gives";
					}
				}
				if (this.rollup) {
					List<Object> key = new ArrayList<>();
					key.add(view.time(row));
					for (DimensionSchema dimension : all) {
						int d = dimensions.indexOf(dimension);
						key.add(d < 0 ? null : view.dimensionValue(row, d));
					}
					Integer first = this.keysFirstSeen.get(key);
					if (first == null || first >= n || !keys.add(key)) {
						return "row " + row + " has key " + key + ", which is "
								+ (first == null || first >= n ? "not one of the inputs'" : "another row's too");
					}
				}
				else {
					String mismatch = checkInput(view, row, dimensions);
					if (mismatch != null) {
						return mismatch;
					}
				}
			}
			if (count != n) {
				return "count " + count;
			}
			if (latencySum != this.latencySum[n] || latencyMax != this.latencyMax[n]) {
				return "latencySum " + latencySum + " and latencyMax " + latencyMax + " instead of " + this.latencySum[n]
						+ " and " + this.latencyMax[n];
			}
			if (bytesSum != this.bytesSum[n]) {
				return "bytesSum " + bytesSum + " instead of " + this.bytesSum[n];
			}
			double estimate = users.getCompositeEstimate();
			double expected = reference(n).getCompositeEstimate();
			if (estimate != expected) {
				return "users " + estimate + " instead of " + expected + " (the sketch of the first inputs' users)";
			}
			int exact = this.distinctUsers[n];
			if (exact < COUPON_MODE_LIMIT && Math.abs(users.getEstimate() - exact) > 0.02 * exact) {
				return "users " + users.getEstimate() + " for " + exact + " distinct";
			}
			return null;
		}

		/** Without rollup, row {@code i} is input {@code i}, value by value. */
		private String checkInput(IndexReader view, int i, List<DimensionSchema> dimensions) {
			Map<String, Object> input = this.fields.get(i);
			if (view.time(i) != this.timestamps[i]) {
				return "row " + i + " time " + view.time(i);
			}
			for (int d = 0; d < dimensions.size(); d++) {
				DimensionSchema dimension = dimensions.get(d);
				Object expected = asDimension(input.get(dimension.name()), dimension.type());
				if (!Objects.equals(view.dimensionValue(i, d), expected)) {
					return "row " + i + " " + dimension.name() + " " + view.dimensionValue(i, d) + " instead of " + expected;
				}
			}
			Long latency = latency(input);
			Double bytes = (Double) input.get("bytes");
			long users = users(input).stream().distinct().count();
			if (view.metricLong(i, COUNT) != 1 || view.isMetricNull(i, LATENCY_SUM) != (latency == null)
					|| latency != null && (view.metricLong(i, LATENCY_SUM) != latency || view.metricLong(i, LATENCY_MAX) != latency)
					|| view.isMetricNull(i, BYTES_SUM) != (bytes == null)
					|| bytes != null && view.metricDouble(i, BYTES_SUM) != bytes
					|| Math.abs(((HllSketch) view.metricSketch(i, USERS)).getEstimate() - users) > 1e-3) {
				return "row " + i + " metrics differ from input " + input;
			}
			return null;
		}

		/** On the closing thread: the view still shows the same prefix. */
		String recheck(IndexReader view, long ingested, int rows) {
			if (view.ingestedRows() != ingested || view.rowCount() != rows) {
				return "now " + view.ingestedRows() + " inputs and " + view.rowCount() + " rows, was " + rows + " rows";
			}
			if (!view.dimensions().equals(expectedDimensions(ingested))) {
				return "dimensions " + view.dimensions();
			}
			long count = 0;
			for (int row = 0; row < rows; row++) {
				count += view.metricLong(row, COUNT);
			}
			return count == ingested ? null : "count " + count;
		}

	}

}
