package io.strata.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.s3.TestingS3Server;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The parts the module's integration tests share, started once per JVM: an in-process KRaft
 * Kafka broker with the usage topic (3 partitions), Strata's schema registry and an in-process
 * S3-compatible server. {@code UsageGatewayIT} runs last and stops Kafka in its last test.
 */
public final class UsageTestStack {

	public static final String TOPIC = "usage-events";

	public static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);

	public static final SchemaRegistryServer REGISTRY;

	public static final TestingS3Server S3;

	public static final Path STATE;

	static {
		try {
			STATE = Files.createTempDirectory("gateway-it");
			KAFKA.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
					"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1"));
			KAFKA.afterPropertiesSet();
			REGISTRY = new SchemaRegistryServer(STATE.resolve("registry")).start(0);
			S3 = TestingS3Server.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private UsageTestStack() {
	}

	/** Creates a topic of its own for a test (3 partitions). */
	public static void createTopic(String name) throws Exception {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
		try (Admin admin = Admin.create(config)) {
			admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
		}
	}

	public static void stop() {
		REGISTRY.close();
		KAFKA.destroy();
		S3.close();
	}

}
