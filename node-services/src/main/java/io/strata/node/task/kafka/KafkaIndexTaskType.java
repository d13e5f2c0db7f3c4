package io.strata.node.task.kafka;

import io.strata.engine.json.SpecNode;
import io.strata.node.task.TaskExecutor;
import io.strata.node.task.TaskType;

/** Druid's {@code index_kafka} task type (realtime lock priority 75). */
public final class KafkaIndexTaskType implements TaskType {

	private final KafkaIndexTaskJson json = new KafkaIndexTaskJson();

	@Override
	public String name() {
		return "index_kafka";
	}

	@Override
	public int defaultPriority() {
		return 75;
	}

	@Override
	public TaskExecutor parse(SpecNode payload) {
		return new KafkaIndexTask(this.json.read(payload));
	}

}
