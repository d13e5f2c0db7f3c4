package io.strata.benchmarks.streaming;

import java.time.Duration;
import java.util.Objects;

import io.strata.benchmarks.OptionValues;
import io.strata.engine.error.StrataException;

/**
 * The command line of {@link StreamingBenchmark}.
 * @param rate events per second the producer paces during the freshness run
 * @param warmUp how long the producer runs before probes are measured (JIT, the first segment's
 * allocation, consumer fetch sizes)
 * @param measure how long probes are measured
 * @param probeInterval how often one probe event is sent
 * @param prefill events written to the backlog topic before its supervisor starts; 0 skips the
 * ingestion-rate run
 * @param partitions partitions of each topic (one task reads them all)
 * @param maxRowsInMemory the tasks' {@code maxRowsInMemory}: how many rows a live index holds
 * before it persists, which is also what a query of the live index copies
 */
record StreamingOptions(int rate, Duration warmUp, Duration measure, Duration probeInterval, long prefill,
		int partitions, int maxRowsInMemory) {

	static final String USAGE = "usage: bin/bench-streaming [--rate N] [--warm-up-seconds N] [--seconds N] "
			+ "[--probe-interval-ms N] [--prefill N] [--partitions N] [--max-rows-in-memory N]";

	StreamingOptions {
		Objects.requireNonNull(warmUp, "warmUp");
		Objects.requireNonNull(measure, "measure");
		Objects.requireNonNull(probeInterval, "probeInterval");
		if (rate <= 0) {
			throw StrataException.invalidInput("rate[%d] must be positive", rate);
		}
		if (warmUp.isNegative() || !measure.isPositive() || !probeInterval.isPositive()) {
			throw StrataException.invalidInput(
					"warmUp[%s] must not be negative, measure[%s] and probeInterval[%s] must be positive", warmUp, measure,
					probeInterval);
		}
		if (prefill < 0) {
			throw StrataException.invalidInput("prefill[%d] must not be negative", prefill);
		}
		if (partitions <= 0) {
			throw StrataException.invalidInput("partitions[%d] must be positive", partitions);
		}
		if (maxRowsInMemory <= 0) {
			throw StrataException.invalidInput("maxRowsInMemory[%d] must be positive", maxRowsInMemory);
		}
	}

	static StreamingOptions defaults() {
		return new StreamingOptions(10_000, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMillis(100),
				3_000_000, 3, 150_000);
	}

	/** Probes sent over the warm-up and the measured run: the size of the probe log. */
	int probes() {
		return Math.toIntExact((this.warmUp.toNanos() + this.measure.toNanos()) / this.probeInterval.toNanos() + 2);
	}

	/** Parses {@code args}; an unknown option or a missing value is invalid input naming it. */
	static StreamingOptions parse(String[] args) {
		StreamingOptions options = defaults();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw StrataException.invalidInput("Option[%s] needs a value; %s", option, USAGE);
			}
			long value = OptionValues.wholeNumber(option, args[++i]);
			StreamingOptions o = options;
			options = switch (option) {
				case "--rate" -> new StreamingOptions(Math.toIntExact(value), o.warmUp, o.measure, o.probeInterval,
						o.prefill, o.partitions, o.maxRowsInMemory);
				case "--warm-up-seconds" -> new StreamingOptions(o.rate, Duration.ofSeconds(value), o.measure,
						o.probeInterval, o.prefill, o.partitions, o.maxRowsInMemory);
				case "--seconds" -> new StreamingOptions(o.rate, o.warmUp, Duration.ofSeconds(value), o.probeInterval,
						o.prefill, o.partitions, o.maxRowsInMemory);
				case "--probe-interval-ms" -> new StreamingOptions(o.rate, o.warmUp, o.measure, Duration.ofMillis(value),
						o.prefill, o.partitions, o.maxRowsInMemory);
				case "--prefill" -> new StreamingOptions(o.rate, o.warmUp, o.measure, o.probeInterval, value,
						o.partitions, o.maxRowsInMemory);
				case "--partitions" -> new StreamingOptions(o.rate, o.warmUp, o.measure, o.probeInterval, o.prefill,
						Math.toIntExact(value), o.maxRowsInMemory);
				case "--max-rows-in-memory" -> new StreamingOptions(o.rate, o.warmUp, o.measure, o.probeInterval,
						o.prefill, o.partitions, Math.toIntExact(value));
				default -> throw StrataException.invalidInput("Option[%s] is unknown; %s", option, USAGE);
			};
		}
		return options;
	}

}
