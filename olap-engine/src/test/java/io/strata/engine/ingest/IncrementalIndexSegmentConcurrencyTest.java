package io.strata.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.input.InputRow;
import io.strata.engine.query.exec.QueryRunner;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One thread keeps adding rows (rolling up into existing rows) while others query snapshots.
 * Every answer must count exactly the rows the snapshot says it holds, and sum exactly their
 * latencies: a snapshot torn between two adds, or half-way through a rollup, would not.
 */
class IncrementalIndexSegmentConcurrencyTest {

	private static final int ROWS = 30_000;

	private static final int READERS = 3;

	@Test
	void everySnapshotAnswersForExactlyTheRowsItHolds() throws Exception {
		List<InputRow> rows = IncrementalIndexSegmentTest.generate(new SplittableRandom(21), ROWS);
		long[] latencyPrefix = new long[ROWS + 1];
		int firstLatencyRow = ROWS;
		for (int i = 0; i < ROWS; i++) {
			Object latency = rows.get(i).get("latencyMs");
			if (latency != null && firstLatencyRow == ROWS) {
				firstLatencyRow = i;
			}
			latencyPrefix[i + 1] = latencyPrefix[i] + (latency == null ? 0 : (Long) latency);
		}
		IncrementalIndex index = new IncrementalIndex(IncrementalIndexSegmentTest.schema(true, false),
				IncrementalIndexSegmentTest.DAY, List.of());
		// snapshots of this many rows or fewer have only null latencies
		int nullLatencyRows = firstLatencyRow;
		AtomicBoolean writing = new AtomicBoolean(true);
		CountDownLatch sawPartial = new CountDownLatch(1);
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		Queue<Long> observed = new ConcurrentLinkedQueue<>();
		JsonMapper json = JsonMapper.builder().build();
		QueryRunner runner = new QueryRunner();
		String query = IncrementalIndexSegmentTest.totalQuery();

		Runnable reader = () -> {
			long previous = -1;
			boolean last = false;
			while (!last) {
				// one more round after the writer is done, so the final state is checked too
				last = !writing.get();
				IncrementalIndexSegment snapshot = index.snapshotSegment(IncrementalIndexSegmentTest.ID);
				long ingested = snapshot.ingestedRows();
				observed.add(ingested);
				if (ingested < previous) {
					failures.add("snapshot went back from " + previous + " to " + ingested);
				}
				previous = ingested;
				if (snapshot.numRows() > ingested) {
					failures.add(snapshot.numRows() + " rows from " + ingested + " inputs");
				}
				JsonNode result = json.readTree(runner.run(query, List.of(snapshot)));
				JsonNode countNode = result.isEmpty() ? null : result.get(0).get("result").get("rows");
				// an empty index sums to null
				long count = countNode == null || countNode.isNull() ? 0 : countNode.longValue();
				JsonNode latencyNode = result.isEmpty() ? null : result.get(0).get("result").get("latency");
				// a sum over no non-null latency is null, as in Druid
				long latency = latencyNode == null || latencyNode.isNull() ? 0 : latencyNode.longValue();
				boolean latencyNull = latencyNode != null && latencyNode.isNull();
				if (count != ingested || latency != latencyPrefix[(int) ingested]
						|| (!result.isEmpty() && latencyNull != (ingested <= nullLatencyRows))) {
					failures.add("snapshot of " + ingested + " rows answered count " + count + ", latency " + latency
							+ " instead of " + latencyPrefix[(int) ingested]);
				}
				if (ingested > 0 && ingested < ROWS) {
					sawPartial.countDown();
				}
			}
		};
		Runnable guarded = () -> {
			try {
				reader.run();
			}
			catch (RuntimeException | AssertionError ex) {
				failures.add(Thread.currentThread().getName() + " failed: " + ex);
			}
		};
		Thread[] threads = new Thread[READERS];
		for (int t = 0; t < READERS; t++) {
			threads[t] = Thread.ofPlatform().name("reader-" + t).start(guarded);
		}
		try {
			for (int i = 0; i < ROWS; i++) {
				index.add(rows.get(i));
				if (i == ROWS / 2) {
					// make sure some query sees the index half-written, however the threads are scheduled
					assertThat(sawPartial.await(30, TimeUnit.SECONDS)).isTrue();
				}
			}
		}
		finally {
			writing.set(false);
		}
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(thread.isAlive()).as(thread.getName()).isFalse();
		}
		assertThat(failures).isEmpty();
		assertThat(observed).contains((long) ROWS);
		assertThat(observed.stream().filter(count -> count > 0 && count < ROWS).count()).isPositive();
	}

}
