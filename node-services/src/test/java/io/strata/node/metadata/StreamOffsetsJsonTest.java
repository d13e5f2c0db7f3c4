package io.strata.node.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.strata.engine.error.StrataException;
import io.strata.node.task.TaskAction;
import io.strata.node.task.TaskActionJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamOffsetsJsonTest {

	private final StreamOffsetsJson json = new StreamOffsetsJson();

	private final StreamOffsets offsets = StreamOffsets.of("usage", Map.of(10, 7L, 2, 123L));

	@Test
	void endOffsetsAreDruidsKafkaCommitMetadata() {
		String written = this.json.toJson(this.offsets, StreamOffsetsJson.Kind.END);
		assertThat(written).isEqualTo("{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\",\"stream\":\"usage\","
				+ "\"partitionOffsetMap\":{\"2\":123,\"10\":7}}}");
		assertThat(this.json.read(written, "endMetadata")).isEqualTo(this.offsets);
	}

	@Test
	void startOffsetsCarryExclusivePartitionsAndReadBackTheSame() {
		String written = this.json.toJson(this.offsets, StreamOffsetsJson.Kind.START);
		assertThat(written).contains("\"type\":\"start\"").endsWith("\"exclusivePartitions\":[]}}");
		assertThat(this.json.read(written, "startMetadata")).isEqualTo(this.offsets);
	}

	@Test
	void malformedMetadataNamesTheField() {
		assertThatThrownBy(() -> this.json.read("{\"type\":\"kinesis\",\"partitions\":{}}", "startMetadata"))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("[startMetadata.type]");
		assertThatThrownBy(() -> this.json.read(
				"{\"type\":\"kafka\",\"partitions\":{\"stream\":\"s\",\"partitionOffsetMap\":{\"x\":1}}}", "endMetadata"))
			.hasMessageContaining("[endMetadata.partitions.partitionOffsetMap.x]");
		assertThatThrownBy(() -> this.json.read(
				"{\"type\":\"kafka\",\"partitions\":{\"stream\":\"s\",\"partitionOffsetMap\":{\"0\":-1}}}", "endMetadata"))
			.hasMessageContaining("[endMetadata.partitions.partitionOffsetMap.0]");
	}

	@Test
	void offsetsMatchOnTheirCommonPartitionsAndAddUp() {
		StreamOffsets committed = StreamOffsets.of("usage", Map.of(0, 10L, 1, 20L));
		assertThat(committed.matches(StreamOffsets.of("usage", Map.of(0, 10L)))).isTrue();
		assertThat(committed.matches(StreamOffsets.of("usage", Map.of(0, 10L, 2, 99L)))).isTrue();
		assertThat(committed.matches(StreamOffsets.of("usage", Map.of(0, 9L)))).isFalse();
		assertThat(committed.matches(StreamOffsets.of("other", Map.of(0, 10L)))).isFalse();
		assertThat(committed.plus(StreamOffsets.of("usage", Map.of(0, 15L, 2, 3L))))
			.isEqualTo(StreamOffsets.of("usage", Map.of(0, 15L, 1, 20L, 2, 3L)));
	}

	@Test
	void aTransactionalInsertCarriesItsOffsetsThroughTheActionJson() {
		TaskActionJson actions = new TaskActionJson();
		TaskAction.SegmentInsert insert = new TaskAction.SegmentInsert(List.of(), Optional.of(
				new TaskAction.StreamCommit(StreamOffsets.of("usage", Map.of(0, 0L)), this.offsets)));
		String written = actions.write("task-1", insert);
		assertThat(written).contains("\"startMetadata\":{\"type\":\"kafka\",\"partitions\":{\"type\":\"start\"")
			.contains("\"endMetadata\":{\"type\":\"kafka\",\"partitions\":{\"type\":\"end\"");
	}

}
