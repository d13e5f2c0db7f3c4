package io.strata.benchmarks.streaming;

import java.net.URI;

import io.strata.benchmarks.UsageDataSchema;
import io.strata.engine.json.SpecNode;
import io.strata.node.overlord.supervisor.KafkaSupervisorSpec;
import io.strata.node.overlord.supervisor.KafkaSupervisorSpecJson;
import io.strata.node.task.kafka.StreamParsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's supervisor spec, read as the overlord reads a submitted one. */
class UsageSupervisorSpecTest {

	private final KafkaSupervisorSpecJson specs = new KafkaSupervisorSpecJson();

	@Test
	void isOneTaskFromTheEarliestOffsetWithTheUsageSchemaAndDruidsTuning() {
		JsonNode json = this.specs.parse(UsageSupervisorSpec.json("usage_live", "usage-live", "localhost:9092",
				URI.create("http://localhost:8085"), 150_000));

		KafkaSupervisorSpec spec = this.specs.read(json).spec();

		assertThat(spec.id()).isEqualTo("usage_live");
		assertThat(spec.ioConfig().topic()).isEqualTo("usage-live");
		assertThat(spec.ioConfig().bootstrapServers()).isEqualTo("localhost:9092");
		assertThat(spec.ioConfig().taskCount()).isEqualTo(1);
		assertThat(spec.ioConfig().replicas()).isEqualTo(1);
		assertThat(spec.ioConfig().useEarliestOffset()).isTrue();
		assertThat(spec.tuningConfig().maxRowsInMemory()).isEqualTo(150_000);
		assertThat(spec.tuningConfig().maxParseExceptions()).isZero();
		assertThat(spec.dataSchema().dimensionsSpec())
			.isEqualTo(UsageDataSchema.parse().dimensionsSpec());
		assertThat(spec.dataSchema().metricNames()).contains("calls", "requests");
		StreamParsers.validate(SpecNode.root(json.path("spec").path("ioConfig").path("inputFormat"),
				"ioConfig.inputFormat"));
	}

}
