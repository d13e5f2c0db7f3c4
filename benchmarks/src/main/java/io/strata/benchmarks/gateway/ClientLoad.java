package io.strata.benchmarks.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.gateway.client.DeliveryListener;
import io.strata.gateway.client.UsageClient;
import io.strata.gateway.client.UsageRecord;

/**
 * The {@code UsageClient} with its default settings, fed by one thread that reports records as
 * fast as the client takes them: when the buffer is full the record is offered again a moment
 * later, so the rate measured is what the client sustains, and nothing is lost. Counts come from
 * the client's own meters. Threading: runs in the calling thread; the client has its senders.
 */
final class ClientLoad {

	private static final String PREFIX = "strata.usage.client.";

	private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(2);

	private ClientLoad() {
	}

	static ClientPhase run(URI gateway, String token, List<UsageRecord> records, Duration warmUp, Duration measure)
			throws Exception {
		MeterRegistry meters = new SimpleMeterRegistry();
		// the listener only has to exist: refused and failed records are counted by the meters
		DeliveryListener quiet = refusal -> {
		};
		long reported = 0;
		long bufferFull = 0;
		long reportedAtStart = 0;
		long fullAtStart = 0;
		double sentAtStart = 0;
		double sentAtEnd;
		try (UsageClient client = UsageClient.builder(gateway, token).meters(meters).listener(quiet).build()) {
			long start = System.nanoTime();
			long measureStart = start + warmUp.toNanos();
			long end = measureStart + measure.toNanos();
			boolean measuring = false;
			int next = 0;
			for (long now = start; now < end; now = System.nanoTime()) {
				if (!measuring && now >= measureStart) {
					measuring = true;
					reportedAtStart = reported;
					fullAtStart = bufferFull;
					sentAtStart = count(meters, "events.sent");
				}
				if (client.report(records.get(next))) {
					reported++;
					next = next + 1 == records.size() ? 0 : next + 1;
				}
				else {
					bufferFull++;
					LockSupport.parkNanos(50_000);
				}
			}
			sentAtEnd = count(meters, "events.sent");
			client.flush().get(FLUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		double seconds = measure.toNanos() / 1e9;
		Timer accepted = meters.get(PREFIX + "request.latency").tag("outcome", "accepted").timer();
		long requests = 0;
		for (Timer timer : meters.get(PREFIX + "request.latency").timers()) {
			requests += timer.count();
		}
		return new ClientPhase((reported - reportedAtStart) / seconds, (sentAtEnd - sentAtStart) / seconds,
				bufferFull - fullAtStart, reported, (long) count(meters, "events.sent"),
				(long) count(meters, "events.refused"), (long) count(meters, "events.failed"), requests,
				accepted.mean(TimeUnit.MILLISECONDS), accepted.max(TimeUnit.MILLISECONDS));
	}

	private static double count(MeterRegistry meters, String name) {
		return meters.get(PREFIX + name).counter().count();
	}

}
