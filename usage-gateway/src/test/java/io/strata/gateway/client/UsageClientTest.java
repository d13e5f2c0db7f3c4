package io.strata.gateway.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.gateway.client.TestingUsageGateway.Received;
import io.strata.gateway.client.TestingUsageGateway.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a fake gateway on the JDK's HTTP server. */
class UsageClientTest {

	private static final String TOKEN = "secret-token";

	private TestingUsageGateway gateway;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RecordingListener listener = new RecordingListener();

	private final List<UsageClient> clients = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		this.gateway = new TestingUsageGateway();
	}

	@AfterEach
	void stop() {
		this.clients.forEach(UsageClient::close);
		this.gateway.close();
	}

	@Test
	void fullBatchesLeaveAtOnceInTheOrderReported() throws Exception {
		UsageClient client = client(builder().batchSize(10).linger(Duration.ofSeconds(30)).senderThreads(1));
		List<UsageRecord> records = records("a", 30);
		records.forEach(record -> assertThat(client.report(record)).isTrue());

		// well before the 30 s linger: three full batches
		List<Received> requests = this.gateway.awaitRequests(3, Duration.ofSeconds(5));
		assertThat(requests).allSatisfy(request -> {
			assertThat(request.events()).hasSize(10);
			assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
		});
		assertThat(requests.stream().flatMap(request -> request.eventIds().stream()).toList())
			.isEqualTo(ids(records));
		client.flush().get(5, TimeUnit.SECONDS);
		assertThat(count("events.sent")).isEqualTo(30);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "request.latency").tag("outcome", "accepted").timer().count())
			.isEqualTo(3);
	}

	@Test
	void aPartBatchLeavesOnceItsFirstRecordHasLingered() throws Exception {
		UsageClient client = client(builder().batchSize(100).linger(Duration.ofMillis(200)));
		long reported = System.nanoTime();
		records("a", 3).forEach(client::report);

		Received request = this.gateway.awaitRequests(1, Duration.ofSeconds(5)).getFirst();
		assertThat(request.events()).hasSize(3);
		assertThat(Duration.ofNanos(request.arrivalNanos() - reported)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void a503IsRetriedNoSoonerThanItsRetryAfter() throws Exception {
		this.gateway.then(Reply.status(503, "{\"title\": \"Kafka unavailable\"}", Map.of("Retry-After", "1")));
		UsageClient client = client(builder().initialBackoff(Duration.ofMillis(10)).linger(Duration.ofMillis(100)));
		List<UsageRecord> records = records("a", 5);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		List<Received> requests = this.gateway.received();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).eventIds()).isEqualTo(requests.get(0).eventIds()).isEqualTo(ids(records));
		assertThat(Duration.ofNanos(requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(count("events.sent")).isEqualTo(5);
		assertThat(count("events.retried")).isEqualTo(5);
		assertThat(this.listener.refusals).isEmpty();
		assertThat(this.listener.failures).isEmpty();
	}

	@Test
	void aRequestWithoutAnAnswerIsRetried() throws Exception {
		this.gateway.then(Reply.disconnect());
		UsageClient client = client(builder().initialBackoff(Duration.ofMillis(10)).linger(Duration.ofMillis(100)));
		List<UsageRecord> records = records("a", 4);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		List<Received> requests = this.gateway.received();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).eventIds()).isEqualTo(ids(records));
		assertThat(count("events.sent")).isEqualTo(4);
		assertThat(count("events.retried")).isEqualTo(4);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "request.latency").tag("outcome", "io_error").timer().count())
			.isEqualTo(1);
	}

	@Test
	void a400NamingItsEventsRefusesThoseAndSendsTheOthersAgain() throws Exception {
		String problem = """
				{"status": 400, "title": "Invalid usage events",
				 "errors": [{"index": 1, "field": "timestamp", "message": "is older than the 7 days accepted"},
				            {"index": 3, "field": "accountId", "message": "is required"},
				            {"index": 3, "field": "apiName", "message": "is required"}]}""";
		this.gateway.then(Reply.status(400, problem));
		UsageClient client = client(builder().linger(Duration.ofMillis(50)));
		List<UsageRecord> records = records("a", 5);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		List<Received> requests = this.gateway.received();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).eventIds()).containsExactly(records.get(0).eventId(), records.get(2).eventId(),
				records.get(4).eventId());
		assertThat(this.listener.refusals).singleElement().satisfies(refusal -> {
			assertThat(refusal.events()).containsExactly(records.get(1), records.get(3));
			assertThat(refusal.status()).isEqualTo(400);
			assertThat(refusal.problem()).isEqualTo(problem);
		});
		assertThat(count("events.refused")).isEqualTo(2);
		assertThat(count("events.sent")).isEqualTo(3);
		assertThat(count("events.retried")).isZero();
	}

	@Test
	void a400ThatNamesNoEventRefusesTheWholeBatchWithoutRetrying() throws Exception {
		this.gateway.then(Reply.status(400, "{\"title\": \"Malformed JSON\"}"));
		UsageClient client = client(builder().linger(Duration.ofMillis(50)));
		List<UsageRecord> records = records("a", 3);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		assertThat(this.gateway.received()).hasSize(1);
		assertThat(this.listener.refusals).singleElement()
			.satisfies(refusal -> assertThat(refusal.events()).isEqualTo(records));
		assertThat(count("events.refused")).isEqualTo(3);
		assertThat(count("events.sent")).isZero();
	}

	@Test
	void a403RefusesTheEventsOfTheApisItNamesOnly() throws Exception {
		this.gateway.then(Reply.status(403, "{\"title\": \"Not allowed\", \"apiNames\": [\"phone.lookup\"]}"));
		UsageClient client = client(builder().linger(Duration.ofMillis(50)));
		UsageRecord allowed = UsageRecord.builder("acct-1", "person.enrich", 200).build();
		UsageRecord forbidden = UsageRecord.builder("acct-1", "phone.lookup", 200).build();
		client.report(allowed);
		client.report(forbidden);
		client.flush().get(10, TimeUnit.SECONDS);

		assertThat(this.gateway.received()).hasSize(2);
		assertThat(this.gateway.received().get(1).eventIds()).containsExactly(allowed.eventId());
		assertThat(this.listener.refusals).singleElement().satisfies(refusal -> {
			assertThat(refusal.events()).containsExactly(forbidden);
			assertThat(refusal.status()).isEqualTo(403);
		});
	}

	@Test
	void a413SplitsTheBatchUntilThePartsFit() throws Exception {
		this.gateway.otherwise(request -> request.events().size() > 2 ? Reply.status(413, "{\"title\": \"too large\"}")
				: Reply.status(202, null));
		UsageClient client = client(builder().batchSize(8).linger(Duration.ofSeconds(30)).senderThreads(1));
		List<UsageRecord> records = records("a", 8);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		List<Received> requests = this.gateway.received();
		// 8 refused, two halves of 4 refused, four quarters of 2 taken, in order
		assertThat(requests).extracting(request -> request.events().size()).containsExactly(8, 4, 2, 2, 4, 2, 2);
		assertThat(requests.stream().filter(request -> request.events().size() == 2)
			.flatMap(request -> request.eventIds().stream()).toList()).isEqualTo(ids(records));
		assertThat(count("events.sent")).isEqualTo(8);
		assertThat(count("events.refused")).isZero();
	}

	@Test
	void whenEveryRetryFailsTheRecordsAreFailedAndTold() throws Exception {
		this.gateway.otherwise(request -> Reply.status(500, "{\"title\": \"boom\"}"));
		UsageClient client = client(builder().maxRetries(2).initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(5)).linger(Duration.ofMillis(100)));
		List<UsageRecord> records = records("a", 2);
		records.forEach(client::report);
		client.flush().get(10, TimeUnit.SECONDS);

		assertThat(this.gateway.received()).hasSize(3);
		assertThat(this.listener.failures).singleElement().satisfies(failure -> {
			assertThat(failure.events()).isEqualTo(records);
			assertThat(failure.attempts()).isEqualTo(3);
			assertThat(failure.reason()).contains("HTTP 500");
		});
		assertThat(count("events.failed")).isEqualTo(2);
		assertThat(count("events.retried")).isEqualTo(4);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "request.latency").tag("outcome", "retriable").timer().count())
			.isEqualTo(3);
	}

	@Test
	void aFullBufferRefusesTheRecordAndCountsItDroppedAndFlushWaitsForTheHeldRequest() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.gateway.then(Reply.acceptAfter(release));
		UsageClient client = client(builder().bufferCapacity(5).batchSize(5).senderThreads(1).linger(Duration.ZERO));
		assertThat(client.report(record("first"))).isTrue();
		this.gateway.awaitRequests(1, Duration.ofSeconds(5));

		// the sender is held on its request: the next five fill the buffer, the sixth does not fit
		for (int i = 0; i < 5; i++) {
			assertThat(client.report(record("b" + i))).isTrue();
		}
		assertThat(client.report(record("over"))).isFalse();
		assertThat(this.meters.get(ClientMetrics.PREFIX + "events.dropped").tag("reason", "buffer_full").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "buffer.size").gauge().value()).isEqualTo(5);
		CompletableFuture<Void> flushed = client.flush();
		assertThat(flushed).isNotDone();

		release.countDown();
		flushed.get(10, TimeUnit.SECONDS);
		assertThat(count("events.sent")).isEqualTo(6);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "buffer.size").gauge().value()).isZero();
	}

	@Test
	void flushWithNothingBufferedIsDoneAtOnce() {
		UsageClient client = client(builder());
		assertThat(client.flush()).isDone();
	}

	@Test
	void closeSendsWhatIsBufferedAndThenRefusesRecords() throws Exception {
		UsageClient client = client(builder().linger(Duration.ofSeconds(30)));
		List<UsageRecord> records = records("a", 7);
		records.forEach(client::report);
		client.close();

		assertThat(this.gateway.received().stream().flatMap(request -> request.eventIds().stream()).toList())
			.containsExactlyInAnyOrderElementsOf(ids(records));
		assertThat(client.report(record("late"))).isFalse();
		assertThat(this.meters.get(ClientMetrics.PREFIX + "events.dropped").tag("reason", "closed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void aCloseThatRunsOutOfTimeFailsWhatWasNotDelivered() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try {
			this.gateway.then(Reply.acceptAfter(release));
			UsageClient client = client(builder().batchSize(2).senderThreads(1).linger(Duration.ZERO)
				.closeTimeout(Duration.ofMillis(200)));
			List<UsageRecord> records = records("a", 4);
			client.report(records.get(0));
			this.gateway.awaitRequests(1, Duration.ofSeconds(5));
			records.subList(1, 4).forEach(client::report);
			CompletableFuture<Void> flushed = client.flush();

			long start = System.nanoTime();
			client.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(flushed).isDone();
			assertThat(this.listener.failures.stream().flatMap(failure -> failure.events().stream()).toList())
				.containsExactlyInAnyOrderElementsOf(records);
			assertThat(count("events.failed")).isEqualTo(4);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void recordsReportedByManyThreadsAreEachSentOnce() throws Exception {
		UsageClient client = client(builder().senderThreads(4).bufferCapacity(10_000));
		List<Thread> reporters = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			String prefix = "t" + t;
			reporters.add(Thread.ofPlatform().start(() -> records(prefix, 2_500).forEach(client::report)));
		}
		for (Thread reporter : reporters) {
			reporter.join();
		}
		client.flush().get(20, TimeUnit.SECONDS);

		List<String> sent = this.gateway.received().stream().flatMap(request -> request.eventIds().stream()).toList();
		assertThat(sent).hasSize(10_000).doesNotHaveDuplicates();
		assertThat(count("events.sent")).isEqualTo(10_000);
		assertThat(this.meters.get(ClientMetrics.PREFIX + "events.dropped").tag("reason", "buffer_full").counter().count())
			.isZero();
	}

	@Test
	void settingsOutOfRangeAreRefusedByName() {
		assertThatThrownBy(() -> builder().senderThreads(5).build()).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("senderThreads[5]");
		assertThatThrownBy(() -> builder().senderThreads(0).build()).hasMessageContaining("senderThreads[0]");
		assertThatThrownBy(() -> builder().batchSize(100).bufferCapacity(50).build())
			.hasMessageContaining("bufferCapacity[50]");
		assertThatThrownBy(() -> builder().maxRetries(-1).build()).hasMessageContaining("maxRetries[-1]");
		assertThatThrownBy(() -> builder().initialBackoff(Duration.ofSeconds(10)).build())
			.hasMessageContaining("initialBackoff[PT10S]");
		assertThatThrownBy(() -> UsageClient.builder(java.net.URI.create("ftp://x"), TOKEN).build())
			.hasMessageContaining("gateway[ftp://x]");
	}

	private UsageClient.Builder builder() {
		return UsageClient.builder(this.gateway.uri(), TOKEN).meters(this.meters).listener(this.listener);
	}

	private UsageClient client(UsageClient.Builder builder) {
		UsageClient client = builder.build();
		this.clients.add(client);
		return client;
	}

	private double count(String name) {
		return this.meters.get(ClientMetrics.PREFIX + name).counter().count();
	}

	private static UsageRecord record(String eventId) {
		return UsageRecord.builder("acct-1", "person.enrich", 200).eventId(eventId).timestamp(Instant.now()).build();
	}

	private static List<UsageRecord> records(String prefix, int count) {
		List<UsageRecord> records = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			records.add(record(prefix + "-" + i));
		}
		return records;
	}

	private static List<String> ids(List<UsageRecord> records) {
		return records.stream().map(UsageRecord::eventId).toList();
	}

	/** Keeps what the client tells its listener; written by sender threads, read by the test. */
	private static final class RecordingListener implements DeliveryListener {

		final List<Refusal> refusals = new CopyOnWriteArrayList<>();

		final List<Failure> failures = new CopyOnWriteArrayList<>();

		@Override
		public void refused(Refusal refusal) {
			this.refusals.add(refusal);
		}

		@Override
		public void failed(Failure failure) {
			this.failures.add(failure);
		}

	}

}
