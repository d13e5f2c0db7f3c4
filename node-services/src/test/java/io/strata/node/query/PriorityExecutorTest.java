package io.strata.node.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

class PriorityExecutorTest {

	/** Occupies the only thread until {@code release} opens, so later submissions queue up. */
	private static Future<String> blockThread(PriorityExecutor executor, CountDownLatch started,
			CountDownLatch release) {
		return executor.submit(Integer.MIN_VALUE, () -> {
			started.countDown();
			assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
			return "blocker";
		});
	}

	@Test
	void higherPriorityRunsBeforeEarlierQueuedWorkAndTiesRunInSubmissionOrder() throws Exception {
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		try (PriorityExecutor executor = new PriorityExecutor(1, "test-priority-")) {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<String> blocker = blockThread(executor, started, release);
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			List<Future<String>> futures = new ArrayList<>();
			for (String name : new String[] { "low-1", "low-2", "low-3" }) {
				futures.add(executor.submit(0, () -> record(order, name)));
			}
			futures.add(executor.submit(-5, () -> record(order, "lowest")));
			futures.add(executor.submit(10, () -> record(order, "high-1")));
			futures.add(executor.submit(10, () -> record(order, "high-2")));
			futures.add(executor.submit(3, () -> record(order, "middle")));
			assertThat(executor.queued()).isEqualTo(7);
			release.countDown();
			assertThat(blocker.get(30, TimeUnit.SECONDS)).isEqualTo("blocker");
			for (Future<String> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		assertThat(order).containsExactly("high-1", "high-2", "middle", "low-1", "low-2", "low-3", "lowest");
	}

	@Test
	void resultsAndFailuresReachTheFuture() throws Exception {
		try (PriorityExecutor executor = new PriorityExecutor(2)) {
			assertThat(executor.submit(0, () -> 41 + 1).get(30, TimeUnit.SECONDS)).isEqualTo(42);
			Future<Object> failing = executor.submit(0, () -> {
				throw new IllegalStateException("boom");
			});
			assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasRootCauseMessage("boom");
		}
	}

	@Test
	void shutdownNowCancelsQueuedWorkAndLaterSubmitsFail() throws Exception {
		PriorityExecutor executor = new PriorityExecutor(1);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<String> blocker = blockThread(executor, started, release);
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		Future<String> queued = executor.submit(1, () -> "never");
		assertThat(executor.shutdownNow()).isEqualTo(1);
		assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
		// the blocker was interrupted out of its wait
		assertThatThrownBy(() -> blocker.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(executor.isShutdown()).isTrue();
		assertThatThrownBy(() -> executor.submit(0, () -> "late")).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ILLEGAL_STATE));
	}

	@Test
	void rejectsFewerThanOneThread() {
		assertThatThrownBy(() -> new PriorityExecutor(0)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex).hasMessage("Processing threads[0] must be at least 1"));
	}

	private static String record(List<String> order, String name) {
		order.add(name);
		return name;
	}

}
