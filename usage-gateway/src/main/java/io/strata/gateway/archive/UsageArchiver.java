package io.strata.gateway.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.strata.avro.schema.UsageEvent;
import io.strata.gateway.storage.DeepStorage;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies the usage topic into hourly Parquet files in deep storage, each event exactly once.
 * <p>
 * Offsets are committed to Kafka only after every file holding their records is durably
 * written, so a crash never loses an event. Before writing a partition's files the archiver
 * stores a pending marker naming them and the offset it will commit; a restarted archiver that
 * finds a marker whose offset Kafka has not committed removes those files and reads the records
 * again, so a crash between the files and the commit never duplicates one either. Records that
 * cannot be read (bad Avro, unknown schema id) are counted and kept aside, with their offset and
 * reason, in the same flush; archiving goes on.
 * <p>
 * One thread owns the Kafka consumer. A failed flush (deep storage or Kafka unavailable) drops
 * the consumer without committing and starts over after a back-off, through the same recovery.
 */
public final class UsageArchiver implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(UsageArchiver.class);

	private final ArchiverSettings settings;

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final Deserializer<UsageEvent> values;

	private final DeepStorage storage;

	private final ArchiverHooks hooks;

	private final ArchiverMetrics metrics;

	private final ParquetEventWriter parquet = new ParquetEventWriter(CompressionCodecName.SNAPPY);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<TopicPartition, PartitionBuffer> buffers = new HashMap<>();

	private final AtomicLong lag = new AtomicLong();

	private volatile boolean running;

	private volatile Consumer<byte[], byte[]> consumer;

	private Thread thread;

	private long firstBufferedNanos;

	private int buffered;

	public UsageArchiver(ArchiverSettings settings, Supplier<Consumer<byte[], byte[]>> consumers,
			Deserializer<UsageEvent> values, DeepStorage storage, ArchiverMetrics metrics, ArchiverHooks hooks) {
		this.settings = settings;
		this.consumers = consumers;
		this.values = values;
		this.storage = storage;
		this.metrics = metrics;
		this.hooks = hooks;
		metrics.lagGauge(this.lag::get);
	}

	public synchronized void start() {
		if (this.thread != null) {
			throw new IllegalStateException("The archiver was started already");
		}
		this.running = true;
		this.thread = Thread.ofPlatform()
			.name("usage-archiver")
			.daemon(true)
			.uncaughtExceptionHandler((thread, error) -> logger.error("The archiver stopped; nothing more is archived "
					+ "until it is restarted (unarchived records stay on the topic)", error))
			.start(this::run);
	}

	/** Records read from the topic but not yet archived and committed, over every assigned partition. */
	public long lag() {
		return this.lag.get();
	}

	/** Whether the archiving thread is alive (it ends on {@link #close()}, or when a hook stops it). */
	public boolean isRunning() {
		Thread current = this.thread;
		return current != null && current.isAlive();
	}

	/** Flushes what is buffered, commits, and stops. */
	@Override
	public void close() {
		this.running = false;
		Consumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread owner = this.thread;
		if (owner != null) {
			try {
				owner.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// a thread stopped by a hook leaves its consumer open; close it without committing, as a crash would
		if (this.consumer != null && (owner == null || !owner.isAlive())) {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
			this.consumer = null;
		}
	}

	private void run() {
		while (this.running) {
			try {
				consume();
			}
			catch (WakeupException ex) {
				// close() woke the consumer
			}
			catch (RuntimeException | IOException ex) {
				this.metrics.flushFailed();
				logger.warn("Archiving stopped: {}; reading again from the last committed offsets in {}", ex.toString(),
						this.settings.retryBackoff());
				discardBuffers(this.buffers.keySet());
				closeConsumer();
				sleep(this.settings.retryBackoff());
			}
		}
	}

	private void consume() throws IOException {
		this.consumer = this.consumers.get();
		this.consumer.subscribe(List.of(this.settings.topic()), new Recovery());
		try {
			while (this.running) {
				ConsumerRecords<byte[], byte[]> records = this.consumer.poll(pollTimeout());
				for (ConsumerRecord<byte[], byte[]> record : records) {
					buffer(record);
				}
				if (this.buffered >= this.settings.maxRecords() || (this.buffered > 0
						&& System.nanoTime() - this.firstBufferedNanos >= this.settings.flushInterval().toNanos())) {
					flush();
				}
				updateLag();
			}
		}
		catch (WakeupException ex) {
			if (this.running) {
				throw ex;
			}
		}
		if (this.buffered > 0) {
			flush();
		}
		closeConsumer();
	}

	private Duration pollTimeout() {
		if (this.buffered == 0) {
			return Duration.ofMillis(500);
		}
		long left = this.settings.flushInterval().toNanos() - (System.nanoTime() - this.firstBufferedNanos);
		return Duration.ofNanos(Math.clamp(left, 0, Duration.ofMillis(500).toNanos()));
	}

	private void buffer(ConsumerRecord<byte[], byte[]> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		PartitionBuffer buffer = this.buffers.computeIfAbsent(partition, any -> new PartitionBuffer());
		if (this.buffered == 0) {
			this.firstBufferedNanos = System.nanoTime();
		}
		this.buffered++;
		UsageEvent event;
		try {
			event = record.value() == null ? null : this.values.deserialize(record.topic(), record.value());
		}
		catch (RuntimeException ex) {
			buffer.reject(new PartitionBuffer.Rejected(record.offset(), ex.getMessage(), record.key(), record.value()));
			return;
		}
		if (event == null) {
			buffer.reject(new PartitionBuffer.Rejected(record.offset(), "record has no value (tombstone)", record.key(), null));
			return;
		}
		buffer.add(record.offset(), event);
	}

	private void flush() throws IOException {
		long start = System.nanoTime();
		Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
		List<PendingFlush> flushes = new ArrayList<>();
		int events = 0;
		int rejected = 0;
		int files = 0;
		for (Map.Entry<TopicPartition, PartitionBuffer> entry : this.buffers.entrySet()) {
			PartitionBuffer buffer = entry.getValue();
			if (buffer.isEmpty()) {
				continue;
			}
			PendingFlush pending = write(entry.getKey(), buffer);
			flushes.add(pending);
			commits.put(entry.getKey(), new OffsetAndMetadata(pending.nextOffset()));
			events += buffer.events();
			rejected += buffer.rejected().size();
			files += pending.keys().size();
		}
		this.hooks.beforeCommit();
		this.consumer.commitSync(commits);
		for (PendingFlush pending : flushes) {
			this.storage.delete(this.settings.layout().pendingMarker(pending.topic(), pending.partition()));
		}
		this.buffers.clear();
		this.buffered = 0;
		this.metrics.flushed(events, rejected, files, System.nanoTime() - start);
	}

	private PendingFlush write(TopicPartition partition, PartitionBuffer buffer) throws IOException {
		ArchiveLayout layout = this.settings.layout();
		String topic = partition.topic();
		int number = partition.partition();
		Map<String, List<UsageEvent>> files = new LinkedHashMap<>();
		buffer.eventsByHour().forEach((hour, events) -> files.put(
				layout.eventsFile(hour, topic, number, buffer.firstOffset(), buffer.lastOffset()), events));
		List<String> keys = new ArrayList<>(files.keySet());
		String rejectedKey = layout.rejectedFile(topic, number, buffer.firstOffset(), buffer.lastOffset());
		if (!buffer.rejected().isEmpty()) {
			keys.add(rejectedKey);
		}
		PendingFlush pending = new PendingFlush(topic, number, buffer.firstOffset(), buffer.lastOffset() + 1, keys);
		this.storage.putBytes(layout.pendingMarker(topic, number), this.json.writeValueAsBytes(pending));
		Files.createDirectories(this.settings.workDirectory());
		for (Map.Entry<String, List<UsageEvent>> file : files.entrySet()) {
			Path local = Files.createTempFile(this.settings.workDirectory(), "archive-", ".parquet");
			try {
				this.parquet.write(local, file.getValue());
				this.storage.put(file.getKey(), local);
			}
			finally {
				Files.deleteIfExists(local);
			}
			this.hooks.afterObjectWritten(file.getKey());
		}
		if (!buffer.rejected().isEmpty()) {
			this.storage.putBytes(rejectedKey, rejectedLines(number, buffer.rejected()));
			this.hooks.afterObjectWritten(rejectedKey);
		}
		return pending;
	}

	private byte[] rejectedLines(int partition, List<PartitionBuffer.Rejected> rejected) {
		StringBuilder lines = new StringBuilder();
		Base64.Encoder base64 = Base64.getEncoder();
		for (PartitionBuffer.Rejected record : rejected) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("partition", partition);
			line.put("offset", record.offset());
			line.put("reason", record.reason());
			line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
			line.put("value", record.value() == null ? null : base64.encodeToString(record.value()));
			lines.append(this.json.writeValueAsString(line)).append('\n');
		}
		return lines.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void updateLag() {
		long total = this.buffered;
		for (TopicPartition partition : this.consumer.assignment()) {
			total += this.consumer.currentLag(partition).orElse(0);
		}
		this.lag.set(total);
	}

	private void discardBuffers(Collection<TopicPartition> partitions) {
		for (TopicPartition partition : List.copyOf(partitions)) {
			PartitionBuffer dropped = this.buffers.remove(partition);
			if (dropped != null) {
				this.buffered -= dropped.size();
			}
		}
		if (this.buffers.isEmpty()) {
			this.buffered = 0;
		}
	}

	private void closeConsumer() {
		Consumer<byte[], byte[]> current = this.consumer;
		this.consumer = null;
		if (current != null) {
			try {
				current.close(CloseOptions.timeout(Duration.ofSeconds(5)));
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the archive consumer failed", ex);
			}
		}
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/**
	 * Settles what a previous owner of each newly assigned partition left half done, before any
	 * of its records is read: a flush whose offset was committed only lost its marker's removal;
	 * one whose offset was not has its files removed, and its records are read again.
	 */
	private final class Recovery implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			Consumer<byte[], byte[]> owner = UsageArchiver.this.consumer;
			Map<TopicPartition, OffsetAndMetadata> committed = owner.committed(Set.copyOf(partitions));
			for (TopicPartition partition : partitions) {
				try {
					settle(partition, committed.get(partition));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		private void settle(TopicPartition partition, OffsetAndMetadata committed) throws IOException {
			ArchiveLayout layout = UsageArchiver.this.settings.layout();
			String marker = layout.pendingMarker(partition.topic(), partition.partition());
			Optional<byte[]> bytes = UsageArchiver.this.storage.readBytes(marker);
			if (bytes.isEmpty()) {
				return;
			}
			PendingFlush pending = UsageArchiver.this.json.readValue(bytes.get(), PendingFlush.class);
			if (committed == null || committed.offset() < pending.nextOffset()) {
				for (String key : pending.keys()) {
					UsageArchiver.this.storage.delete(key);
				}
				logger.info("Removed {} file(s) of an interrupted flush of {} (offsets {}..{}); reading them again",
						pending.keys().size(), partition, pending.firstOffset(), pending.nextOffset() - 1);
			}
			UsageArchiver.this.storage.delete(marker);
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			// not committed: the next owner reads them again from the last commit
			discardBuffers(partitions);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			discardBuffers(partitions);
		}

	}

}
