package io.strata.node.segment;

import java.util.ArrayList;
import java.util.List;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.segment.SegmentId;
import io.strata.engine.time.Interval;
import io.strata.node.deepstorage.LoadSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSegmentJsonTest {

	private static final Interval DAY = Interval.parse("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");

	private static final String VERSION = "2024-01-03T04:05:06.789Z";

	private final DataSegmentJson json = new DataSegmentJson();

	@Test
	void writesDruidsPayloadKeyForKey() {
		DataSegment segment = new DataSegment(new SegmentId("wikipedia", DAY, VERSION, 1),
				new LoadSpec.Local("/deep/wikipedia/1/segment.strata"), List.of("channel", "page", "user"),
				List.of("count", "added"), new ShardSpec.Numbered(1, 2), 9, 12345);

		assertThat(this.json.toJson(segment)).isEqualTo("{\"dataSource\":\"wikipedia\","
				+ "\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\","
				+ "\"version\":\"2024-01-03T04:05:06.789Z\","
				+ "\"loadSpec\":{\"type\":\"local\",\"path\":\"/deep/wikipedia/1/segment.strata\"},"
				+ "\"dimensions\":\"channel,page,user\",\"metrics\":\"count,added\","
				+ "\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":1,\"partitions\":2},"
				+ "\"binaryVersion\":9,\"size\":12345,"
				+ "\"identifier\":\"wikipedia_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_2024-01-03T04:05:06.789Z_1\"}");
	}

	@Test
	void writesEachShardSpecType() {
		assertThat(shardSpecJson(new ShardSpec.Numbered(0, 3)))
			.isEqualTo("{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":3}");
		assertThat(shardSpecJson(new ShardSpec.Linear(4))).isEqualTo("{\"type\":\"linear\",\"partitionNum\":4}");
		assertThat(shardSpecJson(new ShardSpec.None())).isEqualTo("{\"type\":\"none\"}");
		assertThat(shardSpecJson(new ShardSpec.Hashed(1, 2, 1, 2, List.of("accountId")))).isEqualTo(
				"{\"type\":\"hashed\",\"partitionNum\":1,\"partitions\":2,\"bucketId\":1,\"numBuckets\":2,"
						+ "\"partitionDimensions\":[\"accountId\"],\"partitionFunction\":\"murmur3_32_abs\"}");
	}

	@Test
	void partitionZeroLeavesTheSuffixOutOfTheIdentifier() {
		JsonNode written = this.json.write(segment(new ShardSpec.None(), List.of(), List.of()));

		assertThat(written.get("identifier").asString())
			.isEqualTo("wikipedia_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_" + VERSION);
	}

	@Test
	void emptyColumnListsAreEmptyStrings() {
		JsonNode written = this.json.write(segment(new ShardSpec.None(), List.of(), List.of()));

		assertThat(written.get("dimensions").asString()).isEmpty();
		assertThat(written.get("metrics").asString()).isEmpty();
		assertThat(this.json.read(written).dimensions()).isEmpty();
	}

	@Test
	void readsWhatItWrites() {
		List<DataSegment> segments = List.of(segment(new ShardSpec.Numbered(0, 1), List.of("a"), List.of("m")),
				new DataSegment(new SegmentId("wikipedia", DAY, VERSION, 7), new LoadSpec.S3("b", "k/7.strata"),
						List.of("x", "y"), List.of(), new ShardSpec.Linear(7), 9, Long.MAX_VALUE),
				segment(new ShardSpec.None(), List.of(), List.of("count")),
				segment(new ShardSpec.Hashed(0, 3, 0, 4, List.of("accountId", "apiName")), List.of("a"), List.of("m")));

		for (DataSegment segment : segments) {
			assertThat(this.json.read(this.json.toJson(segment))).isEqualTo(segment);
			assertThat(this.json.read(this.json.write(segment))).isEqualTo(segment);
		}
	}

	@Test
	void readsARealDruidPayloadAndIgnoresFieldsStrataDoesNotKeep() {
		String druid = """
				{
				  "dataSource": "wikiticker",
				  "interval": "2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z",
				  "version": "2019-03-20T10:11:12.131Z",
				  "loadSpec": {"type": "s3_zip", "bucket": "druid-deep", "key": "wikiticker/2015-09-12/0/index.zip", "S3Schema": "s3n"},
				  "dimensions": "channel,cityName,comment,countryIsoCode,isRobot,page,user",
				  "metrics": "count,sum_added,sum_deleted",
				  "shardSpec": {"type": "numbered", "partitionNum": 0, "partitions": 1},
				  "lastCompactionState": {"partitionsSpec": {"type": "dynamic", "maxRowsPerSegment": 5000000}},
				  "binaryVersion": 9,
				  "size": 4817636,
				  "identifier": "wikiticker_2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z_2019-03-20T10:11:12.131Z"
				}""";

		DataSegment segment = this.json.read(druid);

		assertThat(segment.id().toString())
			.isEqualTo("wikiticker_2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z_2019-03-20T10:11:12.131Z");
		assertThat(segment.loadSpec()).isEqualTo(new LoadSpec.S3("druid-deep", "wikiticker/2015-09-12/0/index.zip"));
		assertThat(segment.dimensions()).containsExactly("channel", "cityName", "comment", "countryIsoCode", "isRobot",
				"page", "user");
		assertThat(segment.metrics()).containsExactly("count", "sum_added", "sum_deleted");
		assertThat(segment.shardSpec()).isEqualTo(new ShardSpec.Numbered(0, 1));
		assertThat(segment.binaryVersion()).isEqualTo(9);
		assertThat(segment.size()).isEqualTo(4817636);
		assertThat(segment.lastCompactionState().toString())
			.isEqualTo("{\"partitionsSpec\":{\"type\":\"dynamic\",\"maxRowsPerSegment\":5000000}}");
	}

	@Test
	void keepsTheLastCompactionStateVerbatimAfterTheShardSpec() {
		JsonNode state = tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
				{"partitionsSpec": {"type": "hashed", "numShards": 2, "partitionDimensions": ["page"]},
				 "granularitySpec": {"segmentGranularity": "DAY"}, "indexSpec": {"bitmap": {"type": "roaring"}}}""");
		DataSegment segment = segment(new ShardSpec.Numbered(0, 1), List.of("a"), List.of("m"))
			.withLastCompactionState(state);

		String written = this.json.toJson(segment);
		assertThat(written).contains("\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":1},"
				+ "\"lastCompactionState\":{\"partitionsSpec\":{\"type\":\"hashed\",\"numShards\":2,"
				+ "\"partitionDimensions\":[\"page\"]},\"granularitySpec\":{\"segmentGranularity\":\"DAY\"},"
				+ "\"indexSpec\":{\"bitmap\":{\"type\":\"roaring\"}}},\"binaryVersion\":9");
		assertThat(this.json.read(written)).isEqualTo(segment);
		assertThat(this.json.read(written).lastCompactionState()).isEqualTo(state);
		assertThat(segment.withLoadSpec(new LoadSpec.Local("/elsewhere")).lastCompactionState()).isEqualTo(state);
		// the record keeps its own copy
		((tools.jackson.databind.node.ObjectNode) state).put("changed", true);
		assertThat(segment.lastCompactionState().has("changed")).isFalse();
		assertThat(this.json.write(segment(new ShardSpec.None(), List.of(), List.of())).has("lastCompactionState"))
			.isFalse();
		assertError(written.replace("\"lastCompactionState\":{\"partitionsSpec\":{\"type\":\"hashed\",\"numShards\":2,"
				+ "\"partitionDimensions\":[\"page\"]},", "\"lastCompactionState\":[1],\"x\":{"),
				"segment.lastCompactionState");
	}

	@Test
	void absentOptionalFieldsTakeDruidsDefaults() {
		DataSegment segment = this.json.read("""
				{"dataSource":"d","interval":"2024-01-01/2024-01-02","version":"v","loadSpec":{"type":"local","path":"/p"}}""");

		assertThat(segment.shardSpec()).isEqualTo(new ShardSpec.None());
		assertThat(segment.dimensions()).isEmpty();
		assertThat(segment.metrics()).isEmpty();
		assertThat(segment.binaryVersion()).isEqualTo(DataSegment.BINARY_VERSION);
		assertThat(segment.size()).isZero();
		assertThat(segment.interval()).isEqualTo(DAY);
	}

	@Test
	void errorsNameTheField() {
		String valid = this.json.toJson(segment(new ShardSpec.Numbered(0, 1), List.of("a"), List.of("m")));

		assertError(valid.replace("\"dataSource\":\"wikipedia\",", ""), "segment.dataSource");
		assertError(valid.replace("\"version\":\"" + VERSION + "\",", ""), "segment.version");
		assertError(valid.replace("2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z", "yesterday"),
				"segment.interval");
		assertError(valid.replace("\"size\":100", "\"size\":\"big\""), "segment.size");
		assertError(valid.replace("\"size\":100", "\"size\":-1"), "segment.size");
		assertError(valid.replace("\"binaryVersion\":9", "\"binaryVersion\":[9]"), "segment.binaryVersion");
		assertError(valid.replace("\"dimensions\":\"a\"", "\"dimensions\":[\"a\"]"), "segment.dimensions");
		assertError(valid.replace("\"type\":\"numbered\"", "\"type\":\"single\""), "segment.shardSpec.type");
		assertError(valid.replace("\"partitionNum\":0", "\"partitionNum\":-2"), "segment.shardSpec");
		assertError(valid.replace("\"type\":\"numbered\",", ""), "segment.shardSpec.type");
		assertError(valid.replace("\"shardSpec\":{\"type\":\"numbered\",\"partitionNum\":0,\"partitions\":1}",
				"\"shardSpec\":\"numbered\""), "segment.shardSpec");
		assertError(valid.replace("\"type\":\"local\"", "\"type\":\"hdfs\""), "loadSpec.type");
		assertError(valid.replace("\"loadSpec\":{\"type\":\"local\",\"path\":\"/deep/wikipedia/0/segment.strata\"},",
				""), "segment.loadSpec");
		assertError(valid.replace("\"dataSource\":\"wikipedia\"", "\"dataSource\":\"\""), "segment");
		assertError("[1,2]", "segment");
	}

	@Test
	void invalidJsonIsAnInvalidSpec() {
		assertThatThrownBy(() -> this.json.read("{\"dataSource\":")).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("not valid JSON");
	}

	private void assertError(String payload, String field) {
		assertThatThrownBy(() -> this.json.read(payload)).as(payload)
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC))
			.hasMessageContaining("[" + field);
	}

	private String shardSpecJson(ShardSpec shardSpec) {
		return this.json.write(segment(shardSpec, List.of(), List.of())).get("shardSpec").toString();
	}

	private static DataSegment segment(ShardSpec shardSpec, List<String> dimensions, List<String> metrics) {
		return new DataSegment(new SegmentId("wikipedia", DAY, VERSION, shardSpec.partitionNum()),
				new LoadSpec.Local("/deep/wikipedia/" + shardSpec.partitionNum() + "/segment.strata"),
				new ArrayList<>(dimensions), metrics, shardSpec, 9, 100);
	}

}
