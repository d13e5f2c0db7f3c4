package io.strata.engine.query.filter;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Druid's search query specs, used by the {@code search} filter and the {@code search} query: which
 * values a search accepts. Only {@link All} accepts null.
 */
public sealed interface SearchQuerySpec
		permits SearchQuerySpec.Contains, SearchQuerySpec.Fragment, SearchQuerySpec.Regex, SearchQuerySpec.All {

	boolean accept(String value);

	/**
	 * {@code contains} (and {@code insensitive_contains}, which is contains without case): the value
	 * holds {@code value}. Case is ignored per UTF-16 unit, as {@link String#regionMatches(boolean,
	 * int, String, int, int)} does.
	 */
	record Contains(String value, boolean caseSensitive) implements SearchQuerySpec {

		public Contains {
			Objects.requireNonNull(value, "value");
		}

		@Override
		public boolean accept(String candidate) {
			return candidate != null && SearchQuerySpec.contains(candidate, this.value, this.caseSensitive);
		}

	}

	/** {@code fragment}: the value holds every one of {@code values}. */
	record Fragment(List<String> values, boolean caseSensitive) implements SearchQuerySpec {

		public Fragment {
			values = List.copyOf(values);
		}

		@Override
		public boolean accept(String candidate) {
			if (candidate == null) {
				return false;
			}
			for (String fragment : this.values) {
				if (!SearchQuerySpec.contains(candidate, fragment, this.caseSensitive)) {
					return false;
				}
			}
			return true;
		}

	}

	/** {@code regex}: the pattern is found somewhere in the value. */
	record Regex(Pattern pattern) implements SearchQuerySpec {

		public Regex {
			Objects.requireNonNull(pattern, "pattern");
		}

		@Override
		public boolean accept(String candidate) {
			return candidate != null && this.pattern.matcher(candidate).find();
		}

	}

	/** {@code all}, and what a search query without {@code query} uses: every value, null too. */
	record All() implements SearchQuerySpec {

		@Override
		public boolean accept(String candidate) {
			return true;
		}

	}

	private static boolean contains(String candidate, String part, boolean caseSensitive) {
		if (caseSensitive) {
			return candidate.contains(part);
		}
		for (int start = 0; start + part.length() <= candidate.length(); start++) {
			if (candidate.regionMatches(true, start, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

}
