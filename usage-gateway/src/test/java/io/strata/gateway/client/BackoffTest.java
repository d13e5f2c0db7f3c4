package io.strata.gateway.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	private static final Duration INITIAL = Duration.ofMillis(100);

	private static final Duration MAX = Duration.ofSeconds(5);

	@Test
	void theWaitDoublesPerRetryUpToTheCap() {
		Backoff full = new Backoff(INITIAL, MAX, () -> 0.999_999_999);
		assertThat(full.delay(0, Duration.ZERO)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
		assertThat(full.delay(1, Duration.ZERO)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
		assertThat(full.delay(3, Duration.ZERO)).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
		assertThat(full.delay(6, Duration.ZERO)).isBetween(MAX.minusMillis(1), MAX);
		assertThat(full.delay(1_000, Duration.ZERO)).isLessThanOrEqualTo(MAX);
	}

	@Test
	void jitterTakesTheWaitDownToHalfAtMost() {
		Backoff none = new Backoff(INITIAL, MAX, () -> 0.0);
		assertThat(none.delay(0, Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
		assertThat(none.delay(2, Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
		assertThat(none.delay(20, Duration.ZERO)).isEqualTo(Duration.ofMillis(2_500));
	}

	@Test
	void retryAfterIsHonouredEvenBeyondTheCap() {
		Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.5);
		assertThat(backoff.delay(0, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.delay(0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delay(4, Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1_200));
	}

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		assertThat(BatchSender.retryAfter("5")).isEqualTo(Duration.ofSeconds(5));
		assertThat(BatchSender.retryAfter(" 0 ")).isZero();
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		assertThat(BatchSender.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60));
		assertThat(BatchSender.retryAfter(past)).isZero();
		assertThat(BatchSender.retryAfter("soon")).isZero();
	}

}
