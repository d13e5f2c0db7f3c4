package io.strata.gateway.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how a {@link SingleNodeKafka} runs.
 * @param directory its only log directory: topics, the metadata log and {@code meta.properties}
 * with the cluster id, so that a restart on it keeps the topics and their data
 * @param host what both listeners bind to and the name clients are told to connect to
 * @param port the clients' (broker) port
 * @param controllerPort the KRaft controller's port; only the node's own broker half talks to it
 */
public record KafkaNodeSettings(Path directory, String host, int port, int controllerPort) {

	public KafkaNodeSettings {
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(host, "host");
		if (host.isBlank()) {
			throw new IllegalArgumentException("host must not be blank");
		}
		checkPort("port", port);
		checkPort("controllerPort", controllerPort);
		if (port == controllerPort) {
			throw new IllegalArgumentException(
					"port[" + port + "] and controllerPort[" + controllerPort + "] must differ");
		}
	}

	/** What clients put in {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.host + ":" + this.port;
	}

	private static void checkPort(String name, int value) {
		// no port 0: the controller's address is written into the quorum configuration before it binds
		if (value < 1 || value > 65535) {
			throw new IllegalArgumentException(name + "[" + value + "] must be between 1 and 65535");
		}
	}

}
