package io.strata.node.coordinator.balancer;

import io.strata.engine.time.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntervalCostTest {

	private static final long HOUR = 3_600_000L;

	/** Base far from zero, so the tests also cover epoch-sized millisecond values. */
	private static final long BASE = 1_700_000_000_000L - 1_700_000_000_000L % HOUR;

	private static Interval hours(double startHour, double endHour) {
		return new Interval(BASE + Math.round(startHour * HOUR), BASE + Math.round(endHour * HOUR));
	}

	/** Midpoint rule on an n×n grid, in hours, straight from the definition. */
	private static double numericJointCost(double x0, double x1, double y0, double y1, int n) {
		double lambda = Math.log(2) / 24.0;
		double dx = (x1 - x0) / n;
		double dy = (y1 - y0) / n;
		double sum = 0.0;
		for (int i = 0; i < n; i++) {
			double t1 = x0 + (i + 0.5) * dx;
			for (int j = 0; j < n; j++) {
				double t2 = y0 + (j + 0.5) * dy;
				sum += Math.exp(-lambda * Math.abs(t1 - t2));
			}
		}
		return sum * dx * dy;
	}

	@ParameterizedTest(name = "[{0}, {1}) x [{2}, {3})")
	@CsvSource({
			// identical, partial overlap, one inside the other, touching, disjoint, long and far
			"0, 1, 0, 1", "0, 2, 1, 3", "0, 24, 5, 6", "0, 1, 1, 2", "0, 1, 11, 12", "0, 24, 24, 48", "0, 168, 100, 400",
			"3, 4, 0, 1", "0, 0.25, 0.1, 0.2", "0, 720, 0, 24" })
	void closedFormMatchesNumericIntegration(double x0, double x1, double y0, double y1) {
		double closed = IntervalCost.jointCost(hours(x0, x1), hours(y0, y1));
		double numeric = numericJointCost(x0, x1, y0, y1, 1500);

		assertThat(closed).isCloseTo(numeric, within(1e-5 * numeric));
	}

	@Test
	void knownValues() {
		double lambda = Math.log(2) / 24.0;
		// two identical hours: 2 (a - 1 + e^-a) / λ² with a = λ
		assertThat(IntervalCost.jointCost(hours(0, 1), hours(0, 1)))
			.isCloseTo(2 * (lambda - 1 + Math.exp(-lambda)) / (lambda * lambda), within(1e-12));
		// two adjacent days: (1 - 1/2)² / λ²
		assertThat(IntervalCost.jointCost(hours(0, 24), hours(24, 48))).isCloseTo(0.25 / (lambda * lambda), within(1e-9));
	}

	@Test
	void isSymmetric() {
		Interval[] intervals = { hours(0, 1), hours(0, 3), hours(2, 5), hours(30, 31), hours(-10, 100), hours(4, 4.5) };
		for (Interval x : intervals) {
			for (Interval y : intervals) {
				double xy = IntervalCost.jointCost(x, y);
				assertThat(IntervalCost.jointCost(y, x)).isCloseTo(xy, within(1e-12 * Math.max(1.0, xy)));
			}
		}
	}

	@Test
	void anIntervalCostsMostWithItselfAndLessTheFurtherAwayItIs() {
		Interval x = hours(10, 11);
		double self = IntervalCost.jointCost(x, x);
		double previous = self;
		for (int offsetMinutes = 15; offsetMinutes <= 48 * 60; offsetMinutes += 15) {
			double shifted = IntervalCost.jointCost(x, hours(10 + offsetMinutes / 60.0, 11 + offsetMinutes / 60.0));
			assertThat(shifted).isLessThan(previous);
			assertThat(IntervalCost.jointCost(x, hours(10 - offsetMinutes / 60.0, 11 - offsetMinutes / 60.0)))
				.isCloseTo(shifted, within(1e-9));
			previous = shifted;
		}
	}

	@Test
	void pairsBeyondThirtyHalfLivesCostNothing() {
		assertThat(IntervalCost.CUTOFF_MILLIS).isEqualTo(720 * HOUR);
		// hour 0 ends 720 h before hour 721 starts
		assertThat(IntervalCost.jointCost(hours(0, 1), hours(721, 722))).isZero();
		assertThat(IntervalCost.jointCost(hours(0, 1), hours(719, 720))).isPositive()
			.isLessThan(1.1e-9 * IntervalCost.jointCost(hours(0, 1), hours(1, 2)));
	}

	@Test
	void emptyIntervalsCostNothing() {
		assertThat(IntervalCost.jointCost(hours(1, 1), hours(0, 5))).isZero();
	}

}
