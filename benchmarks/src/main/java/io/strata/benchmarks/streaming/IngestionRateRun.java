package io.strata.benchmarks.streaming;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.strata.avro.schema.UsageEvent;
import io.strata.benchmarks.ProcessUsage;
import io.strata.engine.error.StrataException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;

/**
 * The ingestion-rate run: the backlog topic is filled with usage events first (timestamps spaced
 * as if produced at the freshness run's rate, ending now), then a supervisor starts one task on it
 * from the earliest offset, and the task's row count, read from its chat handler every
 * {@link #SAMPLE}, gives its rate from the first events read to the last (see
 * {@link IngestionProgress}). The thread that used the most CPU meanwhile is the task's reading
 * thread: its CPU time says how much of a core the task had. Then the broker must count every event.
 */
final class IngestionRateRun {

	static final String DATA_SOURCE = "usage_backlog";

	private static final Duration SAMPLE = Duration.ofMillis(20);

	/** Stretches over which the slowest and fastest rates are given. */
	private static final Duration WINDOW = Duration.ofSeconds(2);

	/** How often the supervisor's lag is read, as a cross-check of the row counts. */
	private static final Duration LAG_EVERY = Duration.ofMillis(250);

	private IngestionRateRun() {
	}

	static Result run(StreamingStack stack, StreamingOptions options) throws InterruptedException {
		long events = options.prefill();
		System.out.printf("ingestion rate: writing %,d events to %s%n", events, StreamingStack.BACKLOG_TOPIC);
		double fillSeconds = fill(stack, events, options.rate());
		long onTopic = stack.endOffsets(StreamingStack.BACKLOG_TOPIC);
		if (onTopic != events) {
			throw StrataException.defensive("Topic[%s] holds [%d] records, not the [%d] written",
					StreamingStack.BACKLOG_TOPIC, onTopic, events);
		}
		// the live task publishes and hands off after its supervisor ends: not while this one reads
		stack.awaitNoTasks(Duration.ofMinutes(3));
		System.out.printf("ingestion rate: starting the supervisor of %s%n", DATA_SOURCE);
		long submitted = System.nanoTime();
		stack.submitSupervisor(UsageSupervisorSpec.json(DATA_SOURCE, StreamingStack.BACKLOG_TOPIC,
				stack.bootstrapServers(), stack.registryUrl(), options.maxRowsInMemory()));
		String[] task = { null };
		StreamingStack.await("the backlog task to start", Duration.ofSeconds(60), () -> {
			task[0] = stack.activeTask(DATA_SOURCE).orElse(null);
			return task[0] != null;
		});
		IngestionProgress progress = new IngestionProgress(events);
		ThreadCpu threadsAtFirstRead = null;
		ProcessUsage processAtFirstRead = null;
		long lagZeroNanos = 0;
		long nextLagCheck = 0;
		long deadline = System.nanoTime() + Math.max(Duration.ofMinutes(2).toNanos(), events * 50_000L);
		while (!progress.done()) {
			if (System.nanoTime() - deadline > 0) {
				throw StrataException.timeout("Task[%s] had not read the [%d] events of topic[%s] in time", task[0],
						events, StreamingStack.BACKLOG_TOPIC);
			}
			long rows = stack.rowsRead(task[0]).orElse(0L);
			long now = System.nanoTime();
			progress.sample(now, rows);
			if (rows > 0 && threadsAtFirstRead == null) {
				threadsAtFirstRead = ThreadCpu.now();
				processAtFirstRead = ProcessUsage.now();
			}
			if (threadsAtFirstRead != null && lagZeroNanos == 0 && now - nextLagCheck >= 0) {
				if (noLag(stack)) {
					lagZeroNanos = now;
				}
				nextLagCheck = now + LAG_EVERY.toNanos();
			}
			Thread.sleep(SAMPLE);
		}
		ThreadCpu threadsAtEnd = ThreadCpu.now();
		ProcessUsage process = ProcessUsage.now().minus(processAtFirstRead);
		if (lagZeroNanos == 0) {
			// the supervisor refreshes the task's offsets once a period: it may report the end later
			long[] zero = { 0 };
			StreamingStack.waitFor(Duration.ofSeconds(10), () -> {
				boolean none = noLag(stack);
				zero[0] = none ? System.nanoTime() : 0;
				return none;
			});
			lagZeroNanos = zero[0];
		}
		IngestionProgress.IngestionRate rate = progress.rate(WINDOW.toNanos())
			.orElseThrow(() -> StrataException.defensive("Every event was read before the first sample of task[%s]",
					task[0]));
		long firstRead = progress.firstReadNanos().orElseThrow();
		ThreadCpu.Busiest busiest = threadsAtEnd.busiestSince(threadsAtFirstRead).orElseThrow();
		long[] counted = { -1 };
		StreamingStack.waitFor(Duration.ofSeconds(30), () -> {
			counted[0] = stack.count(DATA_SOURCE, null);
			return counted[0] == events;
		});
		return new Result(events, stack.rows(DATA_SOURCE), events / fillSeconds, (firstRead - submitted) / 1e9, rate,
				busiest,
				process.cores(rate.seconds()), process.gcPauses(),
				lagZeroNanos == 0 ? Optional.empty() : Optional.of((lagZeroNanos - firstRead) / 1e9),
				counted[0] == events ? Optional.empty() : Optional.of(counted[0]));
	}

	/** Whether the supervisor reports a lag, and it is 0 (before its first run it reports none). */
	private static boolean noLag(StreamingStack stack) {
		JsonNode lag = stack.supervisorStatus(DATA_SOURCE).path("payload").path("aggregateLag");
		return lag.isNumber() && lag.asLong() == 0;
	}

	/** Writes {@code events} as fast as the producer takes them; returns the seconds until all were acknowledged. */
	private static double fill(StreamingStack stack, long events, int rate) {
		UsageEventSource source = new UsageEventSource(23, "backlog-");
		AtomicLong failed = new AtomicLong();
		AtomicReference<Exception> firstFailure = new AtomicReference<>();
		long start = System.nanoTime();
		long endMillis = System.currentTimeMillis();
		try (KafkaProducer<String, UsageEvent> producer = stack.producer()) {
			for (long i = 0; i < events; i++) {
				UsageEvent event = source.next(endMillis - (events - i) * 1000 / rate);
				producer.send(new ProducerRecord<>(StreamingStack.BACKLOG_TOPIC, event.getAccountId(), event),
						(metadata, error) -> {
							if (error != null) {
								failed.incrementAndGet();
								firstFailure.compareAndSet(null, error);
							}
						});
			}
			producer.flush();
		}
		if (failed.get() > 0) {
			throw StrataException.unavailable("[%d] sends to topic[%s] failed; the first: %s", failed.get(),
					StreamingStack.BACKLOG_TOPIC, firstFailure.get());
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * @param events events on the topic
	 * @param rows the rows they rolled up into
	 * @param fillRate events/s the producer wrote them at (acknowledged)
	 * @param startSeconds from the supervisor's submit to the first events read
	 * @param rate the task's reading rate
	 * @param busiest the thread that used the most CPU while the task read (its reading thread)
	 * @param busyCores CPU of the whole JVM while the task read
	 * @param gcPauses collector pauses while the task read
	 * @param lagZeroSeconds when the supervisor first reported no lag, after the first read; empty when it never did
	 * @param miscounted the broker's total when it never equalled {@code events}; empty when it did
	 */
	record Result(long events, long rows, double fillRate, double startSeconds, IngestionProgress.IngestionRate rate,
			ThreadCpu.Busiest busiest, double busyCores, Duration gcPauses, Optional<Double> lagZeroSeconds,
			Optional<Long> miscounted) {

	}

}
