package io.strata.node.coordinator.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.strata.engine.error.ErrorCode;
import io.strata.engine.error.StrataException;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleJsonTest {

	private final RuleJson json = new RuleJson();

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}",
			"{\"type\":\"loadByPeriod\",\"period\":\"P1M\",\"includeFuture\":true,\"tieredReplicants\":{\"hot\":1,\"_default_tier\":1}}",
			"{\"type\":\"loadByPeriod\",\"period\":\"PT6H\",\"includeFuture\":false,\"tieredReplicants\":{\"hot\":3}}",
			"{\"type\":\"loadByInterval\",\"interval\":\"2024-01-01T00:00:00.000Z/2024-02-01T00:00:00.000Z\",\"tieredReplicants\":{\"cold\":1}}",
			"{\"type\":\"loadForever\",\"tieredReplicants\":{},\"useDefaultTierForNull\":false}",
			"{\"type\":\"dropForever\"}",
			"{\"type\":\"dropByPeriod\",\"period\":\"P7D\",\"includeFuture\":true}",
			"{\"type\":\"dropByPeriod\",\"period\":\"P1Y2M\",\"includeFuture\":false}",
			"{\"type\":\"dropBeforeByPeriod\",\"period\":\"P3M\"}",
			"{\"type\":\"dropByInterval\",\"interval\":\"2020-01-01T00:00:00.000Z/2021-01-01T00:00:00.000Z\"}" })
	void everyRuleTypeRoundTripsExactly(String rule) {
		String array = "[" + rule + "]";

		List<Rule> rules = this.json.read(array);

		assertThat(this.json.write(rules)).isEqualTo(array);
		assertThat(this.json.read(this.json.write(rules))).isEqualTo(rules);
	}

	@Test
	void readsEachTypeIntoItsRecord() {
		List<Rule> rules = this.json.read("""
				[{"type":"loadByPeriod","period":"P1M","includeFuture":true,"tieredReplicants":{"hot":1,"_default_tier":1}},
				 {"type":"loadByInterval","interval":"2024-01-01/2024-02-01","tieredReplicants":{"cold":1}},
				 {"type":"dropBeforeByPeriod","period":"P3M"},
				 {"type":"dropByInterval","interval":"2020-01-01/2021-01-01"},
				 {"type":"dropByPeriod","period":"P7D","includeFuture":false},
				 {"type":"dropForever"}]""");

		Map<String, Integer> hotAndDefault = new LinkedHashMap<>();
		hotAndDefault.put("hot", 1);
		hotAndDefault.put("_default_tier", 1);
		assertThat(rules).containsExactly(new Rule.LoadByPeriod(IsoPeriod.parse("P1M"), true, hotAndDefault),
				new Rule.LoadByInterval(Interval.parse("2024-01-01/2024-02-01"), Map.of("cold", 1)),
				new Rule.DropBeforeByPeriod(IsoPeriod.parse("P3M")),
				new Rule.DropByInterval(Interval.parse("2020-01-01/2021-01-01")),
				new Rule.DropByPeriod(IsoPeriod.parse("P7D"), false), new Rule.DropForever());
	}

	@Test
	void keepsTheTierOrderOfTheInput() {
		List<Rule> rules = this.json.read("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"z\":1,\"a\":2,\"m\":0}}]");

		assertThat(((Rule.Load) rules.get(0)).tieredReplicants().keySet()).containsExactly("z", "a", "m");
	}

	@Test
	void appliesDruidDefaults() {
		List<Rule> rules = this.json.read("""
				[{"type":"loadByPeriod","period":"P1D"},
				 {"type":"dropByPeriod","period":"P1D"},
				 {"type":"loadForever","useDefaultTierForNull":true},
				 {"type":"loadByInterval","interval":"2024-01-01/2024-01-02","useDefaultTierForNull":false}]""");

		assertThat(rules).containsExactly(
				new Rule.LoadByPeriod(IsoPeriod.parse("P1D"), true, Map.of("_default_tier", 2)),
				new Rule.DropByPeriod(IsoPeriod.parse("P1D"), true), new Rule.LoadForever(Map.of("_default_tier", 2)),
				new Rule.LoadByInterval(Interval.parse("2024-01-01/2024-01-02"), Map.of()));
		assertThat(this.json.write(rules)).isEqualTo("["
				+ "{\"type\":\"loadByPeriod\",\"period\":\"P1D\",\"includeFuture\":true,\"tieredReplicants\":{\"_default_tier\":2}},"
				+ "{\"type\":\"dropByPeriod\",\"period\":\"P1D\",\"includeFuture\":true},"
				+ "{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}},"
				+ "{\"type\":\"loadByInterval\",\"interval\":\"2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z\","
				+ "\"tieredReplicants\":{},\"useDefaultTierForNull\":false}]");
	}

	@Test
	void acceptsReplicantCountsAndFlagsWrittenAsStringsAndIgnoresUnknownFields() {
		List<Rule> rules = this.json.read("""
				[{"type":"loadByPeriod","period":"P1D","includeFuture":"false","tieredReplicants":{"hot":"2"},"comment":"x"}]""");

		assertThat(rules).containsExactly(new Rule.LoadByPeriod(IsoPeriod.parse("P1D"), false, Map.of("hot", 2)));
	}

	@Test
	void readsAnEmptyList() {
		assertThat(this.json.read("[]")).isEmpty();
		assertThat(this.json.write(List.of())).isEqualTo("[]");
	}

	@Test
	void defaultRulesWriteAsDruidsClusterDefault() {
		assertThat(this.json.write(RuleSet.DEFAULT_RULES))
			.isEqualTo("[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"unknown type | [{\"type\":\"dropForever\"},{\"type\":\"loadSometimes\"}] | rules[1].type",
			"broadcast type | [{\"type\":\"broadcastForever\"}] | rules[0].type",
			"missing type | [{\"period\":\"P1D\"}] | rules[0].type",
			"type not a string | [{\"type\":3}] | rules[0].type",
			"missing period | [{\"type\":\"dropForever\"},{\"type\":\"loadByPeriod\"}] | rules[1].period",
			"bad period | [{\"type\":\"dropBeforeByPeriod\",\"period\":\"P1X\"}] | rules[0].period",
			"empty period | [{\"type\":\"dropByPeriod\",\"period\":\"P\"}] | rules[0].period",
			"missing interval | [{\"type\":\"loadByInterval\"}] | rules[0].interval",
			"bad interval | [{\"type\":\"dropByInterval\",\"interval\":\"2024-01-01\"}] | rules[0].interval",
			"reversed interval | [{\"type\":\"dropByInterval\",\"interval\":\"2024-02-01/2024-01-01\"}] | rules[0].interval",
			"negative replicants | [{\"type\":\"loadForever\",\"tieredReplicants\":{\"hot\":-1}}] | rules[0].tieredReplicants.hot",
			"fractional replicants | [{\"type\":\"loadForever\",\"tieredReplicants\":{\"hot\":1.5}}] | rules[0].tieredReplicants.hot",
			"null replicants | [{\"type\":\"loadForever\",\"tieredReplicants\":{\"hot\":null}}] | rules[0].tieredReplicants.hot",
			"replicants not an object | [{\"type\":\"loadForever\",\"tieredReplicants\":[1]}] | rules[0].tieredReplicants",
			"empty replicants | [{\"type\":\"loadForever\",\"tieredReplicants\":{}}] | rules[0].tieredReplicants",
			"includeFuture not boolean | [{\"type\":\"loadByPeriod\",\"period\":\"P1D\",\"includeFuture\":\"soon\"}] | rules[0].includeFuture",
			"rule not an object | [{\"type\":\"dropForever\"},\"dropForever\"] | rules[1]",
			"not an array | {\"type\":\"dropForever\"} | rules",
			"not JSON | [{\"type\": | rules" })
	void errorsNameTheField(String description, String input, String field) {
		assertThatThrownBy(() -> this.json.read(input)).isInstanceOfSatisfying(StrataException.class, ex -> {
			assertThat(ex.errorCode()).isEqualTo(ErrorCode.INVALID_SPEC);
			assertThat(ex.getMessage()).contains("field[" + field + "]");
		});
	}

	@Test
	void unknownTypeListsTheKnownOnes() {
		assertThatThrownBy(() -> this.json.read("[{\"type\":\"loadSometimes\"}]"))
			.hasMessageContaining("[loadSometimes]")
			.hasMessageContaining("dropBeforeByPeriod");
	}

}
