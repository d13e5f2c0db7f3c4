package io.strata.gateway.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code strata.embedded.*}: the Kafka node and schema registry the gateway can run in its own
 * process on a single machine ({@code bin/strata}). Both are off by default. Their defaults match
 * the gateway's own defaults for {@code spring.kafka.bootstrap-servers} ({@code localhost:9092})
 * and {@code strata.gateway.schema-registry-url} ({@code http://localhost:8085}): change a port
 * here and change the matching URL too.
 * @param kafka the embedded Kafka node
 * @param registry the embedded schema registry
 */
@ConfigurationProperties("strata.embedded")
public record EmbeddedProperties(@DefaultValue Kafka kafka, @DefaultValue Registry registry) {

	/**
	 * {@code strata.embedded.kafka.*}.
	 * @param enabled start a single-node KRaft Kafka (broker and controller) before the gateway's
	 * producer and consumers connect; it holds every event in this process's directory, so only for
	 * one machine
	 * @param host what the node binds to and advertises; {@code 0.0.0.0} is not advertisable, use the
	 * machine's name to let other machines in
	 * @param port the clients' port
	 * @param controllerPort the KRaft controller's port (local to the node, but it must be free)
	 * @param directory the log directory; it keeps the cluster id, topics and data across restarts
	 * (delete it to start empty)
	 * @param partitions partitions of the usage topic when it is created; more lets more tasks
	 * ingest it in parallel, each costs a few open files. An existing topic is not changed
	 */
	public record Kafka(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
			@DefaultValue("9092") int port, @DefaultValue("9093") int controllerPort,
			@DefaultValue("var/strata/kafka") Path directory, @DefaultValue("3") int partitions) {

		public KafkaNodeSettings settings() {
			return new KafkaNodeSettings(this.directory, this.host, this.port, this.controllerPort);
		}

	}

	/**
	 * {@code strata.embedded.registry.*}.
	 * @param enabled start Strata's Confluent-compatible schema registry, on the loopback interface
	 * @param port its port
	 * @param directory its log of schemas; keeps every schema id across restarts, which the records
	 * already in Kafka refer to (delete it only with the Kafka directory)
	 */
	public record Registry(@DefaultValue("false") boolean enabled, @DefaultValue("8085") int port,
			@DefaultValue("var/strata/registry") Path directory) {

	}

}
