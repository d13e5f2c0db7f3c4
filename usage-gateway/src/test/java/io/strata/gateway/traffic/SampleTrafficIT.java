package io.strata.gateway.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.gateway.auth.ApiTokens;
import io.strata.gateway.embedded.FreePorts;
import io.strata.sample.UsageCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as {@code bin/strata} runs it: its own Kafka node and schema registry
 * ({@code strata.embedded.*}, on free ports in a temporary directory) and generated traffic at
 * 400 events/s through its HTTP API. What reaches the usage topic is read back with a plain
 * consumer. Runs after the shared stack is stopped, with no other broker in the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Order(4)
class SampleTrafficIT {

	private static final String TOKEN = "sample-traffic-secret";

	private static final int[] PORTS = FreePorts.pick(3);

	private static final Path STATE = temporaryDirectory();

	private static final Instant STARTED = Instant.now();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("strata.embedded.kafka.enabled", () -> "true");
		registry.add("strata.embedded.kafka.port", () -> PORTS[0]);
		registry.add("strata.embedded.kafka.controller-port", () -> PORTS[1]);
		registry.add("strata.embedded.kafka.directory", () -> STATE.resolve("kafka").toString());
		registry.add("strata.embedded.registry.enabled", () -> "true");
		registry.add("strata.embedded.registry.port", () -> PORTS[2]);
		registry.add("strata.embedded.registry.directory", () -> STATE.resolve("registry").toString());
		registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORTS[0]);
		registry.add("strata.gateway.schema-registry-url", () -> "http://localhost:" + PORTS[2]);
		registry.add("strata.gateway.tokens[0].name", () -> "sample-traffic");
		registry.add("strata.gateway.tokens[0].sha256", () -> ApiTokens.hash(TOKEN));
		registry.add("strata.gateway.tokens[0].services", () -> "*");
		registry.add("strata.gateway.state-dir", () -> STATE.resolve("gateway").toString());
		registry.add("strata.gateway.key-store", () -> STATE.resolve("gateway/keys").toString());
		registry.add("strata.archiver.enabled", () -> "false");
		registry.add("strata.sample-traffic.events-per-second", () -> "400");
		registry.add("strata.sample-traffic.token", () -> TOKEN);
		registry.add("strata.sample-traffic.log-interval", () -> "1s");
	}

	@Autowired
	MeterRegistry meters;

	@Test
	void generatedEventsGoThroughTheGatewayIntoTheEmbeddedKafkaStampedNow() {
		List<UsageEvent> events = consume(400, Duration.ofSeconds(30));
		assertThat(events).hasSizeGreaterThanOrEqualTo(400);
		Instant read = Instant.now();
		assertThat(events).allSatisfy(event -> {
			assertThat(event.getTimestamp()).isBetween(STARTED, read);
			assertThat(event.getStatusCode()).isIn(UsageCatalog.STATUS_CODES);
			assertThat(event.getApiName()).isIn(UsageCatalog.API_NAMES.subList(0, 6));
			assertThat(event.getAccountId()).matches("acct-\\d{5}");
			assertThat(event.getLatencyMs()).isPositive();
			assertThat(event.getBytes()).isPositive();
			assertThat(event.getRegion()).isIn(UsageCatalog.REGIONS);
			assertThat(event.getPlan()).isIn(UsageCatalog.PLANS);
		});
		assertThat(events.stream().map(UsageEvent::getEventId).distinct()).hasSameSizeAs(events);
		assertThat(events.stream().map(UsageEvent::getAccountId).distinct().count()).isGreaterThan(5);
		assertThat(events.stream().map(UsageEvent::getApiName).distinct().count()).isGreaterThan(3);
		assertThat(events.stream().map(UsageEvent::getStatusCode).distinct().count()).isGreaterThan(1);
		// the generator's client reports on the gateway's own registry: all accepted, none refused
		assertThat(clientCount("sent")).isGreaterThanOrEqualTo(400);
		assertThat(clientCount("refused")).isZero();
		assertThat(clientCount("failed")).isZero();
		assertThat(this.meters.counter("strata.gateway.events.accepted").count()).isGreaterThanOrEqualTo(400);
	}

	private double clientCount(String suffix) {
		return this.meters.get("strata.usage.client.events." + suffix).tag("client", SampleTraffic.CLIENT_NAME)
			.counter()
			.count();
	}

	private static List<UsageEvent> consume(int expected, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + PORTS[0],
				ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<UsageEvent> events = new ArrayList<>();
		try (SchemaRegistryClient client = new SchemaRegistryClient(java.net.URI.create("http://localhost:" + PORTS[2]));
				KafkaConsumer<String, UsageEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
						ConfluentAvroDeserializer.specific(client, UsageEvent.class))) {
			consumer.subscribe(List.of("usage-events"));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (events.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, UsageEvent> record : consumer.poll(Duration.ofMillis(200))) {
					events.add(record.value());
				}
			}
		}
		return events;
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("sample-traffic-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
