package io.strata.node.broker.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.query.QueryJson;

class QueryCacheKeysTest {

	private final QueryCacheKeys keys = new QueryCacheKeys();

	private static final String TIMESERIES = """
			{"queryType":"timeseries","dataSource":"usage","granularity":"hour",
			 "intervals":["2025-01-01T00:00:00.000Z/2025-01-02T00:00:00.000Z"],
			 "filter":{"type":"selector","dimension":"plan","value":"pro"},
			 "aggregations":[{"type":"longSum","name":"calls","fieldName":"calls"}],
			 "context":{"queryId":"q-1","timeout":40000}}
			""";

	@Test
	void contextDoesNotChangeTheKey() {
		String other = TIMESERIES.replace("\"context\":{\"queryId\":\"q-1\",\"timeout\":40000}",
				"\"context\":{\"queryId\":\"q-2\",\"useCache\":true,\"priority\":5}");
		String empty = TIMESERIES.replace("\"context\":{\"queryId\":\"q-1\",\"timeout\":40000}", "\"context\":{}");
		String none = TIMESERIES.replace(",\n \"context\":{\"queryId\":\"q-1\",\"timeout\":40000}", "");
		assertThat(none).doesNotContain("context");
		assertThat(this.keys.queryKey(other)).isEqualTo(this.keys.queryKey(TIMESERIES));
		assertThat(this.keys.queryKey(empty)).isEqualTo(this.keys.queryKey(TIMESERIES));
		assertThat(this.keys.queryKey(none)).isEqualTo(this.keys.queryKey(TIMESERIES));
		assertThat(this.keys.queryKey(TIMESERIES)).doesNotContain("q-1").doesNotContain("context");
	}

	@Test
	void keyOrderDoesNotChangeTheKeyAtAnyDepth() {
		String reordered = """
				{"context":{"timeout":1},
				 "aggregations":[{"fieldName":"calls","name":"calls","type":"longSum"}],
				 "filter":{"value":"pro","dimension":"plan","type":"selector"},
				 "intervals":["2025-01-01T00:00:00.000Z/2025-01-02T00:00:00.000Z"],
				 "granularity":"hour","dataSource":"usage","queryType":"timeseries"}
				""";
		assertThat(this.keys.queryKey(reordered)).isEqualTo(this.keys.queryKey(TIMESERIES));
		assertThat(this.keys.queryKey(TIMESERIES)).startsWith("{\"aggregations\":[{\"fieldName\":\"calls\"");
	}

	@Test
	void intervalsFiltersAndArrayOrderChangeTheKey() {
		String base = this.keys.queryKey(TIMESERIES);
		assertThat(this.keys.queryKey(TIMESERIES.replace("2025-01-02T00", "2025-01-03T00"))).isNotEqualTo(base);
		assertThat(this.keys.queryKey(TIMESERIES.replace("\"pro\"", "\"free\""))).isNotEqualTo(base);
		assertThat(this.keys.queryKey(TIMESERIES.replace("\"hour\"", "\"day\""))).isNotEqualTo(base);
		String twoAggregations = TIMESERIES.replace("\"fieldName\":\"calls\"}]",
				"\"fieldName\":\"calls\"},{\"type\":\"count\",\"name\":\"rows\"}]");
		String swapped = TIMESERIES.replace("[{\"type\":\"longSum\",\"name\":\"calls\",\"fieldName\":\"calls\"}]",
				"[{\"type\":\"count\",\"name\":\"rows\"},{\"type\":\"longSum\",\"name\":\"calls\",\"fieldName\":\"calls\"}]");
		assertThat(this.keys.queryKey(twoAggregations)).isNotEqualTo(base).isNotEqualTo(this.keys.queryKey(swapped));
	}

	@Test
	void contextKeysThatChangeASegmentResultStayNormalized() {
		String skipTrue = TIMESERIES.replace("\"timeout\":40000", "\"skipEmptyBuckets\":true");
		String skipText = TIMESERIES.replace("\"timeout\":40000", "\"skipEmptyBuckets\":\"true\"");
		String skipFalse = TIMESERIES.replace("\"timeout\":40000", "\"skipEmptyBuckets\":false");
		assertThat(this.keys.queryKey(skipTrue)).isEqualTo(this.keys.queryKey(skipText))
			.isNotEqualTo(this.keys.queryKey(skipFalse))
			.endsWith(",\"context\":{\"skipEmptyBuckets\":true}}");
		String threshold = TIMESERIES.replace("\"timeout\":40000", "\"minTopNThreshold\":\"50\"");
		assertThat(this.keys.queryKey(threshold)).isEqualTo(
				this.keys.queryKey(TIMESERIES.replace("\"timeout\":40000", "\"minTopNThreshold\":50")))
			.contains("\"context\":{\"minTopNThreshold\":50}");
		assertThatThrownBy(() -> this.keys.queryKey(TIMESERIES.replace("\"timeout\":40000", "\"minTopNThreshold\":\"x\"")))
			.isInstanceOfSatisfying(StrataException.class,
					ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
	}

	@Test
	void invalidJsonIsInvalidInput() {
		assertThatThrownBy(() -> this.keys.queryKey("{\"queryType\":")).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
		assertThatThrownBy(() -> this.keys.queryKey("[1]")).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex).hasMessage("Query must be a JSON object"));
	}

	@Test
	void onlyAggregatingQueriesAreCacheable() {
		assertThat(this.keys.cacheable("timeseries")).isTrue();
		assertThat(this.keys.cacheable("topN")).isTrue();
		assertThat(this.keys.cacheable("groupBy")).isTrue();
		for (String type : new String[] { "scan", "search", "timeBoundary", "segmentMetadata", "dataSourceMetadata" }) {
			assertThat(this.keys.cacheable(type)).as(type).isFalse();
		}
		assertThatThrownBy(() -> this.keys.cacheable("select")).isInstanceOfSatisfying(StrataException.class,
				ex -> assertThat(ex).hasMessage("Unknown queryType[select]"));
	}

	@Test
	void parsedQueriesAgreeWithTheirTypeNames() {
		QueryJson json = new QueryJson();
		assertThat(this.keys.cacheable(json.read(TIMESERIES))).isTrue();
		assertThat(this.keys.cacheable(json.read("""
				{"queryType":"scan","dataSource":"usage","intervals":["2025-01-01/2025-01-02"]}
				"""))).isFalse();
		assertThat(this.keys.cacheable(json.read("""
				{"queryType":"timeBoundary","dataSource":"usage"}
				"""))).isFalse();
	}

}
