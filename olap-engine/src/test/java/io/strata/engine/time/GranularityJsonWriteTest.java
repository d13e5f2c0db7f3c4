package io.strata.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.engine.ingest.GranularitySpec;
import io.strata.engine.ingest.IngestSpecJson;
import io.strata.engine.json.SpecNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standard period granularities are written as Druid writes them, upper-case names ({@code
 * "DAY"}), and read back equal; {@code all}, {@code none} and granularities without a name (a zone,
 * an origin, a duration) are objects.
 */
class GranularityJsonWriteTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "day, DAY", "minute, MINUTE", "fifteen_minute, FIFTEEN_MINUTE", "week, WEEK", "hour, HOUR",
			"quarter, QUARTER", "year, YEAR", "second, SECOND" })
	void standardGranularitiesAreUpperCaseNames(String name, String written) {
		Granularity granularity = Granularity.named(name);
		JsonNode node = GranularityJson.write(granularity);
		assertThat(node.isString()).as("%s", node).isTrue();
		assertThat(node.stringValue()).isEqualTo(written);
		assertThat(readBack(node)).isEqualTo(granularity);
	}

	/**
	 * Druid's Jackson writes {@code all} and {@code none} by their type ({@code GranularityModule}
	 * registers them as named subtypes; only the period granularity writes a name), as its
	 * segmentMetadata documentation shows: {@code "queryGranularity": {"type": "none"}}.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "all", "none" })
	void allAndNoneAreWrittenByType(String name) {
		Granularity granularity = Granularity.named(name);
		JsonNode node = GranularityJson.write(granularity);
		assertThat(MAPPER.writeValueAsString(node)).isEqualTo("{\"type\":\"" + name + "\"}");
		assertThat(readBack(node)).isEqualTo(granularity);
		// the upper-case names written before still read back
		assertThat(readBack(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(name.toUpperCase(java.util.Locale.ROOT))))
			.isEqualTo(granularity);
	}

	@Test
	void aUtcPeriodOfAStandardLengthIsWrittenByName() {
		Granularity day = new PeriodGranularity(IsoPeriod.parse("P1D"), ZoneOffset.UTC, null);
		assertThat(GranularityJson.write(day).stringValue()).isEqualTo("DAY");
		assertThat(readBack(GranularityJson.write(day))).isEqualTo(day);
	}

	@Test
	void periodsWithAZoneOrOriginAndDurationsStayObjects() {
		List<Granularity> granularities = List.of(
				new PeriodGranularity(IsoPeriod.parse("P1D"), ZoneId.of("America/Los_Angeles"), null),
				new PeriodGranularity(IsoPeriod.parse("PT1H"), ZoneId.of("Asia/Kolkata"), null),
				new PeriodGranularity(IsoPeriod.parse("P1D"), ZoneOffset.UTC,
						Instant.parse("2026-01-01T06:00:00Z").toEpochMilli()),
				new PeriodGranularity(IsoPeriod.parse("PT2H"), ZoneOffset.UTC, null), new DurationGranularity(90_000, 0));
		for (Granularity granularity : granularities) {
			JsonNode node = GranularityJson.write(granularity);
			assertThat(node.isObject()).as("%s", node).isTrue();
			assertThat(readBack(node)).as("%s", node).isEqualTo(granularity);
		}
		JsonNode zoned = GranularityJson.write(granularities.getFirst());
		assertThat(zoned.get("type").stringValue()).isEqualTo("period");
		assertThat(zoned.get("period").stringValue()).isEqualTo("P1D");
		assertThat(zoned.get("timeZone").stringValue()).isEqualTo("America/Los_Angeles");
	}

	@Test
	void aDataSchemaIsWrittenWithNames() {
		IngestSpecJson json = new IngestSpecJson();
		var schema = json.readDataSchema("{\"dataSource\":\"d\",\"timestampSpec\":{},\"granularitySpec\":"
				+ "{\"segmentGranularity\":\"hour\",\"queryGranularity\":{\"type\":\"minute\"}}}");
		JsonNode granularity = json.writeDataSchema(schema).get("granularitySpec");
		assertThat(granularity.get("segmentGranularity").stringValue()).isEqualTo("HOUR");
		assertThat(granularity.get("queryGranularity").stringValue()).isEqualTo("MINUTE");
		assertThat(json.readDataSchema(json.toJson(json.writeDataSchema(schema))).granularitySpec())
			.isEqualTo(new GranularitySpec(Granularity.named("hour"), Granularity.named("minute"), true, List.of()));
	}

	private static Granularity readBack(JsonNode node) {
		String json = "{\"g\":" + MAPPER.writeValueAsString(node) + "}";
		return GranularityJson.read(SpecNode.root(MAPPER.readTree(json), "spec"), "g", null);
	}

}
