package io.strata.node.broker.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;

class ResultCacheTest {

	/** Keys of weight 10 ("seg-N" + "query" for single-digit N). */
	private static CacheKey key(int n) {
		return new CacheKey("seg-" + n, "query");
	}

	private static byte[] value(int size, int fill) {
		byte[] value = new byte[size];
		Arrays.fill(value, (byte) fill);
		return value;
	}

	@Test
	void evictsLeastRecentlyUsedFirst() {
		// each entry weighs 10 (key) + 90 (value) = 100: ten fill the bound, the most one entry may weigh
		ResultCache cache = new ResultCache(1000);
		for (int n = 0; n < 10; n++) {
			cache.put(key(n), value(90, n));
		}
		assertThat(cache.stats().entries()).isEqualTo(10);
		assertThat(cache.get(key(0))).isPresent(); // 0 becomes the most recently used
		cache.put(new CacheKey("seg-10", "query"), value(89, 10)); // weight 100: evicts 1, the least recently used
		assertThat(cache.get(key(1))).isEmpty();
		assertThat(cache.get(key(0))).isPresent();
		cache.put(new CacheKey("seg-11", "query"), value(89, 11)); // weight 100: evicts 2
		assertThat(cache.get(key(2))).isEmpty();
		for (int n = 3; n <= 11; n++) {
			assertThat(cache.get(key(n))).as("entry %s", n).isPresent();
		}
		assertThat(cache.stats().evictions()).isEqualTo(2);
		assertThat(cache.stats().bytes()).isEqualTo(1000);
	}

	@Test
	void byteBoundHoldsAfterManyPuts() {
		ResultCache cache = new ResultCache(50_000);
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			int n = random.nextInt(2_000);
			cache.put(new CacheKey("segment-" + n, "q"), value(random.nextInt(4_000), n));
			assertThat(cache.stats().bytes()).isLessThanOrEqualTo(50_000);
		}
		CacheStats stats = cache.stats();
		assertThat(stats.evictions()).isGreaterThan(0);
		assertThat(stats.entries()).isGreaterThan(0);
		// what is left is exactly accounted for
		long bytes = 0;
		for (int n = 0; n < 2_000; n++) {
			CacheKey key = new CacheKey("segment-" + n, "q");
			Optional<byte[]> value = cache.get(key);
			if (value.isPresent()) {
				bytes += key.weight() + value.get().length;
			}
		}
		assertThat(bytes).isEqualTo(stats.bytes());
	}

	@Test
	void oversizedValueIsNotCachedAndDropsTheOldOne() {
		ResultCache cache = new ResultCache(1000);
		cache.put(key(1), value(50, 1));
		assertThat(cache.get(key(1))).isPresent();
		cache.put(key(1), value(91, 2)); // 10 + 91 > 1000 / 10
		assertThat(cache.get(key(1))).isEmpty();
		cache.put(key(2), value(90, 2)); // exactly a tenth: kept
		assertThat(cache.get(key(2))).isPresent();
		CacheStats stats = cache.stats();
		assertThat(stats.puts()).isEqualTo(2);
		assertThat(stats.entries()).isEqualTo(1);
		assertThat(stats.bytes()).isEqualTo(100);
	}

	@Test
	void replacingAValueKeepsTheByteCountExact() {
		ResultCache cache = new ResultCache(1000);
		cache.put(key(1), value(50, 1));
		cache.put(key(1), value(20, 2));
		assertThat(cache.get(key(1))).hasValueSatisfying(v -> assertThat(v).isEqualTo(value(20, 2)));
		assertThat(cache.stats().bytes()).isEqualTo(30);
		assertThat(cache.stats().entries()).isEqualTo(1);
	}

	@Test
	void statsCountHitsMissesPutsAndEvictions() {
		ResultCache cache = new ResultCache(200);
		cache.put(key(1), value(10, 1));
		cache.put(key(2), value(10, 2));
		cache.get(key(1));
		cache.get(key(1));
		cache.get(key(3));
		for (int n = 3; n < 9; n++) {
			cache.put(key(n), value(10, n)); // 20 each; the eleventh entry passes 200 and evicts 2
		}
		cache.put(key(9), value(10, 9));
		cache.put(new CacheKey("seg-10", "query"), value(9, 10));
		cache.put(new CacheKey("seg-11", "query"), value(9, 11));
		assertThat(cache.stats()).isEqualTo(new CacheStats(2, 1, 11, 1, 10, 200));
	}

	@Test
	void valuesAreCopiedInAndOut() {
		ResultCache cache = new ResultCache(1000);
		byte[] original = "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
		byte[] put = original.clone();
		cache.put(key(1), put);
		put[0] = 'X';
		byte[] got = cache.get(key(1)).orElseThrow();
		assertThat(got).isEqualTo(original);
		got[0] = 'Y';
		assertThat(cache.get(key(1))).hasValueSatisfying(v -> assertThat(v).isEqualTo(original));
	}

	@Test
	void rejectsANonPositiveBound() {
		assertThatThrownBy(() -> new ResultCache(0)).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC));
	}

	@Test
	void concurrentPutsAndGetsKeepTheBoundAndNeverReturnAWrongValue() throws Exception {
		long maxBytes = 40_000;
		ResultCache cache = new ResultCache(maxBytes);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean done = new AtomicBoolean();
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long seed = t;
				workers.add(pool.submit(() -> {
					Random random = new Random(seed);
					int checked = 0;
					start.await();
					for (int i = 0; i < 20_000; i++) {
						int n = random.nextInt(500);
						CacheKey key = new CacheKey("segment-" + n, "query");
						if (random.nextBoolean()) {
							cache.put(key, expected(n));
						}
						else {
							Optional<byte[]> got = cache.get(key);
							if (got.isPresent()) {
								assertThat(got.get()).as("value of %s", key).isEqualTo(expected(n));
								checked++;
							}
						}
					}
					return checked;
				}));
			}
			Future<Long> watcher = pool.submit(() -> {
				long worst = 0;
				start.await();
				while (!done.get()) {
					worst = Math.max(worst, cache.stats().bytes());
				}
				return worst;
			});
			start.countDown();
			int checked = 0;
			for (Future<Integer> worker : workers) {
				checked += worker.get(30, TimeUnit.SECONDS);
			}
			done.set(true);
			assertThat(watcher.get(30, TimeUnit.SECONDS)).isLessThanOrEqualTo(maxBytes);
			assertThat(checked).as("gets that hit").isGreaterThan(0);
			CacheStats stats = cache.stats();
			assertThat(stats.bytes()).isLessThanOrEqualTo(maxBytes);
			assertThat(stats.hits() + stats.misses()).isGreaterThan(0);
			assertThat(stats.evictions()).isGreaterThan(0);
		}
		finally {
			done.set(true);
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	/** A value that says which key it belongs to, sized 100 to 2,000 bytes by key. */
	private static byte[] expected(int n) {
		byte[] value = new byte[100 + (n * 37) % 1_900];
		byte[] label = ("segment-" + n + ";").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < value.length; i++) {
			value[i] = label[i % label.length];
		}
		return value;
	}

}
