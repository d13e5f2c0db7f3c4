package io.strata.engine.query.filter;

import io.strata.engine.query.extraction.ExtractionFn;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Druid's {@code like}: SQL LIKE over the whole value, {@code %} for any run of characters and
 * {@code _} for one; {@code escape} (one character, or null) makes the next character literal.
 * Case-sensitive. A null value (after extraction) is unknown.
 * @param extractionFn null for none
 */
public record LikeFilter(String dimension, String pattern, Character escape, ExtractionFn extractionFn)
		implements DimFilter {

	public LikeFilter {
		Objects.requireNonNull(dimension, "dimension");
		Objects.requireNonNull(pattern, "pattern");
	}

	/** The pattern as a regular expression matched against the whole value. */
	public Pattern toRegex() {
		StringBuilder regex = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		boolean escaping = false;
		for (int i = 0; i < this.pattern.length(); i++) {
			char c = this.pattern.charAt(i);
			if (!escaping && this.escape != null && c == this.escape) {
				escaping = true;
				continue;
			}
			if (!escaping && (c == '%' || c == '_')) {
				appendLiteral(regex, literal);
				regex.append(c == '%' ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
			escaping = false;
		}
		appendLiteral(regex, literal);
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
			literal.setLength(0);
		}
	}

}
