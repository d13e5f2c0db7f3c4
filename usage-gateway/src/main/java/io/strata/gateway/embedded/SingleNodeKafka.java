package io.strata.gateway.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka node in combined KRaft mode (broker and controller in this JVM) on one log
 * directory, built from Kafka's own server classes: what {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} do for a single-node cluster. Replication factors are 1, so it is
 * for one machine only. The directory keeps the cluster id, the topics and their data across
 * restarts.
 *
 * <p>
 * Lifecycle: {@link #start} returns once the broker is serving; {@link #close()} shuts it down
 * cleanly (idempotent). Not meant for concurrent start/close calls; {@link #ensureTopic} may be
 * called from any thread while it runs.
 */
public final class SingleNodeKafka implements AutoCloseable {

	static final int NODE_ID = 1;

	static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaNodeSettings settings;

	private final String clusterId;

	private final KafkaRaftServer server;

	private boolean closed;

	private SingleNodeKafka(KafkaNodeSettings settings, String clusterId, KafkaRaftServer server) {
		this.settings = settings;
		this.clusterId = clusterId;
		this.server = server;
	}

	/**
	 * Formats the directory if it is new, then starts the node and waits until its broker is
	 * unfenced (serving clients).
	 * @throws IllegalStateException naming the directory and address when it cannot start (a port in
	 * use, a directory locked by another broker)
	 */
	public static SingleNodeKafka start(KafkaNodeSettings settings) {
		Objects.requireNonNull(settings, "settings");
		String clusterId = KafkaStorageFormat.ensureFormatted(settings.directory(), NODE_ID, CONTROLLER_LISTENER);
		KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(serverConfig(settings), false), Time.SYSTEM);
		try {
			server.startup();
		}
		catch (RuntimeException ex) {
			// a broker that failed leaves its controller running (and non-daemon threads with it)
			server.shutdown();
			server.awaitShutdown();
			throw new IllegalStateException("Embedded Kafka could not start on[" + settings.bootstrapServers()
					+ "] with directory[" + settings.directory() + "]: " + ex.getMessage(), ex);
		}
		return new SingleNodeKafka(settings, clusterId, server);
	}

	/** The server configuration of a single combined node; every replication factor is 1. */
	static Map<String, String> serverConfig(KafkaNodeSettings settings) {
		String host = settings.host();
		String dir = settings.directory().toAbsolutePath().toString();
		Map<String, String> config = new TreeMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", Integer.toString(NODE_ID));
		config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
		config.put("listeners", "PLAINTEXT://" + host + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://"
				+ host + ":" + settings.controllerPort());
		config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
		config.put("controller.listener.names", CONTROLLER_LISTENER);
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		config.put("log.dirs", dir);
		config.put("metadata.log.dir", dir);
		config.put("offsets.topic.replication.factor", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		// a handful of consumer groups and transactional producers on one machine: Kafka's 50
		// partitions per internal topic would only slow their creation and every restart
		config.put("offsets.topic.num.partitions", "5");
		config.put("transaction.state.log.num.partitions", "5");
		// no other member is coming: a group's first consumer starts reading at once
		config.put("group.initial.rebalance.delay.ms", "0");
		return config;
	}

	/** {@code host:port}, for {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.settings.bootstrapServers();
	}

	/** The id stored in the directory when it was formatted; the same after every restart. */
	public String clusterId() {
		return this.clusterId;
	}

	/**
	 * Creates the topic with {@code partitions} partitions (replication factor 1) unless it exists;
	 * an existing topic is kept as it is, with its data and partition count.
	 * @return whether the topic was created
	 */
	public boolean ensureTopic(String name, int partitions) {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions[" + partitions + "] must be positive");
		}
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		try (Admin admin = Admin.create(config)) {
			if (admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(name)) {
				return false;
			}
			admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
				.all()
				.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw new IllegalStateException("Topic[" + name + "] could not be created on[" + bootstrapServers() + "]",
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(
					"Topic[" + name + "] was not created on[" + bootstrapServers() + "] within " + ADMIN_TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic[" + name + "]", ex);
		}
	}

	/** Shuts the broker and the controller down and waits for them; the directory is kept. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
