package io.strata.benchmarks.streaming;

import java.time.Duration;

import io.strata.engine.error.StrataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingOptionsTest {

	@Test
	void defaultsAreTheIssuesRunOfAFewMinutes() {
		StreamingOptions options = StreamingOptions.parse(new String[0]);

		assertThat(options).isEqualTo(new StreamingOptions(10_000, Duration.ofSeconds(30), Duration.ofSeconds(60),
				Duration.ofMillis(100), 3_000_000, 3, 150_000));
		// 900 probes over 90 s, with room to spare
		assertThat(options.probes()).isEqualTo(902);
	}

	@Test
	void everyOptionBinds() {
		StreamingOptions options = StreamingOptions.parse(new String[] { "--rate", "20_000", "--warm-up-seconds", "5",
				"--seconds", "10", "--probe-interval-ms", "50", "--prefill", "1,000,000", "--partitions", "1",
				"--max-rows-in-memory", "25000" });

		assertThat(options).isEqualTo(new StreamingOptions(20_000, Duration.ofSeconds(5), Duration.ofSeconds(10),
				Duration.ofMillis(50), 1_000_000, 1, 25_000));
	}

	@Test
	void unknownMissingAndOutOfRangeValuesAreRefusedByName() {
		assertThatThrownBy(() -> StreamingOptions.parse(new String[] { "--events", "5" }))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("Option[--events] is unknown");
		assertThatThrownBy(() -> StreamingOptions.parse(new String[] { "--rate" })).isInstanceOf(StrataException.class)
			.hasMessageContaining("Option[--rate] needs a value");
		assertThatThrownBy(() -> StreamingOptions.parse(new String[] { "--rate", "0" }))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("rate[0]");
	}

}
