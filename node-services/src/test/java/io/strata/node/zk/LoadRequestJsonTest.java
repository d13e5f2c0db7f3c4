package io.strata.node.zk;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import io.strata.node.segment.DataSegment;
import io.strata.node.segment.DataSegmentJson;
import io.strata.node.segment.ShardSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadRequestJsonTest {

	private final LoadRequestJson json = new LoadRequestJson();

	private final DataSegment segment = new DataSegment(
			new SegmentId("wikipedia", Interval.parse("2024-01-01/P1D"), "2024-01-05T00:00:00.000Z", 1),
			new LoadSpec.Local("/deep/w/1.strata"), List.of("page"), List.of("count"), new ShardSpec.Numbered(1, 2), 9,
			2048);

	@Test
	void writesDruidsChangeRequestWithTheSegmentUnwrapped() {
		String payload = new DataSegmentJson().toJson(this.segment);

		assertThat(text(this.json.write(new LoadRequest(LoadRequest.Action.LOAD, this.segment))))
			.isEqualTo("{\"action\":\"load\"," + payload.substring(1));
		assertThat(text(this.json.write(new LoadRequest(LoadRequest.Action.DROP, this.segment))))
			.isEqualTo("{\"action\":\"drop\"," + payload.substring(1));
	}

	@Test
	void readsWhatItWrites() {
		for (LoadRequest.Action action : LoadRequest.Action.values()) {
			LoadRequest request = new LoadRequest(action, this.segment);

			assertThat(this.json.read(this.json.write(request))).isEqualTo(request);
		}
	}

	@Test
	void readsARequestDruidsCoordinatorWrote() {
		LoadRequest request = this.json.read(bytes("{\"action\":\"drop\",\"dataSource\":\"wikipedia\","
				+ "\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\","
				+ "\"version\":\"2024-01-05T00:00:00.000Z\",\"loadSpec\":{\"type\":\"local\",\"path\":\"/deep/w/1.strata\"},"
				+ "\"dimensions\":\"page\",\"metrics\":\"count\","
				+ "\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":1,\"partitions\":2},"
				+ "\"lastCompactionState\":null,\"binaryVersion\":9,\"size\":2048,"
				+ "\"identifier\":\"wikipedia_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_2024-01-05T00:00:00.000Z_1\"}"));

		assertThat(request).isEqualTo(new LoadRequest(LoadRequest.Action.DROP, this.segment));
	}

	@Test
	void anUnknownOrMissingActionIsNamed() {
		String segmentFields = new DataSegmentJson().toJson(this.segment).substring(1);

		assertThatThrownBy(() -> this.json.read(bytes("{\"action\":\"move\"," + segmentFields)))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("action[move]");
		assertThatThrownBy(() -> this.json.read(bytes("{" + segmentFields))).isInstanceOf(StrataException.class)
			.hasMessageContaining("action[]");
	}

	@Test
	void aBrokenSegmentOrDocumentIsAnInvalidSpec() {
		assertThatThrownBy(() -> this.json.read(bytes("{\"action\":\"load\",\"dataSource\":\"w\"}")))
			.isInstanceOf(StrataException.class)
			.hasMessageContaining("segment.interval");
		assertThatThrownBy(() -> this.json.read(bytes("{\"action\":")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("not valid JSON");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
