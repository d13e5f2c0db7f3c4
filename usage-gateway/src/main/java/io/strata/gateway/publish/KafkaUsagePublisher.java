package io.strata.gateway.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.gateway.crypto.IdentifierCipher;
import io.strata.gateway.http.UsageEventInput;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Produces events to the usage topic keyed by account (one account's events stay in order on one
 * partition) and waits, within {@code ackTimeout} in all, for every acknowledgement. Thread-safe
 * (the Kafka producer is).
 */
public final class KafkaUsagePublisher implements UsagePublisher {

	private final Producer<String, UsageEvent> producer;

	private final String topic;

	private final UsageEventRecords records;

	private final Duration ackTimeout;

	private final Timer produceLatency;

	public KafkaUsagePublisher(Producer<String, UsageEvent> producer, String topic, IdentifierCipher cipher,
			Duration ackTimeout, MeterRegistry meters) {
		this.producer = producer;
		this.topic = topic;
		this.records = new UsageEventRecords(cipher);
		this.ackTimeout = ackTimeout;
		this.produceLatency = Timer.builder("strata.gateway.produce.latency")
			.description("From the first send of a request's events to Kafka's last acknowledgement")
			.register(meters);
	}

	@Override
	public void publish(List<UsageEventInput> events, EventSource source) {
		UsageSource avroSource = source == EventSource.BATCH ? UsageSource.BATCH : UsageSource.API;
		long start = System.nanoTime();
		long deadline = start + this.ackTimeout.toNanos();
		List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
		try {
			for (UsageEventInput event : events) {
				acks.add(this.producer.send(new ProducerRecord<>(this.topic, event.accountId(),
						this.records.toAvro(event, avroSource))));
			}
		}
		catch (KafkaException ex) {
			// send() gives up after max.block.ms when no broker answers for the topic's metadata
			throw new PublishUnavailableException("Kafka refused the events (" + ex.getMessage() + ")", ex);
		}
		for (Future<RecordMetadata> ack : acks) {
			try {
				ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				throw new PublishUnavailableException("no acknowledgement within " + this.ackTimeout, ex);
			}
			catch (ExecutionException ex) {
				throw new PublishUnavailableException("Kafka did not take an event (" + ex.getCause().getMessage() + ")",
						ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PublishUnavailableException("interrupted while waiting for Kafka", ex);
			}
		}
		this.produceLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

}
