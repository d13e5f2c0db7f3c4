package io.strata.benchmarks.streaming;

import io.strata.benchmarks.LatencySummary;
import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeLogTest {

	private static final long MS = 1_000_000;

	@Test
	void anAnswerCountingSeveralProbesMakesEachVisibleThen() {
		ProbeLog log = new ProbeLog(10);
		for (int probe = 1; probe <= 3; probe++) {
			assertThat(log.next(probe * 100 * MS - 10 * MS)).isEqualTo(probe);
			log.acked(probe, probe * 100 * MS);
		}
		log.observed(1, 150 * MS);
		// probes 2 and 3 both first counted by the answer at 400 ms
		log.observed(3, 400 * MS);
		log.observed(3, 450 * MS);

		ProbeLog.Freshness freshness = log.measured(0, 1000 * MS);

		assertThat(freshness.unseen()).isZero();
		assertThat(freshness.latency()).isEqualTo(LatencySummary.ofNanos(new long[] { 50 * MS, 200 * MS, 100 * MS }));
		assertThat(freshness.ack()).isEqualTo(new LatencySummary(3, 10, 10, 10, 10));
		assertThat(log.acked()).isEqualTo(3);
		assertThat(log.seen()).isEqualTo(3);
	}

	@Test
	void onlyProbesAcknowledgedInTheWindowAreMeasuredAndUncountedOnesAreUnseen() {
		ProbeLog log = new ProbeLog(10);
		for (int probe = 1; probe <= 4; probe++) {
			log.next(probe * 100 * MS - 5 * MS);
			log.acked(probe, probe * 100 * MS);
		}
		log.observed(2, 290 * MS);

		// window [200, 400): probe 2 (seen, 90 ms) and probe 3 (not seen); 1 and 4 are outside
		ProbeLog.Freshness freshness = log.measured(200 * MS, 400 * MS);

		assertThat(freshness.latency().count()).isEqualTo(1);
		assertThat(freshness.latency().max()).isEqualTo(90.0);
		assertThat(freshness.unseen()).isEqualTo(1);
		// both probes of the window were acknowledged, seen or not
		assertThat(freshness.ack().count()).isEqualTo(2);
		assertThat(log.allSeenAckedBy(200 * MS)).isTrue();
		assertThat(log.allSeenAckedBy(300 * MS)).isFalse();
	}

	@Test
	void aFullLogSendsNoMoreProbes() {
		ProbeLog log = new ProbeLog(2);

		assertThat(log.next(0)).isEqualTo(1);
		assertThat(log.next(1)).isEqualTo(2);
		assertThat(log.next(2)).isZero();
	}

	@Test
	void countingMoreProbesThanWereSentIsAnError() {
		ProbeLog log = new ProbeLog(5);
		log.next(0);

		assertThatThrownBy(() -> log.observed(2, 0)).isInstanceOf(StrataException.class)
			.hasMessageContaining("[2] probe events");
	}

}
