package io.strata.node.overlord.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a supervisor asks Kafka: the topic's partitions and their earliest and latest offsets
 * (latest under {@code read_committed}: the last stable offset, as tasks read). Not thread-safe:
 * the supervisor's thread only.
 */
final class KafkaStreamMetadata implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String topic;

	private final KafkaConsumer<byte[], byte[]> consumer;

	KafkaStreamMetadata(String topic, Map<String, String> consumerProperties) {
		this.topic = topic;
		Properties properties = new Properties();
		properties.putAll(consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		this.consumer = new KafkaConsumer<>(properties);
	}

	List<Integer> partitions() {
		List<PartitionInfo> infos = this.consumer.partitionsFor(this.topic, TIMEOUT);
		return infos == null ? List.of() : infos.stream().map(PartitionInfo::partition).sorted().toList();
	}

	Map<Integer, Long> latest(List<Integer> partitions) {
		return offsets(this.consumer.endOffsets(topicPartitions(partitions), TIMEOUT));
	}

	Map<Integer, Long> earliest(List<Integer> partitions) {
		return offsets(this.consumer.beginningOffsets(topicPartitions(partitions), TIMEOUT));
	}

	private List<TopicPartition> topicPartitions(List<Integer> partitions) {
		return partitions.stream().map(partition -> new TopicPartition(this.topic, partition)).toList();
	}

	private static Map<Integer, Long> offsets(Map<TopicPartition, Long> offsets) {
		Map<Integer, Long> result = new TreeMap<>();
		offsets.forEach((partition, offset) -> result.put(partition.partition(), offset));
		return result;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
