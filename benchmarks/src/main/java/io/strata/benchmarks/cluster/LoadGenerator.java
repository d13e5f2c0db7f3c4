package io.strata.benchmarks.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.strata.engine.error.StrataException;

/**
 * Closed-loop load: {@code clients} threads, each sending the mix's next query as soon as its
 * last one is answered, until the stretch's time is up (a query under way then still completes
 * and counts). Latency is the client's: from just before the request is sent until the whole
 * answer is read. Threading: one call of {@link #run} at a time; it starts and joins its own
 * client threads.
 */
final class LoadGenerator {

	/** How long after the end of a stretch a client may still be waiting for its last answer. */
	private static final Duration GRACE = Duration.ofSeconds(90);

	private static final int MAX_ERROR_TEXT = 300;

	private final BrokerClient broker;

	private final int clients;

	LoadGenerator(BrokerClient broker, int clients) {
		this.broker = broker;
		this.clients = clients;
	}

	/**
	 * Drives the broker for {@code duration}. Client {@code i} draws its queries from a generator
	 * seeded {@code seed + i}, so equal seeds ask the same sequence of queries.
	 */
	PhaseResult run(DashboardMix mix, Duration duration, long seed) {
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<LatencyLog> logs = new ArrayList<>();
		List<Future<?>> running = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(this.clients,
				Thread.ofPlatform().name("bench-client-", 0).factory());
		try {
			for (int i = 0; i < this.clients; i++) {
				LatencyLog log = new LatencyLog();
				SplittableRandom random = new SplittableRandom(seed + i);
				logs.add(log);
				running.add(threads.submit(() -> drive(mix, random, end, log)));
			}
			for (Future<?> client : running) {
				client.get(Math.max(1, end - System.nanoTime()) + GRACE.toNanos(), TimeUnit.NANOSECONDS);
			}
		}
		catch (TimeoutException ex) {
			throw StrataException.timeout("A client was still waiting for the broker [%s] after the run ended", GRACE);
		}
		catch (ExecutionException ex) {
			throw StrataException.defensive("A client thread failed: %s", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw StrataException.interrupted("Interrupted while the clients ran");
		}
		finally {
			threads.shutdownNow();
		}
		return PhaseResult.of(logs, System.nanoTime() - start);
	}

	private void drive(DashboardMix mix, SplittableRandom random, long end, LatencyLog log) {
		while (System.nanoTime() < end) {
			DashboardMix.Request request = mix.next(random);
			long sent = System.nanoTime();
			try {
				BrokerClient.Reply reply = this.broker.query(request.json());
				long elapsed = System.nanoTime() - sent;
				if (reply.status() == 200) {
					log.answered(request.type(), elapsed);
				}
				else {
					log.failed("HTTP " + reply.status() + " to " + request.type() + ": " + abbreviate(reply.body()));
				}
			}
			catch (StrataException ex) {
				// the broker could not be reached or broke off: a failed query, not a failed benchmark
				log.failed(request.type() + ": " + ex.getMessage()
						+ (ex.getCause() != null ? " (" + ex.getCause() + ")" : ""));
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "...";
	}

}
