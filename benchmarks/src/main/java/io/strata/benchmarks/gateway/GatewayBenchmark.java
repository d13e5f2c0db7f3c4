package io.strata.benchmarks.gateway;

import io.strata.benchmarks.ProcessUsage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import io.strata.engine.error.StrataException;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The usage gateway benchmark of issue 6: events per second accepted end to end (HTTP in, 202 out
 * once Kafka acknowledged every event of the request) with batches of 100, and what the
 * {@code UsageClient} sustains with its default settings. Target: 50,000 events/s on 2 cores.
 *
 * <p>
 * Steps: generate the events ({@link GeneratedEvents}); start a KRaft broker (usage topic, 3
 * partitions), the schema registry and the gateway in this JVM ({@link GatewayStack}); (a) drive
 * it with {@code --clients} HTTP threads ({@link HttpLoad}), warm-up then measured; (b) drive it
 * with a {@code UsageClient} ({@link ClientLoad}), warm-up then measured, then flush; finally check
 * that the topic holds exactly as many records as were answered 202. Everything shares the
 * machine's cores: the load generators, the gateway and the broker. Exits 1 when a request failed
 * or the topic does not match, 2 on a bad command line. Usage:
 * {@value GatewayBenchmarkOptions#USAGE}; run through {@code bin/bench-gateway}.
 */
public final class GatewayBenchmark {

	private static final String TOKEN = "benchmark-token";

	private static final int PARTITIONS = 3;

	private static final double TARGET_EVENTS_PER_SECOND = 50_000;

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		GatewayBenchmarkOptions options;
		try {
			options = GatewayBenchmarkOptions.parse(args);
		}
		catch (StrataException ex) {
			System.err.println(ex.getMessage());
			System.err.println(GatewayBenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		// the broker starts before the gateway configures logging: keep its chatter out
		LoggingSystem logging = LoggingSystem.get(GatewayBenchmark.class.getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		logging.setLogLevel("org.apache.kafka", LogLevel.ERROR);
		logging.setLogLevel("kafka", LogLevel.ERROR);
		int status = run(options, System.out);
		// exit also ends any thread a library left running
		System.exit(status);
	}

	/** Runs the benchmark, printing to {@code out}; returns the process exit status. */
	static int run(GatewayBenchmarkOptions options, PrintStream out) throws Exception {
		out.printf(Locale.ROOT, "gateway benchmark: %d HTTP clients, batches of %d, %d s warm-up + %d s measured per "
				+ "phase, %d cores, %,d MB heap%n", options.clients(), options.batchSize(), options.warmUp().toSeconds(),
				options.measure().toSeconds(), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		long start = System.nanoTime();
		GeneratedEvents events = GeneratedEvents.generate(options.batches(), options.batchSize(),
				System.currentTimeMillis());
		out.printf(Locale.ROOT, "generated %,d events in %,d batches (%.0f bytes of JSON per event) in %.1f s%n",
				events.records().size(), events.bodies().size(), (double) events.bodyBytes() / events.records().size(),
				seconds(start));
		Path work = Files.createTempDirectory("strata-gateway-bench");
		try {
			return measure(options, events, work, out);
		}
		finally {
			delete(work);
		}
	}

	private static int measure(GatewayBenchmarkOptions options, GeneratedEvents events, Path work, PrintStream out)
			throws Exception {
		long start = System.nanoTime();
		try (GatewayStack stack = GatewayStack.start(work, PARTITIONS, TOKEN)) {
			out.printf(Locale.ROOT, "started a KRaft broker (topic %s, %d partitions), the schema registry and the "
					+ "gateway at %s in %.1f s%n", GatewayStack.TOPIC, PARTITIONS, stack.uri(), seconds(start));

			HttpLoad load = new HttpLoad(stack.uri(), TOKEN, events.bodies(), options.batchSize(), options.clients());
			HttpPhase warmUp = load.run(options.warmUp().isZero() ? Duration.ofMillis(1) : options.warmUp(), 0);
			ProcessUsage before = ProcessUsage.now();
			HttpPhase http = load.run(options.measure(), 1);
			ProcessUsage usage = ProcessUsage.now().minus(before);
			out.printf(Locale.ROOT, "(a) HTTP, %d clients: warm-up %,.0f events/s; measured %,d requests in %.1f s: "
					+ "%,.0f events/s accepted, %,.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors; "
					+ "CPU %.2f of %d cores, GC pauses %d ms%n", options.clients(), warmUp.eventsPerSecond(),
					http.requests(), http.seconds(), http.eventsPerSecond(), http.requestsPerSecond(),
					http.p50Millis(), http.p99Millis(), http.errors(), usage.cores(http.seconds()),
					Runtime.getRuntime().availableProcessors(), usage.gcPauses().toMillis());

			before = ProcessUsage.now();
			ClientPhase client = ClientLoad.run(stack.uri(), TOKEN, events.records(), options.warmUp(),
					options.measure());
			usage = ProcessUsage.now().minus(before);
			out.printf(Locale.ROOT, "(b) UsageClient, default settings: measured %,.0f events/s reported, %,.0f "
					+ "events/s acknowledged, buffer full %,d times; in all %,d reported, %,d sent, %d refused, %d "
					+ "failed in %,d requests (%.0f events each), accepted request mean %.1f ms, max %.1f ms; CPU %.2f "
					+ "cores over the phase%n", client.reportedPerSecond(), client.acknowledgedPerSecond(),
					client.bufferFull(), client.reported(), client.sent(), client.refused(), client.failed(),
					client.requests(), (double) client.sent() / Math.max(1, client.requests()),
					client.meanRequestMillis(), client.maxRequestMillis(),
					usage.cores(options.warmUp().plus(options.measure()).toNanos() / 1e9));

			long accepted = warmUp.acceptedEvents() + http.acceptedEvents() + client.sent();
			long onTopic = stack.endOffsets();
			boolean topicMatches = onTopic == accepted;
			out.printf(Locale.ROOT, "topic %s holds %,d records; %,d events were answered 202: %s%n",
					GatewayStack.TOPIC, onTopic, accepted, topicMatches ? "OK" : "FAIL");
			out.printf(Locale.ROOT, "target %,.0f events/s accepted end to end: %s (HTTP %,.0f/s, client %,.0f/s)%n",
					TARGET_EVENTS_PER_SECOND, http.eventsPerSecond() >= TARGET_EVENTS_PER_SECOND ? "met" : "NOT met",
					http.eventsPerSecond(), client.acknowledgedPerSecond());
			boolean ok = topicMatches && warmUp.errors() == 0 && http.errors() == 0 && client.complete();
			if (http.errors() > 0 || warmUp.errors() > 0) {
				out.printf(Locale.ROOT, "FAIL: %d requests failed; the first: %s%n", warmUp.errors() + http.errors(),
						http.firstError() != null ? http.firstError() : warmUp.firstError());
			}
			if (!client.complete()) {
				out.println("FAIL: the client did not deliver every record it reported");
			}
			return ok ? 0 : 1;
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
