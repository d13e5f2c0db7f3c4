package io.strata.gateway.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.avro.wire.ConfluentAvroSerializer;
import io.strata.gateway.UsageTestStack;
import io.strata.gateway.storage.DeepStorage;
import io.strata.gateway.storage.LocalDeepStorage;
import io.strata.gateway.storage.S3DeepStorage;
import io.strata.s3.S3ClientFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archiver on the shared in-process Kafka broker and registry, against a local directory and
 * the in-process S3 server: every event lands once in the Parquet file of its hour, unreadable
 * records are kept aside, and an archiver stopped mid-flush as a crash would (no more files, no
 * commit) and then restarted leaves every event in the archive exactly once.
 */
@Order(1)
class UsageArchiverIT {

	private static final AtomicInteger topics = new AtomicInteger();

	private static final S3Client s3 = S3ClientFactory.create(UsageTestStack.S3.settings());

	private final SchemaRegistryClient registry = new SchemaRegistryClient(UsageTestStack.REGISTRY.url());

	@TempDir
	Path temp;

	@AfterAll
	static void closeS3() {
		s3.close();
	}

	@Test
	void everyEventLandsOnceInTheFileOfItsHourAndUnreadableRecordsAreKeptAside() throws Exception {
		String topic = newTopic();
		DeepStorage storage = new LocalDeepStorage(this.temp.resolve("deep-storage"));
		Instant base = Instant.parse("2026-12-07T10:15:00Z");
		List<UsageEvent> sent = produce(topic, "a", 3_000, base, Duration.ofHours(3));
		produceRaw(topic, "bad-1", "not avro".getBytes(StandardCharsets.UTF_8));
		produceRaw(topic, "bad-2", ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).array());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();

		try (UsageArchiver archiver = archiver(topic, storage, meters, ArchiverHooks.NONE, "group-" + topic)) {
			archiver.start();
			awaitArchived(storage, sent.size());
		}

		List<ArchiveContents.ArchivedEvent> archived = ArchiveContents.read(storage, "archive/usage");
		assertExactlyOnce(archived, sent);
		for (ArchiveContents.ArchivedEvent event : archived) {
			String hour = "dt=2026-12-07/hour=%02d/".formatted(event.timestamp().atZone(java.time.ZoneOffset.UTC).getHour());
			assertThat(event.key()).as("file of event %s", event.eventId()).startsWith("archive/usage/" + hour).endsWith(".parquet");
		}
		assertThat(archived).extracting(ArchiveContents.ArchivedEvent::key)
			.extracting(key -> key.substring(0, key.indexOf("/" + topic)))
			.containsOnly("archive/usage/dt=2026-12-07/hour=10", "archive/usage/dt=2026-12-07/hour=11",
					"archive/usage/dt=2026-12-07/hour=12", "archive/usage/dt=2026-12-07/hour=13");

		List<String> rejectedKeys = ArchiveContents.keys(storage, "archive/usage").stream()
			.filter(key -> key.startsWith("archive/usage/_rejected/"))
			.toList();
		List<JsonNode> rejected = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String key : rejectedKeys) {
			for (String line : new String(storage.readBytes(key).orElseThrow(), StandardCharsets.UTF_8).split("\n")) {
				rejected.add(json.readTree(line));
			}
		}
		assertThat(rejected).extracting(line -> line.path("key").asString()).containsExactlyInAnyOrder("bad-1", "bad-2");
		assertThat(rejected).allSatisfy(line -> {
			assertThat(line.path("reason").asString()).isNotBlank();
			assertThat(line.path("offset").isNumber()).isTrue();
			assertThat(line.path("value").asString()).isNotBlank();
		});
		assertThat(rejected.stream().filter(line -> line.path("key").asString().equals("bad-2")).findFirst().orElseThrow()
			.path("reason").asString()).contains("987654");
		assertThat(ArchiveContents.keys(storage, "archive/usage")).noneMatch(key -> key.contains("/_pending/"));
		assertThat(meters.get("strata.archive.events").counter().count()).isEqualTo(sent.size());
		assertThat(meters.get("strata.archive.rejected").counter().count()).isEqualTo(2);
		assertThat(meters.get("strata.archive.lag").gauge().value()).isZero();
	}

	@ParameterizedTest(name = "{0} storage, stopped {1}")
	@CsvSource({ "local, after the first file", "local, before the commit", "s3, after the first file",
			"s3, before the commit" })
	void anArchiverStoppedMidFlushAndRestartedArchivesEveryEventExactlyOnce(String storageType, String crashPoint)
			throws Exception {
		String topic = newTopic();
		DeepStorage storage = storageType.equals("s3")
				? new S3DeepStorage(s3, UsageTestStack.S3.bucket(), "crash-" + topic)
				: new LocalDeepStorage(this.temp.resolve("deep-storage"));
		String group = "group-" + topic;
		Instant base = Instant.now().minus(Duration.ofHours(2));
		List<UsageEvent> sent = new ArrayList<>(produce(topic, "b", 2_000, base, Duration.ofHours(2)));

		Crash crash = new Crash(crashPoint.equals("after the first file"));
		UsageArchiver first = archiver(topic, storage, new SimpleMeterRegistry(), crash, group);
		first.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (first.isRunning() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(first.isRunning()).as("the archiver stopped at the crash point").isFalse();
		first.close();
		List<String> leftBehind = ArchiveContents.keys(storage, "archive/usage");
		assertThat(leftBehind).as("the interrupted flush left its marker and files").anyMatch(key -> key.contains("/_pending/"))
			.anyMatch(key -> key.endsWith(".parquet"));

		sent.addAll(produce(topic, "c", 500, Instant.now(), Duration.ofMinutes(1)));
		try (UsageArchiver second = archiver(topic, storage, new SimpleMeterRegistry(), ArchiverHooks.NONE, group)) {
			second.start();
			awaitArchived(storage, sent.size());
		}
		assertExactlyOnce(ArchiveContents.read(storage, "archive/usage"), sent);
		assertThat(ArchiveContents.keys(storage, "archive/usage")).noneMatch(key -> key.contains("/_pending/"));
	}

	/** Stops the archiving thread at one point of its first flush, as a killed process would stop. */
	private static final class Crash implements ArchiverHooks {

		private final boolean afterFirstFile;

		Crash(boolean afterFirstFile) {
			this.afterFirstFile = afterFirstFile;
		}

		@Override
		public void afterObjectWritten(String key) {
			if (this.afterFirstFile) {
				throw new SimulatedCrash();
			}
		}

		@Override
		public void beforeCommit() {
			throw new SimulatedCrash();
		}

	}

	/** An Error, so the archiver's own failure handling (which would retry in-process) does not catch it. */
	private static final class SimulatedCrash extends Error {

		private static final long serialVersionUID = 1L;

		SimulatedCrash() {
			super("simulated crash", null, false, false);
		}

	}

	private UsageArchiver archiver(String topic, DeepStorage storage, SimpleMeterRegistry meters, ArchiverHooks hooks,
			String group) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, UsageTestStack.KAFKA.getBrokersAsString());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 700);
		ArchiverSettings settings = new ArchiverSettings(topic, "archive/usage", Duration.ofMillis(300), 1_000,
				Duration.ofMillis(200), this.temp.resolve("work"));
		return new UsageArchiver(settings,
				() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
				ConfluentAvroDeserializer.specific(this.registry, UsageEvent.class), storage, new ArchiverMetrics(meters),
				hooks);
	}

	private static void awaitArchived(DeepStorage storage, int expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int archived = 0;
		while (System.nanoTime() < deadline) {
			try {
				archived = ArchiveContents.read(storage, "archive/usage").size();
			}
			catch (IOException ex) {
				// a file listed a moment ago was removed by a recovering archiver; read again
				continue;
			}
			if (archived >= expected) {
				return;
			}
			Thread.sleep(100);
		}
		assertThat(archived).as("events archived within 60 s").isGreaterThanOrEqualTo(expected);
	}

	private static void assertExactlyOnce(List<ArchiveContents.ArchivedEvent> archived, List<UsageEvent> sent) {
		Map<String, Long> copies = archived.stream()
			.collect(Collectors.groupingBy(ArchiveContents.ArchivedEvent::eventId, Collectors.counting()));
		assertThat(copies.entrySet()).as("events archived more than once")
			.filteredOn(entry -> entry.getValue() > 1)
			.isEmpty();
		assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(
				sent.stream().map(UsageEvent::getEventId).collect(Collectors.toSet()));
		Map<String, UsageEvent> byId = sent.stream().collect(Collectors.toMap(UsageEvent::getEventId, Function.identity()));
		assertThat(archived).allSatisfy(event -> {
			UsageEvent original = byId.get(event.eventId());
			assertThat(event.timestamp()).isEqualTo(original.getTimestamp());
			assertThat(event.accountId()).isEqualTo(original.getAccountId());
		});
	}

	private static String newTopic() throws Exception {
		String topic = "archive-it-" + topics.incrementAndGet();
		UsageTestStack.createTopic(topic);
		return topic;
	}

	/** {@code count} events spread evenly over {@code span} from {@code start}, keyed by 50 accounts. */
	private List<UsageEvent> produce(String topic, String idPrefix, int count, Instant start, Duration span)
			throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, UsageTestStack.KAFKA.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all");
		List<UsageEvent> events = new ArrayList<>();
		try (KafkaProducer<String, UsageEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ConfluentAvroSerializer<UsageEvent>(this.registry))) {
			for (int i = 0; i < count; i++) {
				UsageEvent event = UsageEvent.newBuilder()
					.setEventId(idPrefix + "-" + topic + "-" + i)
					.setTimestamp(start.plusMillis(span.toMillis() * i / count))
					.setAccountId("acct-" + (i % 50))
					.setApiName(i % 3 == 0 ? "person.enrich" : "company.enrich")
					.setStatusCode(i % 10 == 0 ? 429 : 200)
					.setBundles(List.of("employment"))
					.setSource(UsageSource.API)
					.setLatencyMs(i % 200)
					.build();
				events.add(event);
				producer.send(new ProducerRecord<>(topic, event.getAccountId(), event));
			}
			producer.flush();
		}
		return events;
	}

	private static void produceRaw(String topic, String key, byte[] value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, UsageTestStack.KAFKA.getBrokersAsString());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
		}
	}

}
