package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.aggregation.CountAggregatorSpec;
import io.strata.engine.aggregation.NumericAggregation;
import io.strata.engine.aggregation.NumericAggregatorSpec;
import io.strata.engine.type.ColumnType;
import io.strata.engine.testing.UsageRow;
import io.strata.engine.testing.UsageRows;
import io.strata.engine.time.Granularity;
import io.strata.sample.UsageDataConfig;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One writer adds rows that roll up in place while two readers keep opening views: every view
 * must be exactly the first {@code ingestedRows()} inputs, never a row half-aggregated.
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

}
