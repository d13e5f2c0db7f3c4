package io.strata.benchmarks.cluster;

import io.strata.benchmarks.OptionValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.strata.engine.error.StrataException;

/**
 * The command line of {@link ClusterBenchmark}.
 * @param events usage events generated over the 30 days; changing it rebuilds the segments
 * @param work directory of the segments (kept and reused) and of the cluster's state (wiped on
 * every run)
 * @param clients HTTP client threads, each sending its next query as soon as the last one is
 * answered
 * @param warmUp how long each run is driven before measuring (JIT, connections, the cache)
 * @param measure how long each run is measured
 */
record BenchmarkOptions(long events, Path work, int clients, Duration warmUp, Duration measure) {

	static final String USAGE = "usage: bin/bench-cluster [--events N] [--work DIR] [--clients N] [--seconds N] "
			+ "[--warm-up-seconds N]";

	BenchmarkOptions {
		Objects.requireNonNull(work, "work");
		Objects.requireNonNull(warmUp, "warmUp");
		Objects.requireNonNull(measure, "measure");
		if (events <= 0) {
			throw StrataException.invalidInput("events[%d] must be positive", events);
		}
		if (clients <= 0) {
			throw StrataException.invalidInput("clients[%d] must be positive", clients);
		}
		if (warmUp.isNegative() || measure.isNegative() || measure.isZero()) {
			throw StrataException.invalidInput("warmUp[%s] must not be negative and measure[%s] must be positive",
					warmUp, measure);
		}
	}

	static BenchmarkOptions defaults() {
		return new BenchmarkOptions(3_000_000, Path.of("bench-data", "cluster"), 8, Duration.ofSeconds(5),
				Duration.ofSeconds(20));
	}

	/** Parses {@code args}; an unknown option or a missing value is invalid input naming it. */
	static BenchmarkOptions parse(String[] args) {
		BenchmarkOptions options = defaults();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw StrataException.invalidInput("Option[%s] needs a value", option);
			}
			String value = args[++i];
			options = switch (option) {
				case "--events" -> new BenchmarkOptions(OptionValues.wholeNumber(option, value), options.work, options.clients,
						options.warmUp, options.measure);
				case "--work" -> new BenchmarkOptions(options.events, Path.of(value), options.clients, options.warmUp,
						options.measure);
				case "--clients" -> new BenchmarkOptions(options.events, options.work,
						Math.toIntExact(OptionValues.wholeNumber(option, value)), options.warmUp, options.measure);
				case "--seconds" -> new BenchmarkOptions(options.events, options.work, options.clients,
						options.warmUp, Duration.ofSeconds(OptionValues.wholeNumber(option, value)));
				case "--warm-up-seconds" -> new BenchmarkOptions(options.events, options.work, options.clients,
						Duration.ofSeconds(OptionValues.wholeNumber(option, value)), options.measure);
				default -> throw StrataException.invalidInput("Option[%s] is unknown", option);
			};
		}
		return options;
	}

}
