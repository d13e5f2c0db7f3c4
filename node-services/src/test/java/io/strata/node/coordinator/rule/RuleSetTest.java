package io.strata.node.coordinator.rule;

import java.util.List;
import java.util.Map;

import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;
import io.strata.engine.time.IsoTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {

	private static final long NOW = IsoTime.parse("2024-03-10T00:00:00Z");

	private final Rule loadRecentHot = new Rule.LoadByPeriod(IsoPeriod.parse("P7D"), true, Map.of("hot", 2));

	private final Rule loadMonthCold = new Rule.LoadByPeriod(IsoPeriod.parse("P1M"), true, Map.of("cold", 1));

	private final Rule dropForever = new Rule.DropForever();

	@Test
	void theFirstMatchingDatasourceRuleWins() {
		List<Rule> rules = List.of(this.loadRecentHot, this.loadMonthCold, this.dropForever);

		assertThat(RuleSet.firstMatch(rules, RuleSet.DEFAULT_RULES, Interval.parse("2024-03-09/2024-03-10"), NOW))
			.contains(this.loadRecentHot);
		assertThat(RuleSet.firstMatch(rules, RuleSet.DEFAULT_RULES, Interval.parse("2024-02-20/2024-02-21"), NOW))
			.contains(this.loadMonthCold);
		assertThat(RuleSet.firstMatch(rules, RuleSet.DEFAULT_RULES, Interval.parse("2023-01-01/2023-01-02"), NOW))
			.contains(this.dropForever);
	}

	@Test
	void fallsBackToTheDefaultRulesWhenNoDatasourceRuleMatches() {
		List<Rule> rules = List.of(this.loadRecentHot);

		assertThat(RuleSet.firstMatch(rules, RuleSet.DEFAULT_RULES, Interval.parse("2023-01-01/2023-01-02"), NOW))
			.contains(new Rule.LoadForever(Map.of("_default_tier", 2)));
		assertThat(RuleSet.firstMatch(List.of(), List.of(this.dropForever), Interval.parse("2023-01-01/2023-01-02"), NOW))
			.contains(this.dropForever);
	}

	@Test
	void datasourceRulesComeBeforeDefaultRulesEvenWhenBothMatch() {
		assertThat(RuleSet.firstMatch(List.of(this.dropForever), RuleSet.DEFAULT_RULES,
				Interval.parse("2024-03-09/2024-03-10"), NOW))
			.contains(this.dropForever);
	}

	@Test
	void noMatchAnywhereLeavesTheSegmentAlone() {
		List<Rule> defaults = List.of(this.loadMonthCold);

		assertThat(RuleSet.firstMatch(List.of(this.loadRecentHot), defaults, Interval.parse("2023-01-01/2023-01-02"), NOW))
			.isEmpty();
		assertThat(RuleSet.firstMatch(List.of(), List.of(), Interval.parse("2023-01-01/2023-01-02"), NOW)).isEmpty();
	}

	@Test
	void defaultRulesAreLoadForeverTwoCopiesOnTheDefaultTier() {
		assertThat(RuleSet.DEFAULT_RULES).containsExactly(new Rule.LoadForever(Map.of("_default_tier", 2)));
	}

}
