package io.strata.engine.query;

import io.strata.engine.error.StrataException;
import io.strata.engine.json.SpecNode;
import io.strata.engine.query.extraction.ExtractionFn;
import io.strata.engine.query.extraction.ExtractionFnJson;
import io.strata.engine.query.filter.DimFilter;
import io.strata.engine.query.filter.IntervalFilter;
import io.strata.engine.query.filter.LikeFilter;
import io.strata.engine.query.filter.RegexFilter;
import io.strata.engine.query.filter.SearchFilter;
import io.strata.engine.query.filter.SearchQuerySpec;
import io.strata.engine.time.Interval;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the filters that test each value against a pattern or range ({@code like}, {@code regex},
 * {@code search}, {@code interval}) and Druid's search query specs, which the {@code search} query
 * shares. Stateless.
 */
final class TextFilterJson {

	private TextFilterJson() {
	}

	static DimFilter read(SpecNode node, String type) {
		String dimension = node.requiredString("dimension");
		ExtractionFn fn = ExtractionFnJson.optional(node, "extractionFn");
		return switch (type) {
			case "like" -> {
				String pattern = node.requiredString("pattern");
				String escape = node.optionalString("escape", null);
				if (escape != null && escape.length() != 1) {
					throw node.error("escape", "must be null or a single character");
				}
				yield new LikeFilter(dimension, pattern, escape == null ? null : escape.charAt(0), fn);
			}
			case "regex" -> new RegexFilter(dimension, compile(node, "pattern", node.requiredString("pattern")), fn);
			case "search" -> new SearchFilter(dimension, searchQuerySpec(node.requiredObject("query")), fn);
			case "interval" -> {
				List<Interval> intervals = node.optionalList("intervals", element -> {
					if (!element.isString()) {
						throw element.error("must be an ISO-8601 interval string");
					}
					try {
						return Interval.parse(element.stringValue());
					}
					catch (StrataException | IllegalArgumentException ex) {
						throw element.error(ex.getMessage());
					}
				});
				if (intervals.isEmpty()) {
					throw node.error("intervals", "is required and must not be empty");
				}
				yield new IntervalFilter(dimension, intervals, fn);
			}
			default -> throw StrataException.defensive("TextFilterJson got filter type[%s]", type);
		};
	}

	/** A search query spec; Druid's {@code case_sensitive} spelling from its docs is read too. */
	static SearchQuerySpec searchQuerySpec(SpecNode node) {
		String type = node.requiredString("type");
		return switch (type) {
			case "contains" -> new SearchQuerySpec.Contains(node.requiredString("value"), caseSensitive(node));
			case "insensitive_contains" -> new SearchQuerySpec.Contains(node.requiredString("value"), false);
			case "fragment" -> {
				if (!node.has("values")) {
					throw node.error("values", "is required");
				}
				yield new SearchQuerySpec.Fragment(node.optionalStringList("values"), caseSensitive(node));
			}
			case "regex" -> new SearchQuerySpec.Regex(compile(node, "pattern", node.requiredString("pattern")));
			case "all" -> new SearchQuerySpec.All();
			default -> throw node.error("type", "is an unknown search query spec [" + type
					+ "]; expected one of [contains, insensitive_contains, fragment, regex, all]");
		};
	}

	private static boolean caseSensitive(SpecNode node) {
		return node.has("caseSensitive") ? node.optionalBoolean("caseSensitive", false)
				: node.optionalBoolean("case_sensitive", false);
	}

	private static Pattern compile(SpecNode node, String field, String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw node.error(field, "is not a valid regular expression: " + ex.getDescription());
		}
	}

}
