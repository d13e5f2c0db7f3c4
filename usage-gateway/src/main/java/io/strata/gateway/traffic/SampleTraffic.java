package io.strata.gateway.traffic;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.gateway.client.UsageClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports {@code eventsPerSecond} generated usage records to a gateway through a
 * {@link UsageClient} of its own, at a steady pace, and logs the totals every
 * {@code logInterval}. The client's meters ({@code strata.usage.client.*},
 * {@code client=sample-traffic}) go to the registry given, so they also show on the gateway's
 * {@code /actuator/prometheus}.
 *
 * <p>
 * Threading: one scheduler thread of its own generates and reports (every 100 ms, what the rate
 * owes since the start) and logs; the client's sender threads post. {@link #totals()} may be read
 * from any thread. {@link #close()} stops generating, then lets the client send what it buffered.
 */
public final class SampleTraffic implements AutoCloseable {

	/** Tags the client's meters and names its threads. */
	public static final String CLIENT_NAME = "sample-traffic";

	private static final Logger LOG = LoggerFactory.getLogger(SampleTraffic.class);

	private static final long TICK_MILLIS = 100;

	private static final String CLIENT_METERS = "strata.usage.client.events.";

	private final UsageClient client;

	private final SampleUsageRecords records;

	private final int eventsPerSecond;

	private final MeterRegistry meters;

	private final ScheduledExecutorService scheduler;

	private final long startNanos = System.nanoTime();

	/** Events the pace asked for so far; scheduler thread only. */
	private long paced;

	private volatile long sent;

	private volatile long dropped;

	private long sentAtLastLog;

	private SampleTraffic(UsageClient client, SampleUsageRecords records, int eventsPerSecond, MeterRegistry meters) {
		this.client = client;
		this.records = records;
		this.eventsPerSecond = eventsPerSecond;
		this.meters = meters;
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(CLIENT_NAME).daemon(true).factory());
	}

	/**
	 * Starts reporting to the gateway at {@code gateway} (its base URI) with {@code token}.
	 * @param eventsPerSecond the pace, at least 1
	 */
	public static SampleTraffic start(URI gateway, String token, int eventsPerSecond, SampleUsageRecords records,
			Duration logInterval, MeterRegistry meters) {
		Objects.requireNonNull(records, "records");
		Objects.requireNonNull(meters, "meters");
		if (eventsPerSecond < 1) {
			throw new IllegalArgumentException("eventsPerSecond[" + eventsPerSecond + "] must be positive");
		}
		UsageClient client = UsageClient.builder(gateway, token).name(CLIENT_NAME).meters(meters).build();
		SampleTraffic traffic = new SampleTraffic(client, records, eventsPerSecond, meters);
		traffic.scheduler.scheduleAtFixedRate(traffic::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
		long logMillis = logInterval.toMillis();
		traffic.scheduler.scheduleAtFixedRate(() -> traffic.log(logInterval), logMillis, logMillis,
				TimeUnit.MILLISECONDS);
		LOG.info("Sample traffic: {} events/s to the gateway at {}", eventsPerSecond, gateway);
		return traffic;
	}

	private void tick() {
		try {
			long due = (System.nanoTime() - this.startNanos) / 1_000_000 * this.eventsPerSecond / 1000;
			// after a stall (a long GC pause, a suspended machine) at most one second is made up:
			// a burst of everything missed would only look like a traffic spike
			this.paced = Math.max(this.paced, due - this.eventsPerSecond);
			for (; this.paced < due; this.paced++) {
				if (this.client.report(this.records.next())) {
					this.sent++;
				}
				else {
					this.dropped++;
				}
			}
		}
		catch (RuntimeException | Error ex) {
			// the scheduler would swallow it and never run the tick again; say so once, loudly
			LOG.error("Sample traffic stopped", ex);
			throw ex;
		}
	}

	private void log(Duration interval) {
		TrafficTotals totals = totals();
		long recent = totals.sent() - this.sentAtLastLog;
		this.sentAtLastLog = totals.sent();
		LOG.info("Sample traffic: {} events in the last {} s; in all {} sent, {} accepted, {} refused, {} failed, {} dropped",
				recent, interval.toSeconds(), totals.sent(), totals.accepted(), totals.refused(), totals.failed(),
				totals.dropped());
	}

	/** The counts since the start; accepted, refused and failed come from the client's meters. */
	public TrafficTotals totals() {
		return new TrafficTotals(this.sent, clientCount("sent"), clientCount("refused"), clientCount("failed"),
				this.dropped);
	}

	private long clientCount(String suffix) {
		return (long) this.meters.find(CLIENT_METERS + suffix)
			.tag("client", CLIENT_NAME)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/** Stops generating, sends what the client holds (up to its close timeout) and logs the totals. */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			if (!this.scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
				LOG.warn("Sample traffic's generator did not stop within 5 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.client.close();
		TrafficTotals totals = totals();
		LOG.info("Sample traffic stopped: {} sent, {} accepted, {} refused, {} failed, {} dropped", totals.sent(),
				totals.accepted(), totals.refused(), totals.failed(), totals.dropped());
	}

}
