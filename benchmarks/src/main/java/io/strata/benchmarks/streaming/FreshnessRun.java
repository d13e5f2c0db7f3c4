package io.strata.benchmarks.streaming;

import java.time.Duration;
import java.util.Optional;

import io.strata.avro.schema.UsageEvent;
import io.strata.benchmarks.LatencySummary;
import io.strata.benchmarks.ProcessUsage;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The freshness run: a supervisor reads the live topic while a producer paces usage events into it
 * at the configured rate with a probe event every probe interval, and a poller asks the broker for
 * the probe account's count. After the warm-up, the probes acknowledged during the measured window
 * give the latency from Kafka's acknowledgement to the first broker answer counting the event.
 * Then the datasource's total must equal every event Kafka acknowledged.
 */
final class FreshnessRun {

	static final String DATA_SOURCE = "usage_live";

	/** Pause between two probe queries: about 100 queries a second, each a few milliseconds. */
	private static final Duration POLL_PAUSE = Duration.ofMillis(10);

	/** How long probes acknowledged at the end of the window may take to be counted before they are unseen. */
	private static final Duration DRAIN = Duration.ofSeconds(30);

	private FreshnessRun() {
	}

	static Result run(StreamingStack stack, StreamingOptions options) throws InterruptedException {
		stack.submitSupervisor(UsageSupervisorSpec.json(DATA_SOURCE, StreamingStack.LIVE_TOPIC,
				stack.bootstrapServers(), stack.registryUrl(), options.maxRowsInMemory()));
		StreamingStack.await("the live task to read", Duration.ofSeconds(60),
				() -> stack.activeTask(DATA_SOURCE).flatMap(stack::rowsRead).isPresent());
		ProbeLog probes = new ProbeLog(options.probes());
		long windowStart;
		long windowEnd;
		long ackedInWindow;
		long maxBehind;
		long acked;
		ProcessUsage usage;
		ProbeLog.Freshness freshness;
		LatencySummary queries;
		ProbePoller poller = new ProbePoller(account -> stack.count(DATA_SOURCE, account), probes, POLL_PAUSE);
		poller.start();
		try (KafkaProducer<String, UsageEvent> kafka = stack.producer()) {
			PacedProducer producer = new PacedProducer(kafka, StreamingStack.LIVE_TOPIC, new UsageEventSource(11, "live-"),
					options.rate(), options.probeInterval(), probes);
			producer.start();
			try {
				System.out.printf("freshness: producing %,d events/s, warming up for %d s%n", options.rate(),
						options.warmUp().toSeconds());
				Thread.sleep(options.warmUp());
				ProcessUsage before = ProcessUsage.now();
				long ackedBefore = producer.acked();
				producer.takeMaxBehindEvents();
				windowStart = System.nanoTime();
				System.out.printf("freshness: measuring for %d s%n", options.measure().toSeconds());
				Thread.sleep(options.measure());
				windowEnd = System.nanoTime();
				ackedInWindow = producer.acked() - ackedBefore;
				maxBehind = producer.takeMaxBehindEvents();
				usage = ProcessUsage.now().minus(before);
			}
			finally {
				producer.close();
			}
			producer.checkNoFailures();
			acked = producer.acked();
			long end = windowEnd;
			// a probe not counted by then is reported as unseen, not waited for
			StreamingStack.waitFor(DRAIN, () -> probes.allSeenAckedBy(end));
		}
		finally {
			poller.stop();
		}
		poller.checkNoFailure();
		freshness = probes.measured(windowStart, windowEnd);
		queries = poller.queryDurations(windowStart, windowEnd);
		long expected = acked + probes.acked();
		long[] counted = { -1 };
		StreamingStack.waitFor(Duration.ofSeconds(30), () -> {
			counted[0] = stack.count(DATA_SOURCE, null);
			return counted[0] == expected;
		});
		double seconds = (windowEnd - windowStart) / 1e9;
		return new Result(options.rate(), seconds, ackedInWindow / seconds, maxBehind * 1000.0 / options.rate(),
				freshness, queries, usage.cores(seconds), usage.gcPauses(), expected,
				counted[0] == expected ? Optional.empty() : Optional.of(counted[0]));
	}

	/**
	 * @param rate the producer's target, events/s
	 * @param seconds the measured window
	 * @param achievedRate events Kafka acknowledged in the window, per second
	 * @param maxBehindMillis the furthest the producer was behind its schedule in the window, in milliseconds of events
	 * @param freshness the probes of the window
	 * @param queries durations of the probe queries answered in the window
	 * @param busyCores CPU of the whole JVM over the window (broker, cluster, producer, poller)
	 * @param gcPauses collector pauses in the window
	 * @param expected events Kafka acknowledged in the whole run, probes included
	 * @param miscounted the broker's total when it never equalled {@code expected}; empty when it did
	 */
	record Result(int rate, double seconds, double achievedRate, double maxBehindMillis, ProbeLog.Freshness freshness,
			LatencySummary queries, double busyCores, Duration gcPauses, long expected, Optional<Long> miscounted) {

	}

}
