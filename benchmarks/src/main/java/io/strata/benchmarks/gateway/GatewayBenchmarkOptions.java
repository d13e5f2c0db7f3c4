package io.strata.benchmarks.gateway;

import io.strata.benchmarks.OptionValues;
import java.time.Duration;
import java.util.Objects;

import io.strata.engine.error.StrataException;

/**
 * The command line of {@link GatewayBenchmark}.
 * @param clients HTTP client threads, each posting its next batch as soon as the last is answered
 * @param batchSize events per request
 * @param batches distinct pre-built batches the clients cycle through
 * @param warmUp how long each phase runs before measuring (JIT, connections, Kafka's batches)
 * @param measure how long each phase is measured
 */
record GatewayBenchmarkOptions(int clients, int batchSize, int batches, Duration warmUp, Duration measure) {

	static final String USAGE = "usage: bin/bench-gateway [--clients N] [--batch-size N] [--batches N] [--seconds N] "
			+ "[--warm-up-seconds N]";

	GatewayBenchmarkOptions {
		Objects.requireNonNull(warmUp, "warmUp");
		Objects.requireNonNull(measure, "measure");
		if (clients <= 0 || batchSize <= 0 || batches <= 0) {
			throw StrataException.invalidInput("clients[%d], batchSize[%d] and batches[%d] must be positive", clients,
					batchSize, batches);
		}
		if (warmUp.isNegative() || !measure.isPositive()) {
			throw StrataException.invalidInput("warmUp[%s] must not be negative and measure[%s] must be positive",
					warmUp, measure);
		}
	}

	static GatewayBenchmarkOptions defaults() {
		return new GatewayBenchmarkOptions(8, 100, 1_000, Duration.ofSeconds(30), Duration.ofSeconds(20));
	}

	/** Parses {@code args}; an unknown option or a missing value is invalid input naming it. */
	static GatewayBenchmarkOptions parse(String[] args) {
		GatewayBenchmarkOptions options = defaults();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw StrataException.invalidInput("Option[%s] needs a value", option);
			}
			long value = OptionValues.wholeNumber(option, args[++i]);
			options = switch (option) {
				case "--clients" -> new GatewayBenchmarkOptions(Math.toIntExact(value), options.batchSize,
						options.batches, options.warmUp, options.measure);
				case "--batch-size" -> new GatewayBenchmarkOptions(options.clients, Math.toIntExact(value),
						options.batches, options.warmUp, options.measure);
				case "--batches" -> new GatewayBenchmarkOptions(options.clients, options.batchSize,
						Math.toIntExact(value), options.warmUp, options.measure);
				case "--seconds" -> new GatewayBenchmarkOptions(options.clients, options.batchSize, options.batches,
						options.warmUp, Duration.ofSeconds(value));
				case "--warm-up-seconds" -> new GatewayBenchmarkOptions(options.clients, options.batchSize,
						options.batches, Duration.ofSeconds(value), options.measure);
				default -> throw StrataException.invalidInput("Option[%s] is unknown", option);
			};
		}
		return options;
	}

}
