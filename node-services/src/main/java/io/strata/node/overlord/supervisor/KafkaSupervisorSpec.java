package io.strata.node.overlord.supervisor;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.strata.engine.ingest.DataSchema;
import io.strata.engine.time.IsoPeriod;

/**
 * A validated {@code kafka} supervisor spec (Druid's {@code KafkaSupervisorSpec}): what to ingest,
 * from which topic, with how many tasks. {@code id} is the datasource's name.
 */
public record KafkaSupervisorSpec(String id, DataSchema dataSchema, IoConfig ioConfig, TuningConfig tuningConfig,
		boolean suspended) {

	public KafkaSupervisorSpec {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(dataSchema, "dataSchema");
		Objects.requireNonNull(ioConfig, "ioConfig");
		Objects.requireNonNull(tuningConfig, "tuningConfig");
	}

	/** {@code spec.ioConfig}; {@code inputFormat} is kept by type ({@code json} or {@code avro_stream}). */
	public record IoConfig(String topic, SortedMap<String, String> consumerProperties, int taskCount, int replicas,
			IsoPeriod taskDuration, boolean useEarliestOffset, IsoPeriod completionTimeout,
			Optional<IsoPeriod> lateMessageRejectionPeriod, String inputFormat) {

		public IoConfig {
			Objects.requireNonNull(topic, "topic");
			consumerProperties = Collections.unmodifiableSortedMap(new TreeMap<>(consumerProperties));
			Objects.requireNonNull(taskDuration, "taskDuration");
			Objects.requireNonNull(completionTimeout, "completionTimeout");
			Objects.requireNonNull(lateMessageRejectionPeriod, "lateMessageRejectionPeriod");
			Objects.requireNonNull(inputFormat, "inputFormat");
			if (taskCount < 1 || replicas < 1) {
				throw new IllegalArgumentException("taskCount and replicas must be at least 1");
			}
		}

		public String bootstrapServers() {
			return Objects.requireNonNull(this.consumerProperties.get("bootstrap.servers"), "bootstrap.servers");
		}

	}

	/** {@code spec.tuningConfig}, with Druid's defaults. */
	public record TuningConfig(int maxRowsInMemory, int maxRowsPerSegment, IsoPeriod intermediatePersistPeriod,
			int maxParseExceptions) {

		public TuningConfig {
			Objects.requireNonNull(intermediatePersistPeriod, "intermediatePersistPeriod");
		}

	}

}
