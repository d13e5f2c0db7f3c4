package io.strata.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.gateway.auth.ApiTokens;
import io.strata.gateway.client.DeliveryListener;
import io.strata.gateway.client.UsageClient;
import io.strata.gateway.client.UsageRecord;
import io.strata.gateway.archive.ArchiveContents;
import io.strata.gateway.crypto.IdentifierCipher;
import io.strata.gateway.storage.LocalDeepStorage;
import io.strata.s3.S3ClientFactory;
import io.strata.s3.TestingS3Server;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on an in-process KRaft Kafka broker and Strata's schema registry: what is posted
 * over HTTP is read back from the topic by a plain Kafka consumer with the wire-format serde.
 * The {@code UsageClient} is checked here too, through the real gateway. One context and one
 * broker for the class; the last test stops the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageGatewayIT {

	private static final String TOPIC = UsageTestStack.TOPIC;

	private static final String SECRET = "svc-secret-1";

	private static final String BATCH_SECRET = "batch-secret-1";

	private static final EmbeddedKafkaKraftBroker KAFKA = UsageTestStack.KAFKA;

	private static final SchemaRegistryServer REGISTRY = UsageTestStack.REGISTRY;

	private static final Path STATE = UsageTestStack.STATE;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
		registry.add("strata.gateway.schema-registry-url", () -> REGISTRY.url().toString());
		registry.add("strata.gateway.key-store", () -> STATE.resolve("keys").toString());
		registry.add("strata.gateway.ack-timeout", () -> "3s");
		registry.add("strata.gateway.max-body-size", () -> "64KB");
		registry.add("strata.gateway.tokens[0].name", () -> "people-service");
		registry.add("strata.gateway.tokens[0].sha256", () -> ApiTokens.hash(SECRET));
		registry.add("strata.gateway.tokens[0].services", () -> "person.enrich,company.enrich");
		registry.add("strata.gateway.tokens[1].name", () -> "batch-job");
		registry.add("strata.gateway.tokens[1].sha256", () -> ApiTokens.hash(BATCH_SECRET));
		registry.add("strata.gateway.tokens[1].services", () -> "*");
		registry.add("strata.gateway.state-dir", () -> STATE.resolve("gateway").toString());
		registry.add("strata.deep-storage.directory", () -> STATE.resolve("deep-storage").toString());
		registry.add("strata.deep-storage.s3.endpoint", () -> UsageTestStack.S3.endpoint().toString());
		registry.add("strata.deep-storage.s3.path-style-access", () -> "true");
		registry.add("strata.deep-storage.s3.access-key", () -> TestingS3Server.ACCESS_KEY);
		registry.add("strata.deep-storage.s3.secret-key", () -> TestingS3Server.SECRET_KEY);
		registry.add("strata.archiver.flush-interval", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		UsageTestStack.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentifierCipher cipher;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	@Order(1)
	void postedEventsAreReadBackFromTheTopicAsSentWithIdentifiersEncrypted() throws Exception {
		long now = Instant.now().toEpochMilli();
		String body = """
				[{"eventId": "e-1", "timestamp": %d, "accountId": "acct-1", "apiName": "person.enrich", "statusCode": 200,
				  "bundles": ["employment", "social"], "latencyMs": 31, "bytes": 900, "identifiers": {"email": "a@b.example"}},
				 {"eventId": "e-2", "timestamp": %d, "accountId": "acct-2", "apiName": "company.enrich", "statusCode": 404},
				 {"eventId": "e-3", "timestamp": %d, "accountId": "acct-1", "apiName": "person.enrich", "statusCode": 429,
				  "region": "eu-west-1", "plan": "pro", "requestId": "r-3"}]""".formatted(now, now + 1, now + 2);
		HttpResponse<String> response = post(body, SECRET);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(this.json.readTree(response.body()).path("accepted").asInt()).isEqualTo(3);

		List<ConsumerRecord<String, UsageEvent>> records = consume(3);
		assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("acct-1", "acct-2", "acct-1");
		UsageEvent first = records.stream().filter(r -> r.value().getEventId().equals("e-1")).findFirst().orElseThrow().value();
		assertThat(first.getTimestamp()).isEqualTo(Instant.ofEpochMilli(now));
		assertThat(first.getAccountId()).isEqualTo("acct-1");
		assertThat(first.getApiName()).isEqualTo("person.enrich");
		assertThat(first.getStatusCode()).isEqualTo(200);
		assertThat(first.getBundles()).containsExactly("employment", "social");
		assertThat(first.getSource()).isEqualTo(UsageSource.API);
		assertThat(first.getLatencyMs()).isEqualTo(31);
		assertThat(first.getBytes()).isEqualTo(900);
		byte[] sealed = new byte[first.getEncryptedIdentifiers().remaining()];
		first.getEncryptedIdentifiers().duplicate().get(sealed);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("a@b.example");
		assertThat(new String(this.cipher.decrypt("acct-1", new IdentifierCipher.Sealed(first.getKeyId(), sealed)),
				StandardCharsets.UTF_8)).isEqualTo("{\"email\":\"a@b.example\"}");
		UsageEvent third = records.stream().filter(r -> r.value().getEventId().equals("e-3")).findFirst().orElseThrow().value();
		assertThat(third.getRegion()).isEqualTo("eu-west-1");
		assertThat(third.getRequestId()).isEqualTo("r-3");
		assertThat(third.getEncryptedIdentifiers()).isNull();
		// both records of acct-1 on one partition, in the order sent
		List<ConsumerRecord<String, UsageEvent>> account = records.stream().filter(r -> r.key().equals("acct-1")).toList();
		assertThat(account.get(0).partition()).isEqualTo(account.get(1).partition());
		assertThat(account).extracting(r -> r.value().getEventId()).containsExactly("e-1", "e-3");
	}

	@Test
	@Order(2)
	void aBadRequestNamesEveryBadFieldAndProducesNothing() throws Exception {
		String body = """
				[{"timestamp": "2026-12-07T00:00:00Z", "accountId": "ok", "apiName": "person.enrich", "statusCode": 200},
				 {"accountId": "bad id", "apiName": "person.enrich", "statusCode": 99}]""";
		HttpResponse<String> response = post(body, SECRET);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		JsonNode errors = this.json.readTree(response.body()).path("errors");
		List<String> named = new ArrayList<>();
		errors.forEach(error -> named.add(error.path("index").asInt() + ":" + error.path("field").asString()));
		assertThat(named).contains("1:accountId", "1:statusCode", "1:timestamp");
		assertThat(consume(0)).isEmpty();
	}

	@Test
	@Order(3)
	void callersWithoutAValidTokenOrOutsideTheirScopeAreRefused() throws Exception {
		String event = """
				{"timestamp": %d, "accountId": "a", "apiName": "phone.lookup", "statusCode": 200}""".formatted(Instant.now().toEpochMilli());
		assertThat(post(event, null).statusCode()).isEqualTo(401);
		assertThat(post(event, "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> forbidden = post(event, SECRET);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("phone.lookup");
		assertThat(consume(0)).isEmpty();
	}

	@Test
	@Order(4)
	void anOversizedBodyIs413() throws Exception {
		String big = "[" + ("{\"accountId\": \"a\"},".repeat(5000)) + "{}]";
		assertThat(post(big, SECRET).statusCode()).isEqualTo(413);
	}

	@Test
	@Order(5)
	void theClientDeliversEveryRecordItReportsToTheTopic() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		List<DeliveryListener.Refusal> refusals = new CopyOnWriteArrayList<>();
		List<String> reported = new ArrayList<>();
		try (UsageClient client = UsageClient.builder(URI.create("http://localhost:" + this.port), SECRET)
			.meters(meters)
			.listener(refusals::add)
			.build()) {
			for (int i = 0; i < 1_000; i++) {
				UsageRecord record = UsageRecord.builder("acct-" + (i % 37), i % 2 == 0 ? "person.enrich" : "company.enrich", 200)
					.eventId("client-" + i)
					.bundles(List.of("employment"))
					.latencyMs(i % 300)
					.identifier("email", "user" + i + "@example.com")
					.build();
				assertThat(client.report(record)).isTrue();
				reported.add(record.eventId());
			}
			client.flush().get(30, TimeUnit.SECONDS);
		}
		assertThat(refusals).isEmpty();
		assertThat(meters.get("strata.usage.client.events.sent").counter().count()).isEqualTo(1_000);
		assertThat(meters.get("strata.usage.client.events.failed").counter().count()).isZero();

		Set<String> onTopic = new HashSet<>();
		for (ConsumerRecord<String, UsageEvent> record : consume(3 + 1_000)) {
			if (record.value().getEventId().startsWith("client-")) {
				assertThat(onTopic.add(record.value().getEventId())).as("no duplicate").isTrue();
			}
		}
		assertThat(onTopic).containsExactlyInAnyOrderElementsOf(reported);
	}

	@Test
	@Order(6)
	void aBatchSummaryFileBecomesBatchEventsOnceEvenWhenPostedTwice() throws Exception {
		String csv = """
				timestamp,accountId,apiName,statusCode,bundles
				%s,acct-9,person.enrich,200,employment|social
				%s,acct-9,company.enrich,200,
				%s,not ok,person.enrich,200,
				""".formatted(Instant.now().minusSeconds(3600), Instant.now().minusSeconds(3599), Instant.now());
		HttpResponse<String> scoped = postBatch(csv, SECRET);
		assertThat(scoped.statusCode()).as("batch jobs need a '*' token").isEqualTo(403);
		HttpResponse<String> started = postBatch(csv, BATCH_SECRET);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		JsonNode status = awaitBatch(location);
		assertThat(status.path("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(status.path("emitted").asLong()).isEqualTo(2);
		assertThat(status.path("rejected").asLong()).isEqualTo(1);
		assertThat(status.path("errors").get(0).path("line").asLong()).isEqualTo(4);
		assertThat(status.path("errors").get(0).path("field").asString()).isEqualTo("accountId");

		HttpResponse<String> again = postBatch(csv, BATCH_SECRET);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("Location")).hasValue(location);
		List<UsageEvent> batch = consume(3 + 1_000 + 2).stream()
			.map(ConsumerRecord::value)
			.filter(event -> event.getSource() == UsageSource.BATCH)
			.toList();
		assertThat(batch).hasSize(2);
		assertThat(batch).extracting(UsageEvent::getApiName).containsExactlyInAnyOrder("person.enrich", "company.enrich");
	}

	private HttpResponse<String> postBatch(String csv, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/usage/batches"))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	@Order(7)
	void aSummaryFileInS3IsImportedByItsUri() throws Exception {
		String ndjson = """
				{"timestamp": "%s", "accountId": "acct-s3", "apiName": "person.enrich", "statusCode": 200, "bundles": ["social"]}
				{"timestamp": "%s", "accountId": "acct-s3", "apiName": "company.enrich", "statusCode": 200}
				""".formatted(Instant.now().minusSeconds(600), Instant.now().minusSeconds(599));
		try (S3Client s3 = S3ClientFactory.create(UsageTestStack.S3.settings())) {
			s3.putObject(request -> request.bucket(UsageTestStack.S3.bucket()).key("batches/2026-12-07.ndjson"),
					RequestBody.fromString(ndjson));
		}
		String uri = "s3://" + UsageTestStack.S3.bucket() + "/batches/2026-12-07.ndjson";
		HttpResponse<String> missing = postBatchUri("s3://" + UsageTestStack.S3.bucket() + "/batches/none.ndjson");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
		assertThat(missing.body()).contains("No file at");

		HttpResponse<String> started = postBatchUri(uri);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		JsonNode status = awaitBatch(started.headers().firstValue("Location").orElseThrow());
		assertThat(status.path("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(status.path("emitted").asLong()).isEqualTo(2);
		assertThat(postBatchUri(uri).statusCode()).as("the same file again emits nothing").isEqualTo(200);
		assertThat(consume(3 + 1_000 + 2 + 2).stream().filter(r -> r.value().getAccountId().equals("acct-s3"))).hasSize(2);
	}

	@Test
	@Order(8)
	void everyAcceptedEventReachesTheParquetArchiveOnce() throws Exception {
		int expected = 3 + 1_000 + 2 + 2;
		LocalDeepStorage storage = new LocalDeepStorage(STATE.resolve("deep-storage"));
		List<ArchiveContents.ArchivedEvent> archived = List.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (archived.size() < expected && System.nanoTime() < deadline) {
			Thread.sleep(200);
			archived = ArchiveContents.read(storage, "archive/usage");
		}
		assertThat(archived).hasSize(expected);
		assertThat(archived).extracting(ArchiveContents.ArchivedEvent::eventId).doesNotHaveDuplicates()
			.contains("e-1", "e-2", "e-3", "client-0", "client-999");
		String metrics = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(metrics).contains("strata_archive_events_total " + expected + ".0").contains("strata_archive_lag ");
	}

	private HttpResponse<String> postBatchUri(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/usage/batches"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + BATCH_SECRET)
			.POST(HttpRequest.BodyPublishers.ofString("{\"uri\": \"" + uri + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode awaitBatch(String location) throws Exception {
		JsonNode status = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		do {
			Thread.sleep(50);
			status = this.json.readTree(this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + location))
				.build(), HttpResponse.BodyHandlers.ofString()).body());
		}
		while (!status.path("state").asString().equals("SUCCEEDED") && System.nanoTime() < deadline);
		return status;
	}

	@Test
	@Order(9)
	void withKafkaGoneTheAnswerIs503WithRetryAfterAndNeverAccepted() throws Exception {
		KAFKA.destroy();
		String event = """
				{"eventId": "lost", "timestamp": %d, "accountId": "a", "apiName": "person.enrich", "statusCode": 200}"""
			.formatted(Instant.now().toEpochMilli());
		long start = System.nanoTime();
		HttpResponse<String> response = post(event, SECRET);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
	}

	private HttpResponse<String> post(String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/usage/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Everything on the topic since the start, waiting until {@code expected} arrived (or 2 s for none). */
	private List<ConsumerRecord<String, UsageEvent>> consume(int expected) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, UsageEvent>> records = new ArrayList<>();
		try (SchemaRegistryClient client = new SchemaRegistryClient(REGISTRY.url());
				KafkaConsumer<String, UsageEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
						ConfluentAvroDeserializer.specific(client, UsageEvent.class))) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 2 : 20).toNanos();
			int seen = 0;
			while (System.nanoTime() < deadline && (expected == 0 || seen < expected)) {
				for (ConsumerRecord<String, UsageEvent> record : consumer.poll(Duration.ofMillis(200))) {
					seen++;
					records.add(record);
				}
			}
		}
		if (expected == 0) {
			// only what the first test sent may be there
			return records.stream().filter(r -> !List.of("e-1", "e-2", "e-3").contains(r.value().getEventId())).toList();
		}
		return records;
	}

}
