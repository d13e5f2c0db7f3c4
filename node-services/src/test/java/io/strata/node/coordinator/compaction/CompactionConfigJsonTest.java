package io.strata.node.coordinator.compaction;

import java.util.List;

import io.strata.engine.error.ErrorCategory;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.Granularity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactionConfigJsonTest {

	private final CompactionConfigJson json = new CompactionConfigJson();

	@Test
	void aMinimalConfigTakesDruidsDefaults() {
		DataSourceCompactionConfig config = this.json.readDataSource("{\"dataSource\": \"wiki\"}");

		assertThat(config.taskPriority()).isEqualTo(25);
		assertThat(config.inputSegmentSizeBytes()).isEqualTo(100_000_000_000_000L);
		assertThat(config.skipOffsetFromLatest()).isEqualTo("P1D");
		assertThat(config.partitionsSpec()).isEqualTo(new PartitionsSpec.Dynamic(5_000_000, Long.MAX_VALUE));
		assertThat(config.segmentGranularity()).isNull();
		assertThat(this.json.toJson(this.json.writeDataSource(config))).isEqualTo("{\"dataSource\":\"wiki\","
				+ "\"taskPriority\":25,\"inputSegmentSizeBytes\":100000000000000,\"maxRowsPerSegment\":null,"
				+ "\"skipOffsetFromLatest\":\"P1D\",\"tuningConfig\":null,\"granularitySpec\":null,\"dimensionsSpec\":null,"
				+ "\"transformSpec\":null,\"metricsSpec\":null,\"ioConfig\":null,\"taskContext\":null}");
	}

	@Test
	void aFullConfigRoundTripsThroughTheStoredClusterConfig() {
		DataSourceCompactionConfig config = this.json.readDataSource("""
				{"dataSource": "wiki", "taskPriority": 30, "inputSegmentSizeBytes": 1000, "skipOffsetFromLatest": "PT6H",
				 "tuningConfig": {"maxRowsInMemory": 5000, "partitionsSpec": {"type": "hashed", "targetRowsPerSegment": 100, "partitionDimensions": ["page"]}},
				 "granularitySpec": {"segmentGranularity": "DAY", "queryGranularity": "minute", "rollup": true},
				 "metricsSpec": [{"type": "count", "name": "count"}], "taskContext": {"priority": 1}}""");
		CompactionConfig cluster = CompactionConfig.EMPTY.with(config)
			.with(this.json.readDataSource("{\"dataSource\": \"a\"}"))
			.withSlots(0.5, 4);

		String stored = this.json.toJson(this.json.writeCluster(cluster));
		CompactionConfig read = this.json.readCluster(stored);

		assertThat(read).isEqualTo(cluster);
		assertThat(read.compactionConfigs()).extracting(DataSourceCompactionConfig::dataSource).containsExactly("a", "wiki");
		assertThat(config.partitionsSpec()).isEqualTo(new PartitionsSpec.Hashed(0, 100, List.of("page"), "murmur3_32_abs"));
		assertThat(config.segmentGranularity()).isEqualTo(Granularity.named("day"));
		assertThat(stored).contains("\"compactionTaskSlotRatio\":0.5,\"maxCompactionTaskSlots\":4,\"useAutoScaleSlots\":false")
			.contains("\"skipOffsetFromLatest\":\"PT6H\"");
		assertThat(this.json.readCluster("{}")).isEqualTo(CompactionConfig.EMPTY);
	}

	@Test
	void errorsNameTheField() {
		assertError("{}", "dataSource");
		assertError("{\"dataSource\": \"wiki\", \"taskPriority\": \"high\"}", "taskPriority");
		assertError("{\"dataSource\": \"wiki\", \"inputSegmentSizeBytes\": 0}", "inputSegmentSizeBytes");
		assertError("{\"dataSource\": \"wiki\", \"skipOffsetFromLatest\": \"a day\"}", "skipOffsetFromLatest");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": 5}", "tuningConfig");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"type\": \"kafka\"}}", "tuningConfig.type");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"maxRowsInMemory\": -1}}", "tuningConfig.maxRowsInMemory");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"partitionsSpec\": {\"type\": \"range\"}}}",
				"tuningConfig.partitionsSpec.type");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"partitionsSpec\": {\"type\": \"hashed\", \"numShards\": 0}}}",
				"tuningConfig.partitionsSpec.numShards");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"partitionsSpec\": "
				+ "{\"type\": \"hashed\", \"numShards\": 2, \"targetRowsPerSegment\": 5}}}", "tuningConfig.partitionsSpec.numShards");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"partitionsSpec\": "
				+ "{\"type\": \"hashed\", \"partitionDimensions\": \"page\"}}}", "tuningConfig.partitionsSpec.partitionDimensions");
		assertError("{\"dataSource\": \"wiki\", \"tuningConfig\": {\"partitionsSpec\": {\"type\": \"dynamic\", \"maxRowsPerSegment\": 0}}}",
				"tuningConfig.partitionsSpec.maxRowsPerSegment");
		assertError("{\"dataSource\": \"wiki\", \"granularitySpec\": {\"segmentGranularity\": \"fortnight\"}}",
				"granularitySpec.segmentGranularity");
		assertError("{\"dataSource\": \"wiki\", \"metricsSpec\": {}}", "metricsSpec");
		assertError("{\"dataSource\": \"wiki\", \"taskContext\": []}", "taskContext");
		assertError("[]", "");
		assertThatThrownBy(() -> this.json.readDataSource("{\"dataSource\": ")).isInstanceOfSatisfying(
				StrataException.class, ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT));
		assertThatThrownBy(() -> this.json.readCluster("{\"compactionTaskSlotRatio\": 2}"))
			.hasMessageContaining("[compactionTaskSlotRatio]");
		assertThatThrownBy(() -> this.json.readCluster("{\"maxCompactionTaskSlots\": -1}"))
			.hasMessageContaining("[maxCompactionTaskSlots]");
	}

	private void assertError(String body, String field) {
		assertThatThrownBy(() -> this.json.readDataSource(body)).as(body)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode().category()).isEqualTo(ErrorCategory.INVALID_INPUT))
			.hasMessageContaining("field[" + field);
	}

}
