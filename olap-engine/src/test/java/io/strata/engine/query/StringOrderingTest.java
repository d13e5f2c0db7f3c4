package io.strata.engine.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Druid's string orderings on hand-sorted lists. */
class StringOrderingTest {

	private static List<String> sorted(StringOrdering ordering, String... values) {
		List<String> list = new ArrayList<>(Arrays.asList(values));
		list.sort(ordering);
		return list;
	}

	@Test
	void eachOrderingSortsNullFirst() {
		// UTF-8 bytes: upper case before lower case, "10" before "9"
		assertThat(sorted(StringOrdering.LEXICOGRAPHIC, "b", "9", null, "B", "10"))
			.containsExactly(null, "10", "9", "B", "b");
		// digit runs as numbers, leading zeros after; letters without case; digits before letters
		assertThat(sorted(StringOrdering.ALPHANUMERIC, "file10", "file9", "File2", "file02", null, "a", "1", ""))
			.containsExactly(null, "", "1", "a", "File2", "file02", "file9", "file10");
		// length first, then the values
		assertThat(sorted(StringOrdering.STRLEN, "ccc", "b", "aa", null, "a")).containsExactly(null, "a", "b", "aa", "ccc");
		// numbers by value, text that is no number before them
		assertThat(sorted(StringOrdering.NUMERIC, "10", "9.5", "-1", "x", null, "1e1", "abc"))
			.containsExactly(null, "abc", "x", "-1", "9.5", "10", "1e1");
		assertThat(StringOrdering.named("strlen")).isEqualTo(StringOrdering.STRLEN);
	}

	@Test
	void versionSortsAsMavenVersions() {
		// qualifiers alpha < beta < rc < snapshot < release < sp < unknown ones; numbers by value; a
		// number part after "." ranks above any qualifier list after "-"
		assertThat(sorted(StringOrdering.VERSION, "1.10", "1.0-foo", "1.0", "1.0-sp", "1.0.1", "1.0-SNAPSHOT", null,
				"1.0-rc1", "1.2", "1.0-beta", "1.0-alpha1", "0.9"))
			.containsExactly(null, "0.9", "1.0-alpha1", "1.0-beta", "1.0-rc1", "1.0-SNAPSHOT", "1.0", "1.0-sp",
					"1.0-foo", "1.0.1", "1.2", "1.10");
		// trailing zeros and release qualifiers count for nothing; a1 is alpha1, cr is rc; case is ignored
		assertThat(StringOrdering.VERSION.compare("1", "1.0.0")).isZero();
		assertThat(StringOrdering.VERSION.compare("1-ga", "1")).isZero();
		assertThat(StringOrdering.VERSION.compare("1.0-FINAL", "1.0")).isZero();
		assertThat(StringOrdering.VERSION.compare("1.0-a1", "1.0-alpha-1")).isZero();
		assertThat(StringOrdering.VERSION.compare("1.0-cr2", "1.0-RC2")).isZero();
		assertThat(StringOrdering.VERSION.compare("1.0-rc2", "1.0-rc10")).isNegative();
		// unknown qualifiers after all known ones, among themselves by text
		assertThat(StringOrdering.VERSION.compare("1-abc", "1-abd")).isNegative();
		assertThat(StringOrdering.VERSION.compare("1-zzz", "1-sp")).isPositive();
		assertThat(StringOrdering.named("version")).isEqualTo(StringOrdering.VERSION);
	}

}
