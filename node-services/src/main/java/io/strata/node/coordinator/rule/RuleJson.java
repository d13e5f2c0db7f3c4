package io.strata.node.coordinator.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Interval;
import io.strata.engine.time.IsoPeriod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Druid's rule JSON: an array of objects told apart by {@code type}, as served and accepted by
 * {@code /druid/coordinator/v1/rules/{dataSource}} and stored in the rules table. Reading applies
 * Druid's defaults ({@code includeFuture} true; a load rule without {@code tieredReplicants} loads
 * {@code {"_default_tier": 2}} unless {@code useDefaultTierForNull} is false, when it loads
 * nothing) and every error names the field at fault ({@code rules[1].period}). Fields Druid does
 * not know are ignored, as Druid does.
 * <p>
 * Writing gives one canonical form that reads back to equal rules and writes again to the same
 * text: {@code type} first, then {@code period} or {@code interval}, {@code includeFuture} (always
 * written on period load/drop rules), {@code tieredReplicants} in rule order. {@code
 * useDefaultTierForNull} is written (as false) only for an empty {@code tieredReplicants}, the one
 * case where reading needs it. Thread-safe.
 */
public final class RuleJson {

	/** The root name in error messages: {@code rules[2].tieredReplicants.hot}. */
	private static final String ROOT = "rules";

	private static final String KNOWN_TYPES = "[loadForever, loadByPeriod, loadByInterval, dropForever, "
			+ "dropByPeriod, dropBeforeByPeriod, dropByInterval]";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** Reads a rule list from its JSON text. */
	public List<Rule> read(String json) {
		Objects.requireNonNull(json, "json");
		JsonNode tree;
		try {
			tree = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw StrataException.invalidSpec("Invalid spec: field[%s] is not valid JSON: %s", ROOT,
					ex.getOriginalMessage());
		}
		return read(tree);
	}

	/** Reads a rule list from an already parsed JSON array (a request body, a stored payload). */
	public List<Rule> read(JsonNode array) {
		if (array == null || !array.isArray()) {
			throw StrataException.invalidSpec("Invalid spec: field[%s] must be a JSON array of rules", ROOT);
		}
		List<Rule> rules = new ArrayList<>();
		int index = 0;
		for (JsonNode element : array.values()) {
			rules.add(readRule(SpecNode.root(element, ROOT + "[" + index + "]")));
			index++;
		}
		return List.copyOf(rules);
	}

	private Rule readRule(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "loadForever" -> node.build(() -> new Rule.LoadForever(tieredReplicants(node)));
			case "loadByPeriod" -> {
				IsoPeriod period = period(node);
				boolean includeFuture = node.optionalBoolean("includeFuture", true);
				Map<String, Integer> replicants = tieredReplicants(node);
				yield node.build(() -> new Rule.LoadByPeriod(period, includeFuture, replicants));
			}
			case "loadByInterval" -> {
				Interval interval = interval(node);
				Map<String, Integer> replicants = tieredReplicants(node);
				yield node.build(() -> new Rule.LoadByInterval(interval, replicants));
			}
			case "dropForever" -> new Rule.DropForever();
			case "dropByPeriod" -> {
				IsoPeriod period = period(node);
				boolean includeFuture = node.optionalBoolean("includeFuture", true);
				yield node.build(() -> new Rule.DropByPeriod(period, includeFuture));
			}
			case "dropBeforeByPeriod" -> {
				IsoPeriod period = period(node);
				yield node.build(() -> new Rule.DropBeforeByPeriod(period));
			}
			case "dropByInterval" -> {
				Interval interval = interval(node);
				yield node.build(() -> new Rule.DropByInterval(interval));
			}
			case "broadcastForever", "broadcastByPeriod", "broadcastByInterval" -> throw node.error("type",
					"[" + type + "] is not supported: Strata has no joinable datasources to broadcast");
			default -> throw node.error("type", "is unknown [" + type + "]; expected one of " + KNOWN_TYPES);
		};
	}

	private static IsoPeriod period(SpecNode node) {
		String text = node.requiredString("period");
		try {
			return IsoPeriod.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw node.error("period", "must be an ISO-8601 period such as P1M, not [" + text + "]: " + ex.getMessage());
		}
	}

	private static Interval interval(SpecNode node) {
		String text = node.requiredString("interval");
		try {
			return Interval.parse(text);
		}
		catch (RuntimeException ex) {
			throw node.error("interval", "must be an ISO-8601 interval start/end, not [" + text + "]: "
					+ ex.getMessage());
		}
	}

	/** Druid's {@code tieredReplicants} with its {@code useDefaultTierForNull} defaulting. */
	private static Map<String, Integer> tieredReplicants(SpecNode node) {
		boolean useDefaultTierForNull = node.optionalBoolean("useDefaultTierForNull", true);
		SpecNode replicantsNode = node.optionalObject("tieredReplicants");
		if (replicantsNode == null) {
			return useDefaultTierForNull ? Rule.DEFAULT_TIERED_REPLICANTS : Map.of();
		}
		Map<String, Integer> replicants = new LinkedHashMap<>();
		for (String tier : replicantsNode.json().propertyNames()) {
			if (tier.isEmpty()) {
				throw replicantsNode.error("must not name an empty tier");
			}
			if (!replicantsNode.has(tier)) {
				throw replicantsNode.error(tier, "must be a number of replicas, not null");
			}
			int count = replicantsNode.optionalInt(tier, 0);
			if (count < 0) {
				throw replicantsNode.error(tier, "must be zero or more replicas, not [" + count + "]");
			}
			replicants.put(tier, count);
		}
		if (replicants.isEmpty() && useDefaultTierForNull) {
			throw node.error("tieredReplicants", "must name at least one tier unless useDefaultTierForNull is false");
		}
		return replicants;
	}

	/** Writes the canonical JSON text of a rule list. */
	public String write(List<Rule> rules) {
		return this.mapper.writeValueAsString(toJson(rules));
	}

	/** The canonical JSON tree of a rule list (see the class comment for its field order). */
	public ArrayNode toJson(List<Rule> rules) {
		Objects.requireNonNull(rules, "rules");
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (Rule rule : rules) {
			array.add(toJson(rule));
		}
		return array;
	}

	private static ObjectNode toJson(Rule rule) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		switch (rule) {
			case Rule.LoadForever load -> {
				node.put("type", "loadForever");
				putReplicants(node, load);
			}
			case Rule.LoadByPeriod load -> {
				node.put("type", "loadByPeriod");
				node.put("period", load.period().toString());
				node.put("includeFuture", load.includeFuture());
				putReplicants(node, load);
			}
			case Rule.LoadByInterval load -> {
				node.put("type", "loadByInterval");
				node.put("interval", load.interval().toString());
				putReplicants(node, load);
			}
			case Rule.DropForever _ -> node.put("type", "dropForever");
			case Rule.DropByPeriod drop -> {
				node.put("type", "dropByPeriod");
				node.put("period", drop.period().toString());
				node.put("includeFuture", drop.includeFuture());
			}
			case Rule.DropBeforeByPeriod drop -> {
				node.put("type", "dropBeforeByPeriod");
				node.put("period", drop.period().toString());
			}
			case Rule.DropByInterval drop -> {
				node.put("type", "dropByInterval");
				node.put("interval", drop.interval().toString());
			}
		}
		return node;
	}

	private static void putReplicants(ObjectNode node, Rule.Load load) {
		ObjectNode replicants = node.putObject("tieredReplicants");
		load.tieredReplicants().forEach(replicants::put);
		if (load.tieredReplicants().isEmpty()) {
			// without it an empty map reads back as an error (or, absent, as the default tier)
			node.put("useDefaultTierForNull", false);
		}
	}

}
