package io.strata.gateway.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.schema.UsageSource;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.avro.wire.ConfluentAvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded mode's Kafka node and schema registry, started from their own classes on free
 * ports in a temporary directory: a record produced before a restart of both is read back, with
 * its schema, after it. Runs after the tests on the shared stack (which stop it), so that one
 * broker at a time runs in this JVM.
 */
@Order(3)
class SingleNodeKafkaIT {

	private static final String TOPIC = "usage-events";

	@TempDir
	Path temp;

	@Test
	void aRestartOnTheSameDirectoriesKeepsTheClusterTheTopicItsRecordsAndTheirSchemas() throws Exception {
		int[] ports = FreePorts.pick(3);
		KafkaNodeSettings settings = new KafkaNodeSettings(this.temp.resolve("kafka"), "localhost", ports[0], ports[1]);
		Path registryDir = this.temp.resolve("registry");
		UsageEvent event = event("before-restart");
		String clusterId;
		try (SingleNodeKafka kafka = SingleNodeKafka.start(settings);
				SchemaRegistryServer registry = new SchemaRegistryServer(registryDir).start(ports[2])) {
			clusterId = kafka.clusterId();
			assertThat(kafka.ensureTopic(TOPIC, 3)).isTrue();
			RecordMetadata written = produce(kafka, registry, event);
			assertThat(written.offset()).isZero();
			assertThat(consume(kafka, registry, 1)).containsExactly(event);
		}

		try (SingleNodeKafka kafka = SingleNodeKafka.start(settings);
				SchemaRegistryServer registry = new SchemaRegistryServer(registryDir).start(ports[2])) {
			assertThat(kafka.clusterId()).isEqualTo(clusterId);
			assertThat(kafka.ensureTopic(TOPIC, 5)).as("the topic is found, not made again").isFalse();
			assertThat(partitions(kafka)).isEqualTo(3);
			assertThat(consume(kafka, registry, 1)).containsExactly(event);
			UsageEvent second = event("after-restart");
			produce(kafka, registry, second);
			assertThat(consume(kafka, registry, 2)).containsExactlyInAnyOrder(event, second);
		}
	}

	@Test
	void aPortInUseFailsNamingTheAddressAndLeavesTheDirectoryFreeForTheNextStart() throws Exception {
		int[] ports = FreePorts.pick(2);
		KafkaNodeSettings settings = new KafkaNodeSettings(this.temp.resolve("kafka"), "localhost", ports[0], ports[1]);
		try (ServerSocket taken = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {
			assertThat(taken.isBound()).isTrue();
			assertThatThrownBy(() -> SingleNodeKafka.start(settings)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("localhost:" + ports[0])
				.hasMessageContaining(settings.directory().toString());
		}
		// the failed start released the directory's lock and the controller's port
		try (SingleNodeKafka kafka = SingleNodeKafka.start(settings)) {
			assertThat(kafka.ensureTopic("t", 1)).isTrue();
		}
	}

	private static UsageEvent event(String id) {
		return UsageEvent.newBuilder()
			.setEventId(id)
			.setTimestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setAccountId("acct-1")
			.setApiName("person.enrich")
			.setStatusCode(200)
			.setBundles(List.of("employment"))
			.setSource(UsageSource.API)
			.setLatencyMs(42)
			.setBytes(900)
			.build();
	}

	private static RecordMetadata produce(SingleNodeKafka kafka, SchemaRegistryServer registry, UsageEvent event)
			throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
				KafkaProducer<String, UsageEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
						new ConfluentAvroSerializer<UsageEvent>(client))) {
			return producer.send(new ProducerRecord<>(TOPIC, event.getAccountId(), event)).get();
		}
	}

	private static List<UsageEvent> consume(SingleNodeKafka kafka, SchemaRegistryServer registry, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<UsageEvent> events = new ArrayList<>();
		try (SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
				KafkaConsumer<String, UsageEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
						ConfluentAvroDeserializer.specific(client, UsageEvent.class))) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (events.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, UsageEvent> record : consumer.poll(Duration.ofMillis(200))) {
					events.add(record.value());
				}
			}
		}
		return events;
	}

	private static int partitions(SingleNodeKafka kafka) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
		}
	}

}
