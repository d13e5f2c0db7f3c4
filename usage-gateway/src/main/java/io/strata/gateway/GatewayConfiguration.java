package io.strata.gateway;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.avro.schema.UsageEvent;
import io.strata.avro.registry.SchemaRegistryClient;
import io.strata.avro.wire.ConfluentAvroSerializer;
import io.strata.gateway.auth.ApiToken;
import io.strata.gateway.auth.ApiTokens;
import io.strata.gateway.batch.BatchImports;
import io.strata.gateway.batch.BatchLedger;
import io.strata.gateway.crypto.FileAccountKeyStore;
import io.strata.gateway.crypto.IdentifierCipher;
import io.strata.gateway.http.GatewayProperties;
import io.strata.gateway.http.UsageEventValidator;
import io.strata.gateway.publish.KafkaUsagePublisher;
import io.strata.gateway.publish.UsagePublisher;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's parts: tokens, validation, encryption keys, the Kafka producer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

	@Bean
	ApiTokens apiTokens(GatewayProperties properties) {
		return new ApiTokens(properties.tokens()
			.stream()
			.map(token -> new ApiToken(token.name(), token.sha256(), token.services()))
			.toList());
	}

	@Bean
	UsageEventValidator usageEventValidator(GatewayProperties properties) {
		return new UsageEventValidator(properties.maxAge(), properties.maxFutureSkew(), System::currentTimeMillis);
	}

	@Bean
	IdentifierCipher identifierCipher(GatewayProperties properties) {
		return new IdentifierCipher(new FileAccountKeyStore(Path.of(properties.keyStore())));
	}

	/**
	 * Idempotent, {@code acks=all}: an acknowledged event is on every in-sync replica and a retried
	 * send never duplicates it. {@code max.block.ms} and the delivery timeout bound how long a
	 * request can wait when Kafka is away.
	 */
	@Bean(destroyMethod = "close")
	KafkaProducer<String, UsageEvent> usageProducer(GatewayProperties properties,
			@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
			@Value("${strata.gateway.schema-registry-url:http://localhost:8085}") String registryUrl) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		// 128 KiB batches: with the default 16 KiB a busy gateway opens a batch (and wakes the sender) every ~100 events
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
		long waitMillis = properties.ackTimeout().toMillis();
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, waitMillis);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, waitMillis / 2));
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(waitMillis, 1005 + Math.max(1000, waitMillis / 2)));
		ConfluentAvroSerializer<UsageEvent> values = new ConfluentAvroSerializer<>(
				new SchemaRegistryClient(java.net.URI.create(registryUrl)));
		return new KafkaProducer<>(config, new StringSerializer(), values);
	}

	@Bean(destroyMethod = "shutdownNow")
	java.util.concurrent.ExecutorService batchExecutor() {
		return java.util.concurrent.Executors.newFixedThreadPool(2,
				Thread.ofPlatform().name("batch-import-", 0).daemon(true).factory());
	}

	/** Batch summaries come later than live events: their rows may be up to {@code batchMaxAge} old. */
	@Bean
	BatchImports batchImports(GatewayProperties properties, UsagePublisher publisher,
			java.util.concurrent.ExecutorService batchExecutor) {
		UsageEventValidator batchValidator = new UsageEventValidator(properties.batchMaxAge(), properties.maxFutureSkew(),
				System::currentTimeMillis);
		return new BatchImports(batchValidator, publisher, new BatchLedger(Path.of(properties.stateDir(), "batches.jsonl")),
				batchExecutor);
	}

	@Bean
	io.strata.gateway.batch.BatchSpool batchSpool(GatewayProperties properties) {
		return new io.strata.gateway.batch.BatchSpool(Path.of(properties.stateDir(), "spool"));
	}

	@Bean
	UsagePublisher usagePublisher(KafkaProducer<String, UsageEvent> usageProducer, IdentifierCipher cipher,
			GatewayProperties properties, MeterRegistry meters) {
		return new KafkaUsagePublisher(usageProducer, properties.topic(), cipher, properties.ackTimeout(), meters);
	}

}
