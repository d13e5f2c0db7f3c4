package io.strata.benchmarks.streaming;

import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IngestionProgressTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void rateRunsFromTheFirstSampleWithRowsToTheFirstWithAll() {
		IngestionProgress progress = new IngestionProgress(1_000);
		progress.sample(0, 0);
		progress.sample(1 * SECOND, 0);
		// reading started between the samples: the 100 rows already read are not counted
		progress.sample(2 * SECOND, 100);
		progress.sample(3 * SECOND, 300);
		progress.sample(4 * SECOND, 700);
		progress.sample(5 * SECOND, 1_000);
		progress.sample(6 * SECOND, 1_000);

		IngestionProgress.IngestionRate rate = progress.rate(SECOND).orElseThrow();

		assertThat(progress.done()).isTrue();
		assertThat(progress.firstReadNanos()).contains(2 * SECOND);
		assertThat(rate.rows()).isEqualTo(900);
		assertThat(rate.seconds()).isEqualTo(3.0);
		assertThat(rate.perSecond()).isCloseTo(300.0, within(1e-9));
		assertThat(rate.slowest()).isCloseTo(200.0, within(1e-9));
		assertThat(rate.fastest()).isCloseTo(400.0, within(1e-9));
	}

	@Test
	void aStretchShorterThanOneWindowIsItsOwnSlowestAndFastest() {
		IngestionProgress progress = new IngestionProgress(500);
		progress.sample(0, 100);
		progress.sample(SECOND / 2, 500);

		IngestionProgress.IngestionRate rate = progress.rate(2 * SECOND).orElseThrow();

		assertThat(rate.perSecond()).isCloseTo(800.0, within(1e-9));
		assertThat(rate.slowest()).isEqualTo(rate.perSecond());
		assertThat(rate.fastest()).isEqualTo(rate.perSecond());
	}

	@Test
	void noRateUntilDoneNorWhenOneSampleSawEverything() {
		IngestionProgress progress = new IngestionProgress(10);
		progress.sample(0, 0);
		progress.sample(SECOND, 4);
		assertThat(progress.rate(SECOND)).isEmpty();

		IngestionProgress instant = new IngestionProgress(10);
		instant.sample(0, 0);
		instant.sample(SECOND, 10);
		assertThat(instant.done()).isTrue();
		assertThat(instant.rate(SECOND)).isEmpty();
	}

	@Test
	void samplesGoingBackAreRefused() {
		IngestionProgress progress = new IngestionProgress(10);
		progress.sample(SECOND, 5);

		assertThatThrownBy(() -> progress.sample(2 * SECOND, 4)).isInstanceOf(StrataException.class);
		assertThatThrownBy(() -> progress.sample(0, 6)).isInstanceOf(StrataException.class);
	}

}
