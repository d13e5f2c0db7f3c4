package io.strata.engine.batch;

import io.strata.engine.input.FieldMap;
import io.strata.engine.input.InputRow;
import io.strata.engine.json.SpecNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Druid's tuningConfig and partitionsSpec JSON, and the hash that routes rows to shards. */
class PartitioningJsonTest {

	private static SpecNode json(String text) {
		return SpecNode.root(JsonMapper.builder().build().readTree(text), "tuningConfig");
	}

	@Test
	void readsDruidsTuningConfigWithItsDefaults() {
		BatchTuningConfig defaults = new BatchTuningJson().read(json("{\"type\": \"index_parallel\"}"));
		assertThat(defaults.partitionsSpec()).isEqualTo(new DynamicPartitionsSpec(5_000_000, 20_000_000L));
		assertThat(defaults.maxRowsInMemory()).isEqualTo(1_000_000);
		assertThat(defaults.maxParseExceptions()).isEqualTo(Integer.MAX_VALUE);
		assertThat(defaults.maxSavedParseExceptions()).isZero();

		BatchTuningConfig hashed = new BatchTuningJson().read(json("""
				{"type": "index_parallel", "maxRowsInMemory": 5000, "maxBytesInMemory": -1, "maxParseExceptions": 3,
				 "maxSavedParseExceptions": 2, "maxNumConcurrentSubTasks": 4,
				 "partitionsSpec": {"type": "hashed", "numShards": 4, "partitionDimensions": ["accountId"]}}"""));
		assertThat(hashed).isEqualTo(new BatchTuningConfig(HashedPartitionsSpec.ofShards(4, List.of("accountId")), 5000,
				Long.MAX_VALUE, 3, 2));
		assertThat(new BatchTuningJson().readPartitionsSpec(json("{\"type\": \"hashed\", \"targetRowsPerSegment\": 10}")))
			.isEqualTo(HashedPartitionsSpec.ofTargetRows(10, List.of()));
		assertThat(new BatchTuningJson().readPartitionsSpec(json("{\"type\": \"hashed\"}")))
			.isEqualTo(HashedPartitionsSpec.ofTargetRows(5_000_000, List.of()));
		assertThat(new BatchTuningJson().readPartitionsSpec(json("{\"type\": \"dynamic\", \"maxRowsPerSegment\": 7}")))
			.isEqualTo(DynamicPartitionsSpec.ofMaxRows(7));
	}

	@Test
	void refusesWhatItCannotDo() {
		assertThatThrownBy(() -> new BatchTuningJson().readPartitionsSpec(json("{\"type\": \"range\"}")))
			.hasMessageContaining("field[tuningConfig.type] is an unsupported partitionsSpec [range]");
		assertThatThrownBy(() -> new BatchTuningJson()
			.readPartitionsSpec(json("{\"type\": \"hashed\", \"numShards\": 2, \"targetRowsPerSegment\": 9}")))
			.hasMessageContaining("numShards and targetRowsPerSegment exclude each other");
		assertThatThrownBy(() -> new BatchTuningJson().readPartitionsSpec(json("{\"type\": \"dynamic\", \"maxRowsPerSegment\": 0}")))
			.hasMessageContaining("maxRowsPerSegment must be positive");
	}

	@Test
	void murmur3MatchesTheReferenceVectors() {
		assertThat(hash("")).isZero();
		assertThat(hash("hello")).isEqualTo(0x248bfa47);
		assertThat(hash("The quick brown fox jumps over the lazy dog")).isEqualTo(0x2e4ff723);
		assertThat(hash("abc")).isEqualTo(0xb3dd93fa);
	}

	private static int hash(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Murmur3.hash32(bytes, bytes.length);
	}

	@Test
	void theHashKeyIsTheJsonOfTheValuesAsStringLists() {
		FieldMap fields = new FieldMap(3);
		fields.put("accountId", "acct-\"1\"");
		fields.put("bundles", List.of("b", "a"));
		fields.put("statusCode", 200L);
		InputRow row = new InputRow(0, fields);
		HashPartitionFunction function = new HashPartitionFunction(List.of("accountId", "region", "statusCode", "bundles"));
		String key = function.key(row, 0, List.of());
		assertThat(key).isEqualTo("[[\"acct-\\\"1\\\"\"],[],[\"200\"],[\"b\",\"a\"]]");
		byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
		assertThat(function.bucket(row, 0, List.of(), 7)).isEqualTo(Math.abs(Murmur3.hash32(bytes, bytes.length) % 7));
		assertThat(new HashPartitionFunction(List.of()).key(row, 60_000, List.of("statusCode", "accountId", "region")))
			.isEqualTo("[60000,{\"accountId\":[\"acct-\\\"1\\\"\"],\"statusCode\":[\"200\"]}]");
	}

}
