package io.strata.engine.query.extraction;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Druid's {@code regex}: group {@code index} of the first match anywhere in the value (find, not
 * a whole-value match). Without a match, and for null, the value is returned unchanged, or {@code
 * replaceMissingValueWith} (possibly null) when {@code replaceMissingValue} is set. A group that
 * took no part in the match gives null. The pattern is compiled once, when the spec is read.
 */
public record RegexExtractionFn(Pattern expr, int index, boolean replaceMissingValue, String replaceMissingValueWith)
		implements ExtractionFn {

	public RegexExtractionFn {
		Objects.requireNonNull(expr, "expr");
		int groups = expr.matcher("").groupCount();
		if (index < 0 || index > groups) {
			throw new IllegalArgumentException("index must be between 0 and the number of groups [" + groups + "]");
		}
	}

	@Override
	public String apply(String value) {
		if (value != null) {
			Matcher matcher = this.expr.matcher(value);
			if (matcher.find()) {
				return matcher.group(this.index);
			}
		}
		return this.replaceMissingValue ? this.replaceMissingValueWith : value;
	}

}
