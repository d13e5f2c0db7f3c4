package io.strata.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.wire.ConfluentAvroDeserializer;
import io.strata.gateway.archive.ArchiverHooks;
import io.strata.gateway.archive.ArchiverMetrics;
import io.strata.gateway.archive.ArchiverProperties;
import io.strata.gateway.archive.ArchiverSettings;
import io.strata.gateway.archive.UsageArchiver;
import io.strata.gateway.http.GatewayProperties;
import io.strata.gateway.storage.DeepStorage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The raw-event archiver, on unless {@code strata.archiver.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiverProperties.class)
@ConditionalOnBooleanProperty(name = "strata.archiver.enabled", matchIfMissing = true)
class ArchiveConfiguration {

	/**
	 * Manual commits only, after the files are written; {@code read_committed} so records of
	 * aborted transactions never reach the archive.
	 */
	@Bean(destroyMethod = "close")
	UsageArchiver usageArchiver(ArchiverProperties archiver, GatewayProperties gateway, DeepStorage deepStorage,
			MeterRegistry meters, @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
			@Value("${strata.gateway.schema-registry-url:http://localhost:8085}") String registryUrl) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, archiver.groupId());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
		ArchiverSettings settings = new ArchiverSettings(gateway.topic(), archiver.prefix(), archiver.flushInterval(),
				archiver.maxRecords(), archiver.retryBackoff(), Path.of(gateway.stateDir(), "archive-work"));
		SchemaRegistryClient registry = new SchemaRegistryClient(URI.create(registryUrl));
		return new UsageArchiver(settings,
				() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
				ConfluentAvroDeserializer.specific(registry, UsageEvent.class), deepStorage, new ArchiverMetrics(meters),
				ArchiverHooks.NONE);
	}

	/** Starts reading once the application is up; {@link UsageArchiver#close()} flushes on shutdown. */
	@Bean
	SmartLifecycle usageArchiverLifecycle(UsageArchiver archiver) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				archiver.start();
				this.running = true;
			}

			@Override
			public void stop() {
				archiver.close();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

		};
	}

}
