package io.strata.benchmarks.streaming;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.strata.benchmarks.LatencySummary;
import io.strata.benchmarks.RunTimes;

/**
 * The streaming benchmark of issue 7 (see {@code bin/bench-streaming} and docs/benchmarks.md):
 * starts a KRaft Kafka broker, the schema registry and a Strata cluster in this JVM, then measures
 * freshness at a steady rate ({@link FreshnessRun}) and one task's sustained ingestion rate over a
 * pre-filled topic ({@link IngestionRateRun}), and prints a summary with the targets. Exits
 * with status 1 when the broker's counts do not match what Kafka acknowledged.
 * <p>
 * Usage: {@code StreamingBenchmark [--rate N] [--warm-up-seconds N] [--seconds N]
 * [--probe-interval-ms N] [--prefill N] [--partitions N] [--max-rows-in-memory N]}
 */
public final class StreamingBenchmark {

	/** Issue 7: freshness p99 under one second. */
	private static final double FRESHNESS_P99_TARGET_MILLIS = 1000;

	/** Issue 7: at least 150,000 events/s per task core from Avro. */
	private static final double RATE_TARGET = 150_000;

	private StreamingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		StreamingOptions options = StreamingOptions.parse(args);
		PrintStream out = System.out;
		Path work = Files.createTempDirectory("strata-streaming-bench");
		boolean correct;
		try {
			out.printf(Locale.ROOT, "streaming benchmark: %d cores, %,d MB heap, Java %s; starting Kafka (1 node, %d "
					+ "partitions per topic), the registry and the cluster (master, historical, worker, broker) under %s; "
					+ "tasks hold %,d rows in memory%n", Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20, Runtime.version(), options.partitions(), work,
					options.maxRowsInMemory());
			try (StreamingStack stack = StreamingStack.start(work, options.partitions())) {
				FreshnessRun.Result freshness = FreshnessRun.run(stack, options);
				IngestionRateRun.Result rate = null;
				if (options.prefill() > 0) {
					stack.terminateSupervisor(FreshnessRun.DATA_SOURCE);
					rate = IngestionRateRun.run(stack, options);
					// a clean end: the task publishes and hands off rather than being interrupted
					stack.terminateSupervisor(IngestionRateRun.DATA_SOURCE);
					stack.awaitNoTasks(Duration.ofMinutes(3));
				}
				out.println();
				printFreshness(out, options, freshness);
				correct = freshness.miscounted().isEmpty();
				if (rate != null) {
					printRate(out, options, rate);
					correct &= rate.miscounted().isEmpty();
				}
			}
		}
		finally {
			RunTimes.delete(work);
		}
		if (!correct) {
			System.exit(1);
		}
	}

	private static void printFreshness(PrintStream out, StreamingOptions options, FreshnessRun.Result result) {
		LatencySummary latency = result.freshness().latency();
		out.printf(Locale.ROOT, "== 1. Freshness at %,d events/s (%d s warm-up, %.0f s measured, a probe every %d ms)%n",
				result.rate(), options.warmUp().toSeconds(), result.seconds(), options.probeInterval().toMillis());
		boolean sustained = result.achievedRate() >= 0.99 * result.rate();
		out.printf(Locale.ROOT, "producer:    %,.0f events/s acknowledged by Kafka in the window (target %,d): %s; "
				+ "at most %.0f ms behind its schedule in the window%n", result.achievedRate(), result.rate(),
				sustained ? "sustained" : "NOT sustained", result.maxBehindMillis());
		out.printf(Locale.ROOT, "freshness:   acknowledged -> counted by a broker query: p50 %.0f ms, p90 %.0f ms, "
				+ "p99 %.0f ms, max %.0f ms (%d probes, %d never counted)%n", latency.p50(), latency.p90(), latency.p99(),
				latency.max(), latency.count(), result.freshness().unseen());
		LatencySummary ack = result.freshness().ack();
		out.printf(Locale.ROOT, "produce:     send -> acknowledged by Kafka (before the above): p50 %.0f ms, p99 %.0f ms, "
				+ "max %.0f ms%n", ack.p50(), ack.p99(), ack.max());
		LatencySummary queries = result.queries();
		out.printf(Locale.ROOT, "probe query: %,d answered in the window, p50 %.1f ms, p99 %.1f ms, max %.1f ms "
				+ "(part of each latency above)%n", queries.count(), queries.p50(), queries.p99(), queries.max());
		out.printf(Locale.ROOT, "JVM:         %.2f cores busy, GC pauses %d ms in the window%n", result.busyCores(),
				result.gcPauses().toMillis());
		out.printf(Locale.ROOT, "check:       broker total %s the %,d events Kafka acknowledged%n",
				result.miscounted().map(counted -> String.format(Locale.ROOT, "%,d is NOT", counted)).orElse("equals"),
				result.expected());
		boolean met = latency.count() > 0 && result.freshness().unseen() == 0
				&& latency.p99() < FRESHNESS_P99_TARGET_MILLIS;
		out.printf(Locale.ROOT, "target:      p99 < %.0f ms: %s%n%n", FRESHNESS_P99_TARGET_MILLIS,
				met ? "met" : "NOT met");
	}

	private static void printRate(PrintStream out, StreamingOptions options, IngestionRateRun.Result result) {
		IngestionProgress.IngestionRate rate = result.rate();
		out.printf(Locale.ROOT, "== 2. Sustained ingestion rate of one task (%,d events pre-filled)%n", result.events());
		out.printf(Locale.ROOT, "topic:       written at %,.0f events/s (acknowledged); the task read its first events "
				+ "%.1f s after the supervisor was submitted%n", result.fillRate(), result.startSeconds());
		out.printf(Locale.ROOT, "rate:        %,.0f events/s (%,d events from the first to the last read, %.2f s); "
				+ "2 s stretches from %,.0f to %,.0f events/s%n", rate.perSecond(), rate.rows(), rate.seconds(),
				rate.slowest(), rate.fastest());
		double busiestSeconds = result.busiest().cpuNanos() / 1e9;
		out.printf(Locale.ROOT, "task thread: [%s] used %.2f s of CPU in those %.2f s (%.0f %% of a core): %,.0f events "
				+ "per CPU second%n", result.busiest().name(), busiestSeconds, rate.seconds(),
				100 * busiestSeconds / rate.seconds(), rate.rows() / busiestSeconds);
		out.printf(Locale.ROOT, "rollup:      %,d rows served live, %.2f events per row (timestamps spaced as at %,d "
				+ "events/s)%n", result.rows(), (double) result.events() / result.rows(), options.rate());
		out.printf(Locale.ROOT, "JVM:         %.2f cores busy (the task, Kafka serving it, GC, JIT), GC pauses %d ms%n",
				result.busyCores(), result.gcPauses().toMillis());
		out.printf(Locale.ROOT, "supervisor:  aggregateLag %s%n", result.lagZeroSeconds()
			.map(seconds -> String.format(Locale.ROOT, "0 at %.1f s after the first read (refreshed every second)",
					seconds))
			.orElse("never reported 0"));
		out.printf(Locale.ROOT, "check:       broker total %s the %,d events on the topic%n",
				result.miscounted().map(counted -> String.format(Locale.ROOT, "%,d is NOT", counted)).orElse("equals"),
				result.events());
		out.printf(Locale.ROOT, "target:      >= %,.0f events/s per task core from Avro: %s%n", RATE_TARGET,
				rate.perSecond() >= RATE_TARGET ? "met" : "NOT met");
	}

}
