package io.strata.node.coordinator.rule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.strata.engine.time.Interval;

/**
 * Picks the rule that decides a segment's fate: Druid reads the datasource's rules in order, then
 * the cluster-wide default rules, and the first one that applies wins. Stateless.
 */
public final class RuleSet {

	/** The name under which the cluster-wide default rules are stored, as in Druid. */
	public static final String DEFAULT_RULES_KEY = "_default";

	/** The cluster default when none has been set: {@code [{"type":"loadForever","tieredReplicants":{"_default_tier":2}}]}. */
	public static final List<Rule> DEFAULT_RULES = List.of(new Rule.LoadForever(Rule.DEFAULT_TIERED_REPLICANTS));

	private RuleSet() {
	}

	/**
	 * The first rule of {@code datasourceRules}, then of {@code defaultRules}, that applies to a
	 * segment covering {@code segmentInterval} at {@code nowMillis}. Empty when none applies: Druid
	 * then neither loads nor drops the segment, it leaves it where it is.
	 */
	public static Optional<Rule> firstMatch(List<Rule> datasourceRules, List<Rule> defaultRules,
			Interval segmentInterval, long nowMillis) {
		Objects.requireNonNull(datasourceRules, "datasourceRules");
		Objects.requireNonNull(defaultRules, "defaultRules");
		Objects.requireNonNull(segmentInterval, "segmentInterval");
		for (Rule rule : datasourceRules) {
			if (rule.appliesTo(segmentInterval, nowMillis)) {
				return Optional.of(rule);
			}
		}
		for (Rule rule : defaultRules) {
			if (rule.appliesTo(segmentInterval, nowMillis)) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

}
