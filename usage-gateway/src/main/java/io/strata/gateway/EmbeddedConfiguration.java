package io.strata.gateway;

import io.strata.avro.registry.server.SchemaRegistryServer;
import io.strata.gateway.archive.UsageArchiver;
import io.strata.gateway.embedded.EmbeddedProperties;
import io.strata.gateway.embedded.SingleNodeKafka;
import io.strata.gateway.http.GatewayProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The single-machine mode: a Kafka node and the schema registry started in this process, each
 * only when {@code strata.embedded.kafka.enabled} / {@code strata.embedded.registry.enabled}.
 * They start while the context is built, before the producer and the archiver exist (both are
 * made to depend on them), and stop after those are closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
class EmbeddedConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("strata.embedded.kafka.enabled")
	SingleNodeKafka embeddedKafka(EmbeddedProperties embedded, GatewayProperties gateway) {
		EmbeddedProperties.Kafka properties = embedded.kafka();
		SingleNodeKafka kafka = SingleNodeKafka.start(properties.settings());
		try {
			boolean created = kafka.ensureTopic(gateway.topic(), properties.partitions());
			LOG.info("Embedded Kafka is up on {} (cluster {}, directory {}); topic {} {}", kafka.bootstrapServers(),
					kafka.clusterId(), properties.directory().toAbsolutePath(), gateway.topic(),
					created ? "created with " + properties.partitions() + " partitions" : "found");
			return kafka;
		}
		catch (RuntimeException ex) {
			// Spring destroys only beans it finished making: without this the node's threads would
			// keep a failed application alive
			kafka.close();
			throw ex;
		}
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("strata.embedded.registry.enabled")
	SchemaRegistryServer embeddedSchemaRegistry(EmbeddedProperties embedded) {
		EmbeddedProperties.Registry properties = embedded.registry();
		SchemaRegistryServer registry = new SchemaRegistryServer(properties.directory()).start(properties.port());
		LOG.info("Embedded schema registry is up on {} (directory {})", registry.url(),
				properties.directory().toAbsolutePath());
		return registry;
	}

	@Bean
	static ProducerAfterEmbeddedServices producerAfterEmbeddedServices() {
		return new ProducerAfterEmbeddedServices();
	}

	@Bean
	static ArchiverAfterEmbeddedServices archiverAfterEmbeddedServices() {
		return new ArchiverAfterEmbeddedServices();
	}

	/** The producer is made (and later closed) only with the embedded services up, when there are any. */
	static final class ProducerAfterEmbeddedServices extends AbstractDependsOnBeanFactoryPostProcessor {

		ProducerAfterEmbeddedServices() {
			super(KafkaProducer.class, SingleNodeKafka.class, SchemaRegistryServer.class);
		}

	}

	/** The archiver's consumer likewise: it reads the topic and asks the registry for schemas. */
	static final class ArchiverAfterEmbeddedServices extends AbstractDependsOnBeanFactoryPostProcessor {

		ArchiverAfterEmbeddedServices() {
			super(UsageArchiver.class, SingleNodeKafka.class, SchemaRegistryServer.class);
		}

	}

}
