package io.strata.benchmarks.streaming;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.strata.avro.schema.UsageEvent;
import io.strata.engine.error.StrataException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A thread producing usage events at a steady rate, timestamped now and keyed by account as the
 * gateway keys them, and one probe event every probe interval (numbered in the {@link ProbeLog},
 * whose acknowledgement time it records). The schedule is absolute: a thread that fell behind
 * (a GC pause, a full producer buffer) catches up, and how far behind it fell is kept, so that
 * a run can tell whether the rate was really sustained. Threading: started and closed by one
 * thread; the counters may be read from any.
 */
final class PacedProducer implements AutoCloseable {

	/** How long the thread parks between checks of the schedule: at 10,000/s, about 5 events a check. */
	private static final long PARK_NANOS = 500_000;

	private final KafkaProducer<String, UsageEvent> producer;

	private final String topic;

	private final UsageEventSource events;

	private final int rate;

	private final long probeIntervalNanos;

	private final ProbeLog probes;

	private final AtomicLong acked = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

	private final AtomicLong maxBehindEvents = new AtomicLong();

	private volatile boolean running = true;

	private Thread thread;

	PacedProducer(KafkaProducer<String, UsageEvent> producer, String topic, UsageEventSource events, int rate,
			Duration probeInterval, ProbeLog probes) {
		this.producer = producer;
		this.topic = topic;
		this.events = events;
		this.rate = rate;
		this.probeIntervalNanos = probeInterval.toNanos();
		this.probes = probes;
	}

	void start() {
		this.thread = Thread.ofPlatform().name("paced-producer").start(this::produce);
	}

	private void produce() {
		try {
			paced();
		}
		catch (RuntimeException ex) {
			// counted like a failed send: the run checks for failures before it reports anything
			failed(ex);
		}
	}

	private void paced() {
		long start = System.nanoTime();
		long sent = 0;
		long nextProbe = start;
		while (this.running) {
			long now = System.nanoTime();
			long due = (now - start) * this.rate / TimeUnit.SECONDS.toNanos(1);
			this.maxBehindEvents.accumulateAndGet(due - sent, Math::max);
			while (sent < due) {
				UsageEvent event = this.events.next(System.currentTimeMillis());
				this.producer.send(new ProducerRecord<>(this.topic, event.getAccountId(), event), (metadata, error) -> {
					if (error == null) {
						this.acked.incrementAndGet();
					}
					else {
						failed(error);
					}
				});
				sent++;
			}
			if (now - nextProbe >= 0) {
				sendProbe();
				nextProbe += this.probeIntervalNanos;
			}
			LockSupport.parkNanos(PARK_NANOS);
		}
	}

	private void sendProbe() {
		int probe = this.probes.next(System.nanoTime());
		if (probe == 0) {
			return;
		}
		UsageEvent event = this.events.probe(System.currentTimeMillis());
		this.producer.send(new ProducerRecord<>(this.topic, event.getAccountId(), event), (metadata, error) -> {
			if (error == null) {
				this.probes.acked(probe, System.nanoTime());
			}
			else {
				failed(error);
			}
		});
	}

	private void failed(Exception error) {
		this.failed.incrementAndGet();
		this.firstFailure.compareAndSet(null, error);
	}

	/** Events (not probes) Kafka acknowledged so far. */
	long acked() {
		return this.acked.get();
	}

	/** The most events the thread was behind its schedule, at a check of it, since the last call. */
	long takeMaxBehindEvents() {
		return this.maxBehindEvents.getAndSet(0);
	}

	/** Fails the run when any send failed: a lost probe would shift every later probe's count. */
	void checkNoFailures() {
		if (this.failed.get() > 0) {
			Exception first = this.firstFailure.get();
			throw StrataException.unavailable("[%d] sends to topic[%s] failed; the first: %s", this.failed.get(),
					this.topic, first);
		}
	}

	/** Stops producing and waits until Kafka answered every send. */
	@Override
	public void close() {
		this.running = false;
		if (this.thread != null) {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw StrataException.interrupted("Interrupted stopping the producer of topic[%s]", this.topic);
			}
		}
		this.producer.flush();
	}

}
