package io.strata.engine.time;

import io.strata.engine.json.SpecNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Druid's JSON forms of a granularity: a name, or {@code {"type": all|none|duration|period|<name>}}. */
public final class GranularityJson {

	private GranularityJson() {
	}

	/** Reads the granularity at {@code field} of {@code parent}, or returns the default when absent. */
	public static Granularity read(SpecNode parent, String field, Granularity defaultValue) {
		SpecNode value = parent.optionalValue(field);
		if (value == null) {
			return defaultValue;
		}
		if (value.isString()) {
			try {
				return Granularity.named(value.stringValue());
			}
			catch (IllegalArgumentException ex) {
				throw value.error(ex.getMessage());
			}
		}
		value.requireObject();
		String type = value.requiredString("type");
		try {
			return switch (type) {
				case "duration" -> new DurationGranularity(value.optionalLong("duration", 0),
						origin(value) == null ? 0 : origin(value));
				case "period" -> new PeriodGranularity(IsoPeriod.parse(value.requiredString("period")), timeZone(value),
						origin(value));
				default -> Granularity.named(type);
			};
		}
		catch (IllegalArgumentException ex) {
			throw value.error(ex.getMessage());
		}
	}

	/**
	 * Granularities as Druid's Jackson writes them: standard periods by upper-case name ({@code
	 * "DAY"}, {@code "MINUTE"}; its period granularity keeps the names of the enum it replaced),
	 * {@code all} and {@code none} as {@code {"type": "all"}} and {@code {"type": "none"}} (they are
	 * written by type), others as objects.
	 */
	public static JsonNode write(Granularity granularity) {
		String standard = granularity instanceof PeriodGranularity ? granularity.standardName() : null;
		if (standard != null) {
			return JsonNodeFactory.instance.stringNode(standard.toUpperCase(java.util.Locale.ROOT));
		}
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		switch (granularity) {
			case AllGranularity all -> node.put("type", "all");
			case NoneGranularity none -> node.put("type", "none");
			case DurationGranularity duration -> {
				node.put("type", "duration");
				node.put("duration", duration.durationMillis());
				node.put("origin", IsoTime.format(duration.originMillis()));
			}
			case PeriodGranularity period -> {
				node.put("type", "period");
				node.put("period", period.period().toString());
				node.put("timeZone", period.timeZone().getId().equals("Z") ? "UTC" : period.timeZone().getId());
				if (period.originMillis() == null) {
					node.putNull("origin");
				}
				else {
					node.put("origin", IsoTime.format(period.originMillis()));
				}
			}
		}
		return node;
	}

	private static Long origin(SpecNode node) {
		String origin = node.optionalString("origin", null);
		if (origin == null) {
			return null;
		}
		try {
			return IsoTime.parse(origin);
		}
		catch (IllegalArgumentException ex) {
			throw node.error("origin", "is not an ISO-8601 time: " + ex.getMessage());
		}
	}

	/**
	 * The {@code timeZone} field of {@code node}, UTC when absent, as the period granularity and the
	 * time format extraction read it.
	 */
	public static ZoneId timeZone(SpecNode node) {
		String zone = node.optionalString("timeZone", "UTC");
		try {
			return zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw node.error("timeZone", "is not a known time zone");
		}
	}

}
