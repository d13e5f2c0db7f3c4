package io.strata.node.task;

import java.util.List;

import io.strata.node.config.ConditionalOnRole;
import io.strata.node.config.DeepStorageProperties;
import io.strata.node.config.Role;
import io.strata.node.task.compact.CompactTaskType;
import io.strata.node.task.index.IndexParallelTaskType;
import io.strata.node.task.index.S3InputClients;
import io.strata.node.task.kafka.KafkaIndexTaskType;
import io.strata.node.task.kill.KillTaskType;
import io.strata.node.task.noop.NoopTaskType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task types of this build, on the nodes that parse or run tasks (overlord, workers). A new
 * type is one more {@link TaskType} bean here; the registry collects every one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({ Role.OVERLORD, Role.MIDDLE_MANAGER, Role.INDEXER })
class TaskTypesConfiguration {

	@Bean
	NoopTaskType noopTaskType() {
		return new NoopTaskType();
	}

	@Bean
	IndexParallelTaskType indexParallelTaskType(S3InputClients s3) {
		return new IndexParallelTaskType("index_parallel", s3::client);
	}

	/** Druid's single-process {@code index} task reads the same spec; here it runs the same way. */
	@Bean
	IndexParallelTaskType indexTaskType(S3InputClients s3) {
		return new IndexParallelTaskType("index", s3::client);
	}

	@Bean
	CompactTaskType compactTaskType() {
		return new CompactTaskType();
	}

	@Bean(destroyMethod = "close")
	S3InputClients s3InputClients(DeepStorageProperties properties) {
		return new S3InputClients(properties.s3());
	}

	@Bean
	TaskTypes taskTypes(List<TaskType> types) {
		return new TaskTypes(types);
	}

	@Bean
	KafkaIndexTaskType kafkaIndexTaskType() {
		return new KafkaIndexTaskType();
	}

	@Bean
	KillTaskType killTaskType() {
		return new KillTaskType();
	}

}
