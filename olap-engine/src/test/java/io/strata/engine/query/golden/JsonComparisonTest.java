package io.strata.engine.query.golden;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden comparison must see every difference that matters to a Druid client, and only those. */
class JsonComparisonTest {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private final JsonComparison strict = new JsonComparison(Map.of());

	private static JsonNode json(String text) {
		return MAPPER.readTree(text);
	}

	@Test
	void equalAnswersHaveNoDifferences() {
		assertThat(this.strict.differences(json("[{\"a\": 1, \"b\": [1.5, null, \"x\"]}]"),
				json("[{\"a\":1,\"b\":[1.5,null,\"x\"]}]"))).isEmpty();
	}

	@Test
	void anIntegerIsNotAFloatingPointNumber() {
		assertThat(this.strict.differences(json("{\"rows\": 1}"), json("{\"rows\": 1.0}")))
			.singleElement().asString().contains("$.rows").contains("integer and floating point differ");
	}

	@Test
	void keyOrderValuesAndLengthsAreCompared() {
		assertThat(this.strict.differences(json("{\"a\": 1, \"b\": 2}"), json("{\"b\": 2, \"a\": 1}")))
			.singleElement().asString().contains("expected keys [a, b] but was [b, a]");
		assertThat(this.strict.differences(json("[1, 2]"), json("[1]"))).singleElement().asString()
			.contains("expected 2 elements but was 1");
		assertThat(this.strict.differences(json("{\"a\": null}"), json("{\"a\": 0}"))).hasSize(1);
		assertThat(this.strict.differences(json("{\"a\": \"x\"}"), json("{\"a\": \"y\"}"))).singleElement()
			.asString().contains("$.a");
		assertThat(this.strict.differences(json("{\"a\": 3}"), json("{\"a\": 4}"))).hasSize(1);
	}

	@Test
	void doublesMatchWithinTheirTolerance() {
		assertThat(this.strict.differences(json("[0.3]"), json("[0.30000000000000004]"))).isEmpty();
		assertThat(this.strict.differences(json("[7.0]"), json("[7.01]"))).hasSize(1);
		JsonComparison sketches = new JsonComparison(Map.of("users", 0.01));
		assertThat(sketches.differences(json("{\"users\": 7.0, \"other\": 7.0}"), json("{\"users\": 7.05, \"other\": 7.0}")))
			.isEmpty();
		assertThat(sketches.differences(json("{\"users\": 7.0}"), json("{\"users\": 7.2}"))).hasSize(1);
		assertThat(sketches.differences(json("{\"other\": 7.0}"), json("{\"other\": 7.05}"))).hasSize(1);
	}

}
