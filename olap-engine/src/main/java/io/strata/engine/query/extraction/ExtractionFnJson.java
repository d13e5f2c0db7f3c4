package io.strata.engine.query.extraction;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.time.Granularity;
import io.strata.engine.time.GranularityJson;
import tools.jackson.databind.JsonNode;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Druid's {@code extractionFn} JSON into {@link ExtractionFn} records; every error names the
 * field at fault. Functions Druid has and Strata does not yet are refused as unsupported. Stateless.
 */
public final class ExtractionFnJson {

	private static final List<String> NOT_YET = List.of("partial", "searchQuery", "time", "javascript",
			"stringFormat", "bucket", "identity", "registeredLookup");

	private ExtractionFnJson() {
	}

	/** The extraction function at {@code field} of {@code parent}, or null when absent. */
	public static ExtractionFn optional(SpecNode parent, String field) {
		SpecNode node = parent.optionalValue(field);
		return node == null ? null : read(node);
	}

	public static ExtractionFn read(SpecNode node) {
		node.requireObject();
		String type = node.requiredString("type");
		return switch (type) {
			case "timeFormat" -> timeFormat(node);
			case "regex" -> {
				String expr = node.requiredString("expr");
				int index = node.optionalInt("index", 1);
				boolean replace = node.optionalBoolean("replaceMissingValue", false);
				String replacement = node.optionalString("replaceMissingValueWith", null);
				Pattern pattern = compile(node, "expr", expr);
				if (index < 0 || index > pattern.matcher("").groupCount()) {
					throw node.error("index", "must be between 0 and the number of groups in expr ["
							+ pattern.matcher("").groupCount() + "]");
				}
				yield new RegexExtractionFn(pattern, index, replace, replacement);
			}
			case "substring" -> {
				int index = node.optionalInt("index", 0);
				Integer length = node.has("length") ? node.optionalInt("length", 0) : null;
				if (index < 0) {
					throw node.error("index", "must not be negative");
				}
				if (length != null && length <= 0) {
					throw node.error("length", "must be positive");
				}
				yield new SubstringExtractionFn(index, length);
			}
			case "strlen" -> new StrlenExtractionFn();
			case "upper" -> new UpperExtractionFn(locale(node));
			case "lower" -> new LowerExtractionFn(locale(node));
			case "lookup" -> lookup(node);
			case "cascade" -> {
				List<ExtractionFn> fns = node.optionalList("extractionFns", ExtractionFnJson::read);
				if (fns.isEmpty()) {
					throw node.error("extractionFns", "is required and must not be empty");
				}
				yield new CascadeExtractionFn(fns);
			}
			default -> {
				if (NOT_YET.contains(type)) {
					throw StrataException.unsupported("extractionFn type[%s] at[%s] is not supported yet", type,
							node.path());
				}
				throw node.error("type", "is an unknown extractionFn [" + type + "]");
			}
		};
	}

	private static TimeFormatExtractionFn timeFormat(SpecNode node) {
		String format = node.optionalString("format", null);
		boolean asMillis = node.optionalBoolean("asMillis", false);
		if (asMillis && format == null) {
			// Druid: without a format the output is millis, where zone and locale mean nothing
			if (node.has("timeZone")) {
				throw node.error("timeZone", "requires a format");
			}
			if (node.has("locale")) {
				throw node.error("locale", "requires a format");
			}
		}
		ZoneId zone = GranularityJson.timeZone(node);
		Locale locale = locale(node);
		Granularity granularity = GranularityJson.read(node, "granularity", Granularity.none());
		try {
			return TimeFormatExtractionFn.of(format, zone, locale, granularity, asMillis);
		}
		catch (IllegalArgumentException ex) {
			throw node.error("format", "is not a usable Joda pattern: " + ex.getMessage());
		}
	}

	/** A lookup function from an object holding {@code lookup}, {@code retainMissingValue} and the rest. */
	public static LookupExtractionFn lookupOf(SpecNode node) {
		return lookup(node);
	}

	private static LookupExtractionFn lookup(SpecNode node) {
		SpecNode lookup = node.requiredObject("lookup");
		String lookupType = lookup.optionalString("type", "map");
		if (!lookupType.equals("map")) {
			throw lookup.error("type", "is not supported yet [" + lookupType + "]; only map lookups are");
		}
		SpecNode mapNode = lookup.requiredObject("map");
		Map<String, String> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : mapNode.json().properties()) {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				continue;
			}
			if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
				throw mapNode.error(entry.getKey(), "must be a string");
			}
			map.put(entry.getKey(), value.isString() ? value.stringValue() : value.asString());
		}
		boolean oneToOne = lookup.optionalBoolean("isOneToOne", false);
		boolean retain = node.optionalBoolean("retainMissingValue", false);
		String replacement = node.optionalString("replaceMissingValueWith", null);
		if (retain && replacement != null) {
			throw node.error("replaceMissingValueWith", "cannot be set when retainMissingValue is true");
		}
		boolean injective = node.optionalBoolean("injective", oneToOne);
		boolean optimize = node.optionalBoolean("optimize", true);
		return new LookupExtractionFn(map, retain, replacement, injective, optimize);
	}

	private static Pattern compile(SpecNode node, String field, String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw node.error(field, "is not a valid regular expression: " + ex.getDescription());
		}
	}

	private static Locale locale(SpecNode node) {
		String tag = node.optionalString("locale", null);
		return tag == null ? Locale.ROOT : Locale.forLanguageTag(tag);
	}

}
