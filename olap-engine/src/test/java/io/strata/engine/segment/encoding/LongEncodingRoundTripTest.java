package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Round trip of one long-valued encoding over random sizes and value shapes (fixed seeds): all
 * equal, small, negative, multiples of a gcd, sorted times, full range and the extremes of a
 * long. Subclasses name the encoding; values an encoding cannot hold are mapped by
 * {@link #adapt} before encoding.
 */
abstract class LongEncodingRoundTripTest {

	private static final int[] EDGE_SIZES = { 0, 1, 2, 3, 7, 63, 64, 65, 127, 128, 1000, 8191, 8192 };

	/** Encodes {@code values[0, count)} and decodes them again. */
	protected abstract long[] roundTrip(long[] values, int count);

	/** The value as this encoding can store it (identity unless it holds fewer bits). */
	protected long adapt(long value) {
		return value;
	}

	/** The largest block the encoding is used with. */
	protected int maxCount() {
		return 8192;
	}

	@Test
	void randomSizesAndShapes() {
		SplittableRandom random = new SplittableRandom(seed());
		for (int round = 0; round < 400; round++) {
			int count = round < EDGE_SIZES.length ? EDGE_SIZES[round] : random.nextInt(maxCount() + 1);
			for (Shape shape : Shape.values()) {
				check(shape.values(random, Math.min(count, maxCount())), Math.min(count, maxCount()), shape.name());
			}
		}
	}

	@Test
	void extremesOfALong() {
		long[][] cases = { { Long.MIN_VALUE }, { Long.MAX_VALUE }, { Long.MIN_VALUE, Long.MAX_VALUE },
				{ Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE }, { 0, Long.MAX_VALUE }, { -1, Long.MAX_VALUE },
				{ Long.MIN_VALUE, -1 }, { Long.MIN_VALUE, 0 }, { Long.MIN_VALUE, 1 }, { Long.MAX_VALUE, -1, 0, 1 },
				{ Long.MIN_VALUE + 1, Long.MAX_VALUE }, { -2, Long.MAX_VALUE - 1 }, { Long.MIN_VALUE, Long.MIN_VALUE },
				{ 1L << 62, -(1L << 62) }, { 3, 3 + (1L << 62) * 1 }, { Long.MIN_VALUE / 2, Long.MAX_VALUE / 2 + 1 } };
		for (long[] values : cases) {
			check(values, values.length, Arrays.toString(values));
		}
	}

	@Test
	void everyBitWidth() {
		SplittableRandom random = new SplittableRandom(seed() + 1);
		for (int bits = 0; bits <= 64; bits++) {
			for (int count : new int[] { 1, 5, 64, 100, 4099 }) {
				long[] values = new long[count];
				for (int i = 0; i < count; i++) {
					values[i] = bits == 64 ? random.nextLong() : random.nextLong() & ((1L << bits) - 1);
				}
				// make sure the width is reached
				values[random.nextInt(count)] = bits == 64 ? -1L : bits == 0 ? 0 : (1L << bits) - 1;
				check(values, count, "bits " + bits);
			}
		}
	}

	protected long seed() {
		return getClass().getSimpleName().hashCode();
	}

	private void check(long[] values, int count, String what) {
		long[] input = new long[count];
		for (int i = 0; i < count; i++) {
			input[i] = adapt(values[i]);
		}
		long[] copy = input.clone();
		long[] decoded = roundTrip(input, count);
		assertThat(input).as("the encoder must not change its input").isEqualTo(copy);
		assertThat(Arrays.copyOf(decoded, count)).as("%s, %d values", what, count).isEqualTo(input);
	}

	/** Value shapes seen in segments, and the ones that break frame-of-reference arithmetic. */
	enum Shape {

		ZEROS {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return 0;
			}
		},
		CONSTANT {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return i == 0 ? random.nextLong() : previous;
			}
		},
		SMALL {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return random.nextInt(1000);
			}
		},
		NEGATIVE {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return -1 - random.nextInt(100_000);
			}
		},
		MIXED_SIGN {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return random.nextLong(-5_000_000_000L, 5_000_000_000L);
			}
		},
		GCD {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return 1_790_812_800_000L + 60_000L * random.nextInt(50_000);
			}
		},
		SORTED_TIMES {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return i == 0 ? 1_790_812_800_000L : previous + (random.nextInt(4) == 0 ? 0 : random.nextInt(5_000));
			}
		},
		SORTED_NEAR_MAX {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return i == 0 ? Long.MAX_VALUE - 1_000_000 : Math.min(Long.MAX_VALUE, previous + random.nextInt(200));
			}
		},
		DESCENDING {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return i == 0 ? Long.MAX_VALUE : previous - random.nextLong(1L << 50);
			}
		},
		FULL_RANGE {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return random.nextLong();
			}
		},
		EXTREMES {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return switch (random.nextInt(5)) {
					case 0 -> Long.MIN_VALUE;
					case 1 -> Long.MAX_VALUE;
					case 2 -> 0;
					case 3 -> -1;
					default -> random.nextLong();
				};
			}
		},
		NEAR_EXTREMES {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(100) : Long.MAX_VALUE - random.nextInt(100);
			}
		},
		RANDOM_WIDTH {
			@Override
			long next(SplittableRandom random, int i, long previous) {
				return random.nextLong() >>> (1 + random.nextInt(63));
			}
		};

		abstract long next(SplittableRandom random, int i, long previous);

		long[] values(SplittableRandom random, int count) {
			long[] values = new long[count];
			long previous = 0;
			for (int i = 0; i < count; i++) {
				previous = next(random, i, previous);
				values[i] = previous;
			}
			return values;
		}

	}

}
