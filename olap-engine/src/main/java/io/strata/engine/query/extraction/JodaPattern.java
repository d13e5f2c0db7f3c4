package io.strata.engine.query.extraction;

/**
 * Translates a Joda {@code DateTimeFormat} pattern, which Druid's {@code timeFormat} takes, to a
 * java.time {@code DateTimeFormatter} pattern. The common letters mean the same in both; the ones
 * that differ are mapped: Joda {@code y} (proleptic year) is java {@code u}, Joda {@code Y} (year
 * of era) is java {@code y}, Joda {@code x} (week year) is java {@code Y}, and Joda's zone offsets
 * {@code Z}/{@code ZZ}/{@code ZZZ} are java {@code xx}/{@code xxx}/{@code VV}. Counts above what
 * java.time allows are capped. Joda's century ({@code C}) has no java.time letter and is refused.
 * Stateless.
 */
final class JodaPattern {

	private JodaPattern() {
	}

	/** @throws IllegalArgumentException naming a letter that cannot be translated */
	static String toJavaTime(String joda) {
		StringBuilder out = new StringBuilder(joda.length() + 8);
		int i = 0;
		while (i < joda.length()) {
			char c = joda.charAt(i);
			if (c == '\'') {
				int end = i + 1;
				// a quoted run ends at the next lone quote; '' inside stands for one quote
				while (end < joda.length()) {
					if (joda.charAt(end) == '\'') {
						if (end + 1 < joda.length() && joda.charAt(end + 1) == '\'') {
							end += 2;
							continue;
						}
						break;
					}
					end++;
				}
				out.append(joda, i, Math.min(end + 1, joda.length()));
				if (end >= joda.length()) {
					out.append('\'');
				}
				i = end + 1;
				continue;
			}
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				int count = 1;
				while (i + count < joda.length() && joda.charAt(i + count) == c) {
					count++;
				}
				out.append(letter(c, count));
				i += count;
				continue;
			}
			if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
				// reserved by java.time, plain text to Joda
				out.append('\'').append(c).append('\'');
			}
			else {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

	private static String letter(char c, int count) {
		return switch (c) {
			case 'y' -> "u".repeat(count);
			case 'Y' -> "y".repeat(count);
			case 'x' -> "Y".repeat(count);
			case 'Z' -> count == 1 ? "xx" : count == 2 ? "xxx" : "VV";
			case 'G', 'E', 'z' -> String.valueOf(c).repeat(Math.min(count, 4));
			case 'M' -> "M".repeat(Math.min(count, 4));
			case 'a' -> "a";
			case 'd', 'H', 'h', 'K', 'k', 'm', 's', 'w', 'e' -> String.valueOf(c).repeat(Math.min(count, 2));
			case 'D' -> "D".repeat(Math.min(count, 3));
			case 'S' -> "S".repeat(Math.min(count, 9));
			default -> throw new IllegalArgumentException("pattern letter [" + c + "] is not supported");
		};
	}

}
