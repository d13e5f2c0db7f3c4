package io.strata.benchmarks.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.engine.error.StrataException;
import io.strata.gateway.UsageGatewayApplication;
import io.strata.gateway.auth.ApiTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The system under test, in this JVM: a one-node KRaft Kafka broker with the usage topic, Strata's
 * schema registry and the usage gateway, which knows one token allowed to report every API.
 * Closing stops all three. Not thread-safe; {@link #endOffsets()} may be called from any thread.
 */
final class GatewayStack implements AutoCloseable {

	static final String TOPIC = "usage-events";

	private final EmbeddedKafkaKraftBroker kafka;

	private final SchemaRegistryServer registry;

	private final ConfigurableApplicationContext gateway;

	private final URI uri;

	private GatewayStack(EmbeddedKafkaKraftBroker kafka, SchemaRegistryServer registry,
			ConfigurableApplicationContext gateway) {
		this.kafka = kafka;
		this.registry = registry;
		this.gateway = gateway;
		this.uri = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
	}

	/** Starts the three under {@code work}; {@code token} is the secret clients present. */
	static GatewayStack start(Path work, int partitions, String token) throws IOException {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, partitions, TOPIC);
		kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1"));
		kafka.afterPropertiesSet();
		SchemaRegistryServer registry = null;
		try {
			registry = new SchemaRegistryServer(work.resolve("registry")).start(0);
			Path properties = work.resolve("gateway.properties");
			Files.write(properties, gatewayProperties());
			Map<String, String> arguments = new LinkedHashMap<>();
			// only the gateway's own file: the node's application.properties is on this classpath
			// too, first, and would give the gateway a metadata database and platform threads
			arguments.put("spring.config.location", "file:" + properties.toAbsolutePath());
			arguments.put("spring.autoconfigure.exclude",
					"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
							+ "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration");
			arguments.put("spring.main.banner-mode", "off");
			// the gateway's context sets up logging again: the broker in this JVM must stay quiet too
			arguments.put("logging.level.root", "WARN");
			arguments.put("logging.level.kafka", "ERROR");
			arguments.put("logging.level.org.apache.kafka", "ERROR");
			arguments.put("server.port", "0");
			arguments.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
			arguments.put("strata.gateway.topic", TOPIC);
			arguments.put("strata.gateway.schema-registry-url", registry.url().toString());
			arguments.put("strata.gateway.key-store", work.resolve("account-keys").toString());
			arguments.put("strata.gateway.tokens[0].name", "benchmark");
			arguments.put("strata.gateway.tokens[0].sha256", ApiTokens.hash(token));
			arguments.put("strata.gateway.tokens[0].services", "*");
			arguments.put("strata.gateway.state-dir", work.resolve("gateway").toString());
			// the path measured is HTTP -> acknowledged by Kafka; the archiver would compete for the cores
			arguments.put("strata.archiver.enabled", "false");
			arguments.put("strata.deep-storage.directory", work.resolve("deep-storage").toString());
			List<String> commandLine = new ArrayList<>();
			arguments.forEach((name, value) -> commandLine.add("--" + name + "=" + value));
			ConfigurableApplicationContext gateway = new SpringApplicationBuilder(UsageGatewayApplication.class)
				.run(commandLine.toArray(String[]::new));
			return new GatewayStack(kafka, registry, gateway);
		}
		catch (RuntimeException | IOException ex) {
			if (registry != null) {
				registry.close();
			}
			kafka.destroy();
			throw ex;
		}
	}

	URI uri() {
		return this.uri;
	}

	String bootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	/** Records on the usage topic: the sum of its partitions' end offsets. */
	long endOffsets() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo partition : consumer.partitionsFor(TOPIC)) {
				partitions.add(new TopicPartition(TOPIC, partition.partition()));
			}
			long total = 0;
			for (long offset : consumer.endOffsets(partitions).values()) {
				total += offset;
			}
			return total;
		}
	}

	/** The gateway jar's own application.properties, read from the jar (or classes directory) itself. */
	private static byte[] gatewayProperties() throws IOException {
		Path source;
		try {
			source = Path.of(UsageGatewayApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw StrataException.defensive("The gateway's code source[%s] is not a path", ex.getInput());
		}
		if (Files.isDirectory(source)) {
			return Files.readAllBytes(source.resolve("application.properties"));
		}
		try (FileSystem jar = FileSystems.newFileSystem(source);
				InputStream in = Files.newInputStream(jar.getPath("application.properties"))) {
			return in.readAllBytes();
		}
	}

	@Override
	public void close() {
		try {
			this.gateway.close();
		}
		finally {
			try {
				this.registry.close();
			}
			finally {
				this.kafka.destroy();
			}
		}
	}

}
