package io.strata.node.broker.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

class QuerySchedulerTest {

	private static final String TOTAL_FULL_OF_2 = "Too many concurrent queries, total query capacity of 2 exceeded. Please try your query again later.";

	private static Map<String, Integer> lanes(Object... nameAndLimit) {
		Map<String, Integer> lanes = new LinkedHashMap<>();
		for (int i = 0; i < nameAndLimit.length; i += 2) {
			lanes.put((String) nameAndLimit[i], (Integer) nameAndLimit[i + 1]);
		}
		return lanes;
	}

	private static void assertCapacityError(Throwable thrown, String message) {
		assertThat(thrown).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.QUERY_CAPACITY_EXCEEDED);
			assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.CAPACITY);
			assertThat(ex.errorCode().httpStatus()).isEqualTo(429);
			assertThat(ex).hasMessage(message);
		});
	}

	@Test
	void totalFullIsRefusedWithDruidsMessage() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.none(2));
		Permit first = scheduler.admit(null, 0);
		Permit second = scheduler.admit(null, 0);
		Throwable thrown = catchThrowable(() -> scheduler.admit(null, 0));
		assertCapacityError(thrown, TOTAL_FULL_OF_2);
		assertThat(scheduler.stats().total()).isEqualTo(new LaneStats("total", 2, 2, 1));
		first.close();
		second.close();
	}

	@Test
	void laneFullIsRefusedWithDruidsMessageWhileOtherQueriesRun() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.manual(10, lanes("reporting", 1), false));
		Permit reporting = scheduler.admit("reporting", 0);
		assertThat(reporting.lane()).hasValue("reporting");
		assertCapacityError(catchThrowable(() -> scheduler.admit("reporting", 0)),
				"Too many concurrent queries for lane 'reporting', query capacity of 1 exceeded. Please try your query again later.");
		Permit unlaned = scheduler.admit(null, 0);
		assertThat(unlaned.lane()).isEmpty();
		SchedulerStats stats = scheduler.stats();
		assertThat(stats.lanes()).containsExactly(new LaneStats("reporting", 1, 1, 1));
		assertThat(stats.total()).isEqualTo(new LaneStats("total", 10, 2, 0));
	}

	@Test
	void totalFullReleasesTheLaneSlotItTook() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.manual(1, lanes("a", 1), false));
		Permit unlaned = scheduler.admit(null, 0);
		assertCapacityError(catchThrowable(() -> scheduler.admit("a", 0)),
				"Too many concurrent queries, total query capacity of 1 exceeded. Please try your query again later.");
		assertThat(scheduler.stats().lanes()).containsExactly(new LaneStats("a", 1, 0, 0));
		unlaned.close();
		assertThat(scheduler.admit("a", 0).lane()).hasValue("a");
	}

	@Test
	void percentLimitsRoundUpAndAdmitAtLeastOne() {
		LaneSpec spec = LaneSpec.manual(10, lanes("b", 25, "a", 1, "c", 100), true);
		assertThat(spec.laneLimits()).containsExactly(Map.entry("a", 1), Map.entry("b", 3), Map.entry("c", 10));
		assertThat(LaneSpec.hilo(3, 10).laneLimits()).containsExactly(Map.entry("low", 1));
		assertThat(LaneSpec.hilo(Integer.MAX_VALUE, 100).laneLimits()).containsExactly(Map.entry("low", Integer.MAX_VALUE));
		assertThat(LaneSpec.manual(4, lanes("big", 50), false).laneLimits()).containsExactly(Map.entry("big", 50));
		assertThat(LaneSpec.none(4).laneLimits()).isEmpty();
	}

	@Test
	void hiloPutsNegativePriorityInTheLowLane() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.hilo(10, 20));
		Permit low1 = scheduler.admit(null, -1);
		Permit low2 = scheduler.admit(null, -5);
		assertThat(low1.lane()).hasValue("low");
		assertCapacityError(catchThrowable(() -> scheduler.admit(null, -1)),
				"Too many concurrent queries for lane 'low', query capacity of 2 exceeded. Please try your query again later.");
		// priority 0 and up, or a lane given by the query, stay out of the low lane's count
		Permit normal = scheduler.admit(null, 0);
		assertThat(normal.lane()).isEmpty();
		assertCapacityError(catchThrowable(() -> scheduler.admit("low", 5)),
				"Too many concurrent queries for lane 'low', query capacity of 2 exceeded. Please try your query again later.");
		low1.close();
		assertThat(scheduler.admit(null, -1).lane()).hasValue("low");
		assertThat(scheduler.stats().lanes()).containsExactly(new LaneStats("low", 2, 2, 2));
		low2.close();
		normal.close();
	}

	@Test
	void anUnknownLaneIsInvalidInputUnlessTheStrategyHasNoLanes() {
		QueryScheduler manual = new QueryScheduler(LaneSpec.manual(5, lanes("a", 1), false));
		assertThatThrownBy(() -> manual.admit("b", 0)).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
			assertThat(ex).hasMessage("Query context lane[b] is not a configured lane; configured lanes are [a]");
		});
		assertThatThrownBy(() -> new QueryScheduler(LaneSpec.hilo(5, 50)).admit("a", -1))
			.isInstanceOf(StrataException.class);
		QueryScheduler none = new QueryScheduler(LaneSpec.none(5));
		assertThat(none.admit("anything", -3).lane()).isEmpty();
		assertThat(manual.stats().total().running()).isZero();
	}

	@Test
	void closingReleasesOnceAndMakesRoom() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.manual(2, lanes("a", 1), false));
		Permit first = scheduler.admit("a", 0);
		Permit second = scheduler.admit(null, 0);
		first.close();
		first.close(); // a second close must not free a slot it does not hold
		assertThat(scheduler.stats().total().running()).isEqualTo(1);
		assertThat(scheduler.stats().lanes()).containsExactly(new LaneStats("a", 1, 0, 0));
		Permit third = scheduler.admit("a", 0);
		assertThatThrownBy(() -> scheduler.admit(null, 0)).isInstanceOf(StrataException.class);
		try (second; third) {
			assertThat(scheduler.stats().total().running()).isEqualTo(2);
		}
		assertThat(scheduler.stats().total().running()).isZero();
		assertThat(scheduler.stats().lanes()).containsExactly(new LaneStats("a", 1, 0, 0));
	}

	@Test
	void resolvesPriorityAndLaneFromTheContext() {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.none(1));
		assertThat(scheduler.resolvePriority(Map.of())).isZero();
		assertThat(scheduler.resolvePriority(Map.of("priority", 7))).isEqualTo(7);
		assertThat(scheduler.resolvePriority(Map.of("priority", -3L))).isEqualTo(-3);
		assertThat(scheduler.resolvePriority(Map.of("priority", " -10 "))).isEqualTo(-10);
		assertThat(scheduler.resolvePriority(Map.of("priority", 5.0))).isEqualTo(5);
		for (Object bad : new Object[] { "high", 1.5, 1L << 40, true }) {
			assertThatThrownBy(() -> scheduler.resolvePriority(Map.of("priority", bad)))
				.isInstanceOfSatisfying(StrataException.class, ex -> {
					assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
					assertThat(ex).hasMessage("Query context[priority] must be an integer, got[" + bad + "]");
				});
		}
		assertThat(scheduler.resolveLane(Map.of())).isEmpty();
		assertThat(scheduler.resolveLane(Map.of("lane", "reporting"))).hasValue("reporting");
		assertThatThrownBy(() -> scheduler.resolveLane(Map.of("lane", 3))).isInstanceOf(StrataException.class);
	}

	@Test
	void specsAreValidated() {
		assertInvalidSpec(() -> LaneSpec.none(0), "Query scheduler numThreads[0] must be at least 1");
		assertInvalidSpec(() -> LaneSpec.hilo(10, 0), "Laning maxLowPercent[0] must be in the range 1 to 100");
		assertInvalidSpec(() -> LaneSpec.hilo(10, 101), "Laning maxLowPercent[101] must be in the range 1 to 100");
		assertInvalidSpec(() -> LaneSpec.manual(10, Map.of(), false),
				"Laning strategy[manual] must define at least one lane");
		assertInvalidSpec(() -> LaneSpec.manual(10, lanes("total", 1), false), "Lane[total] is a reserved name");
		assertInvalidSpec(() -> LaneSpec.manual(10, lanes("default", 1), false), "Lane[default] is a reserved name");
		assertInvalidSpec(() -> LaneSpec.manual(10, lanes("a", 0), false), "Lane[a] limit[0] must be greater than 0");
		assertInvalidSpec(() -> LaneSpec.manual(10, lanes("a", 120), true),
				"Lane[a] limit[120] must be in the range 1 to 100");
	}

	private static void assertInvalidSpec(ThrowingCallable spec, String message) {
		assertThatThrownBy(spec).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC);
			assertThat(ex).hasMessage(message);
		});
	}

	@Test
	void concurrentAdmitsNeverExceedALimit() throws Exception {
		QueryScheduler scheduler = new QueryScheduler(LaneSpec.manual(6, lanes("a", 2, "b", 3), false));
		Map<String, AtomicInteger> running = Map.of("a", new AtomicInteger(), "b", new AtomicInteger(), "total",
				new AtomicInteger());
		Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();
		for (String name : new String[] { "a", "b", "total", "counted" }) {
			peak.put(name, new AtomicInteger());
		}
		peak.put("counted-a", new AtomicInteger(Integer.MIN_VALUE));
		peak.put("counted-b", new AtomicInteger(Integer.MIN_VALUE));
		AtomicInteger admitted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long seed = t;
				workers.add(pool.submit(() -> {
					Random random = new Random(seed);
					start.await();
					String[] choices = { "a", "b", null };
					for (int i = 0; i < 5_000; i++) {
						String lane = choices[random.nextInt(choices.length)];
						Permit permit;
						try {
							permit = scheduler.admit(lane, 0);
						}
						catch (StrataException ex) {
							assertThat(ex.errorCode()).isEqualTo(ErrorCode.QUERY_CAPACITY_EXCEEDED);
							refused.incrementAndGet();
							continue;
						}
						try (permit) {
							admitted.incrementAndGet();
							enter(running, peak, "total");
							if (lane != null) {
								enter(running, peak, lane);
							}
							// hold the slot across a few reschedules so that admissions overlap
							for (int spin = 0; spin < 3; spin++) {
								Thread.yield();
							}
							SchedulerStats now = scheduler.stats();
							observe(peak, "counted", now.total().running());
							for (LaneStats counted : now.lanes()) {
								observe(peak, "counted-" + counted.lane(), counted.running() - counted.limit());
							}
							if (lane != null) {
								running.get(lane).decrementAndGet();
							}
							running.get("total").decrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(peak.get("a").get()).isBetween(1, 2);
		assertThat(peak.get("b").get()).isBetween(1, 3);
		assertThat(peak.get("total").get()).isBetween(1, 6);
		// the scheduler's own counts, read while holding a slot
		assertThat(peak.get("counted").get()).isBetween(1, 6);
		assertThat(peak.get("counted-a").get()).as("lane a running minus limit").isLessThanOrEqualTo(0);
		assertThat(peak.get("counted-b").get()).as("lane b running minus limit").isLessThanOrEqualTo(0);
		assertThat(admitted.get() + refused.get()).isEqualTo(16 * 5_000);
		SchedulerStats stats = scheduler.stats();
		assertThat(stats.total().running()).isZero();
		assertThat(stats.lanes()).allSatisfy(lane -> assertThat(lane.running()).isZero());
		long rejected = stats.total().rejected();
		for (LaneStats lane : stats.lanes()) {
			rejected += lane.rejected();
		}
		assertThat(rejected).isEqualTo(refused.get());
	}

	private static void enter(Map<String, AtomicInteger> running, Map<String, AtomicInteger> peak, String name) {
		int now = running.get(name).incrementAndGet();
		peak.get(name).accumulateAndGet(now, Math::max);
	}

	/** Records a value the scheduler itself reported, to check its own counts against its limits. */
	private static void observe(Map<String, AtomicInteger> peak, String name, int value) {
		peak.get(name).accumulateAndGet(value, Math::max);
	}

}
