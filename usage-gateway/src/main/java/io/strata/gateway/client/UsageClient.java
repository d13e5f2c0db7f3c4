package io.strata.gateway.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What an API service embeds to report its calls to the usage gateway. {@link #report} puts a
 * record in a bounded in-memory buffer and returns at once; sender threads take the records in
 * batches (full, or after lingering) and post them to {@code POST /v1/usage/events}, retrying with
 * backoff what the network or the gateway could not take, and handing what the gateway refuses
 * for good to a {@link DeliveryListener}. Records are not persisted: a process that dies loses
 * what is buffered, which is why {@link #close()} sends it first.
 *
 * <p>
 * Threading: any number of threads may call {@link #report}, {@link #flush} and {@link #close}.
 * {@code report} never waits (a brief lock, no I/O): when the buffer is full it returns false and
 * counts the record dropped, so an outage of the gateway costs usage records, never the API's
 * latency. The client runs {@code senderThreads} daemon threads of its own; the listener and the
 * continuations of flush futures run on them. With more than one sender, batches may reach the
 * gateway out of order (each record keeps its own timestamp).
 *
 * <pre>{@code
 * UsageClient usage = UsageClient.builder(URI.create("http://gateway:8070"), token).meters(registry).build();
 * usage.report(UsageRecord.builder("acct-1", "person.enrich", 200).bundles(List.of("social")).build());
 * usage.close();   // at shutdown: sends what is buffered
 * }</pre>
 */
public final class UsageClient implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(UsageClient.class.getName());

	/** How long close() waits for senders it interrupted (an interrupted request ends quickly). */
	private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

	private final ClientSettings settings;

	private final EventBuffer buffer;

	private final ClientMetrics metrics;

	private final HttpClient http;

	private final BatchSender sender;

	private final List<Thread> senders = new ArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private UsageClient(ClientSettings settings) {
		this.settings = settings;
		this.buffer = new EventBuffer(settings.bufferCapacity(), settings.batchSize());
		this.metrics = new ClientMetrics(settings.meters(), settings.name(), this.buffer::size);
		// HTTP/1.1 outright: no h2c upgrade attempt on every new connection to a plain-http gateway
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.requestTimeout())
			.build();
		Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
				() -> ThreadLocalRandom.current().nextDouble());
		this.sender = new BatchSender(this.http, settings, backoff, new UsageJson(), this.metrics);
		for (int i = 0; i < settings.senderThreads(); i++) {
			// daemon: a client nobody closed must not keep the JVM alive
			Thread thread = Thread.ofPlatform()
				.name(settings.name() + "-sender-" + i)
				.daemon(true)
				.unstarted(this::runSender);
			this.senders.add(thread);
		}
		this.senders.forEach(Thread::start);
	}

	/** A client of the gateway at {@code gateway} (its base URI) that authenticates with {@code token}. */
	public static Builder builder(URI gateway, String token) {
		return new Builder(gateway, token);
	}

	/**
	 * Buffers a record for sending; never waits.
	 * @return false when the buffer is full or the client closed: the record is dropped (and counted)
	 */
	public boolean report(UsageRecord record) {
		Objects.requireNonNull(record, "record");
		if (this.buffer.offer(record, System.nanoTime())) {
			return true;
		}
		this.metrics.dropped(this.closed.get());
		return false;
	}

	/**
	 * Sends what is buffered without waiting for batches to fill. The future completes once every
	 * record reported before the call has left the client: accepted by the gateway, refused, or
	 * failed after its last retry (the last two told to the listener). It never completes
	 * exceptionally.
	 */
	public CompletableFuture<Void> flush() {
		return this.buffer.flush();
	}

	/**
	 * Stops taking records, sends what is buffered and stops the senders. Waits up to the close
	 * timeout; then interrupts the senders, and what was not delivered is counted failed and told
	 * to the listener. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.buffer.close();
		long deadline = System.nanoTime() + this.settings.closeTimeout().toNanos();
		boolean stopped = joinAll(deadline);
		if (!stopped) {
			this.senders.forEach(Thread::interrupt);
			stopped = joinAll(System.nanoTime() + INTERRUPT_GRACE.toNanos());
			if (!stopped) {
				LOG.log(System.Logger.Level.WARNING, "A usage client sender did not stop; its records may be lost");
			}
		}
		this.sender.abandoned(this.buffer.abandon());
		this.buffer.releaseFlushes();
		this.http.shutdownNow();
	}

	private boolean joinAll(long deadlineNanos) {
		try {
			for (Thread thread : this.senders) {
				long left = deadlineNanos - System.nanoTime();
				if (left > 0) {
					thread.join(Duration.ofNanos(left));
				}
			}
		}
		catch (InterruptedException ex) {
			// the caller of close() was interrupted: stop waiting, keep the interrupt for it to see
			Thread.currentThread().interrupt();
		}
		return this.senders.stream().noneMatch(Thread::isAlive);
	}

	private void runSender() {
		long lingerNanos = this.settings.linger().toNanos();
		try {
			while (true) {
				Optional<Batch> batch = this.buffer.take(lingerNanos);
				if (batch.isEmpty()) {
					return;
				}
				try {
					this.sender.deliver(batch.get().events());
				}
				finally {
					this.buffer.complete(batch.get());
				}
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The client's settings; every one has a default but the gateway and the token. Not thread-safe. */
	public static final class Builder {

		private final URI gateway;

		private final String token;

		private String name = "usage-client";

		private int batchSize = 100;

		private Duration linger = Duration.ofMillis(20);

		private int bufferCapacity = 10_000;

		private int maxRetries = 5;

		private Duration initialBackoff = Duration.ofMillis(100);

		private Duration maxBackoff = Duration.ofSeconds(5);

		private Duration requestTimeout = Duration.ofSeconds(10);

		private int senderThreads = 2;

		private Duration closeTimeout = Duration.ofSeconds(10);

		private DeliveryListener listener = new LoggingDeliveryListener();

		private MeterRegistry meters;

		private Builder(URI gateway, String token) {
			this.gateway = gateway;
			this.token = token;
		}

		/** Tags the client's meters and names its threads; change it when a service runs two clients. */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/** Records per request (100). The gateway's body limit (1 MB) holds about 2,000 typical ones. */
		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		/**
		 * How long a record may wait for its batch to fill (20 ms): longer makes fuller batches at low
		 * traffic, at the cost of that much delay and as many more records lost if the process dies.
		 */
		public Builder linger(Duration linger) {
			this.linger = linger;
			return this;
		}

		/**
		 * Records held in memory (10,000): how long an outage of the gateway is ridden out before
		 * records are dropped, at about 0.5 KB each.
		 */
		public Builder bufferCapacity(int bufferCapacity) {
			this.bufferCapacity = bufferCapacity;
			return this;
		}

		/** Retries of a batch after the first request (5); then its records are failed. */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/** The first retry's wait (100 ms); it doubles per retry, jittered, up to the maximum. */
		public Builder initialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
			return this;
		}

		/** The longest wait between retries (5 s), unless a Retry-After asks for more. */
		public Builder maxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * How long one request may take (10 s), connecting included. Keep it above the gateway's ack
		 * timeout (5 s), or a request the gateway would still answer is given up and sent again.
		 */
		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		/**
		 * Threads posting batches, 1 to 4 (2): each has at most one request open, so this bounds the
		 * client's throughput at {@code senderThreads * batchSize / request latency}. One keeps the
		 * order of records; more ride out one slow request.
		 */
		public Builder senderThreads(int senderThreads) {
			this.senderThreads = senderThreads;
			return this;
		}

		/** How long {@link UsageClient#close()} may spend sending what is buffered (10 s). */
		public Builder closeTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
			return this;
		}

		/** Told about refused and failed records; the default logs their number at WARNING. */
		public Builder listener(DeliveryListener listener) {
			this.listener = listener;
			return this;
		}

		/** Where the client's meters go; by default a registry of its own that nobody reads. */
		public Builder meters(MeterRegistry meters) {
			this.meters = meters;
			return this;
		}

		/**
		 * Checks the settings and starts the client's sender threads.
		 * @throws IllegalArgumentException naming the first setting out of range
		 */
		public UsageClient build() {
			return new UsageClient(new ClientSettings(this.gateway, this.token, this.name, this.batchSize,
					this.linger, this.bufferCapacity, this.maxRetries, this.initialBackoff, this.maxBackoff,
					this.requestTimeout, this.senderThreads, this.closeTimeout, this.listener,
					this.meters != null ? this.meters : new SimpleMeterRegistry()));
		}

	}

}
