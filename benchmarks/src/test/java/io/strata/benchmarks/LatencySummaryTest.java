package io.strata.benchmarks;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {

	@Test
	void percentilesAreNearestRanksInMilliseconds() {
		// 1..100 ms, given out of order
		long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 1_000_000).toArray();

		LatencySummary summary = LatencySummary.ofNanos(nanos);

		assertThat(summary).isEqualTo(new LatencySummary(100, 50, 90, 99, 100));
	}

	@Test
	void aFewMeasurementsRoundTheRankUp() {
		LatencySummary summary = LatencySummary.ofNanos(new long[] { 3_000_000, 1_000_000, 2_000_000 });

		// p50 of three is the second, p90 and p99 the third
		assertThat(summary).isEqualTo(new LatencySummary(3, 2, 3, 3, 3));
	}

	@Test
	void noMeasurementIsTheEmptySummaryAndTheInputIsLeftAlone() {
		long[] nanos = { 5, 1 };

		assertThat(LatencySummary.ofNanos(new long[0])).isEqualTo(LatencySummary.EMPTY);
		LatencySummary.ofNanos(nanos);
		assertThat(nanos).containsExactly(5, 1);
	}

}
