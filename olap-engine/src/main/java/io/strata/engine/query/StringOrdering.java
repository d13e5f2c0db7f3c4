package io.strata.engine.query;

import io.strata.engine.segment.column.Utf8Order;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Druid's string orderings ({@code StringComparators}), by their JSON names. Each sorts null
 * first. {@code lexicographic} compares UTF-8 bytes, as dictionaries are sorted; {@code
 * alphanumeric} compares runs of digits as numbers and other runs without case; {@code strlen}
 * compares lengths, then values; {@code numeric} compares the numbers values parse to, values that
 * do not parse first (among themselves lexicographically); {@code version} compares as Maven
 * versions ({@link VersionOrder}).
 */
public enum StringOrdering implements Comparator<String> {

	LEXICOGRAPHIC("lexicographic"), ALPHANUMERIC("alphanumeric"), STRLEN("strlen"), NUMERIC("numeric"),
	VERSION("version");

	private final String jsonName;

	StringOrdering(String jsonName) {
		this.jsonName = jsonName;
	}

	public String jsonName() {
		return this.jsonName;
	}

	/** @throws IllegalArgumentException for a name that is none of these */
	public static StringOrdering named(String name) {
		for (StringOrdering ordering : values()) {
			if (ordering.jsonName.equals(name)) {
				return ordering;
			}
		}
		throw new IllegalArgumentException("must be one of [lexicographic, alphanumeric, strlen, numeric, version]");
	}

	@Override
	public int compare(String left, String right) {
		if (left == null || right == null) {
			return left == null ? (right == null ? 0 : -1) : 1;
		}
		return switch (this) {
			case LEXICOGRAPHIC -> Utf8Order.INSTANCE.compare(left, right);
			case ALPHANUMERIC -> Alphanumeric.compare(left, right);
			case STRLEN -> {
				int byLength = Integer.compare(left.length(), right.length());
				yield byLength != 0 ? byLength : left.compareTo(right);
			}
			case NUMERIC -> {
				BigDecimal a = number(left);
				BigDecimal b = number(right);
				if (a != null && b != null) {
					yield a.compareTo(b);
				}
				if (a == null && b == null) {
					yield Utf8Order.INSTANCE.compare(left, right);
				}
				yield a == null ? -1 : 1;
			}
			case VERSION -> VersionOrder.compare(left, right);
		};
	}

	private static BigDecimal number(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Natural ("alphanumeric") order of two non-null strings. */
	private static final class Alphanumeric {

		private Alphanumeric() {
		}

		static int compare(String left, String right) {
			if (left.isEmpty() || right.isEmpty()) {
				return Boolean.compare(!left.isEmpty(), !right.isEmpty());
			}
			int[] at = { 0, 0 };
			while (at[0] < left.length() && at[1] < right.length()) {
				boolean leftDigit = isDigit(left.codePointAt(at[0]));
				boolean rightDigit = isDigit(right.codePointAt(at[1]));
				int result;
				if (leftDigit && rightDigit) {
					result = compareNumberRuns(left, right, at);
				}
				else if (leftDigit || rightDigit) {
					// a run of digits sorts before a run of anything else
					result = leftDigit ? -1 : 1;
				}
				else {
					int leftEnd = runEnd(left, at[0], false);
					int rightEnd = runEnd(right, at[1], false);
					result = String.CASE_INSENSITIVE_ORDER.compare(left.substring(at[0], leftEnd),
							right.substring(at[1], rightEnd));
					at[0] = leftEnd;
					at[1] = rightEnd;
				}
				if (result != 0) {
					return result;
				}
			}
			return Integer.compare(left.length(), right.length());
		}

		/** Compares the digit runs at {@code at}: by value, then fewer leading zeros first. */
		private static int compareNumberRuns(String left, String right, int[] at) {
			int leftEnd = runEnd(left, at[0], true);
			int rightEnd = runEnd(right, at[1], true);
			int leftStart = skipZeros(left, at[0], leftEnd);
			int rightStart = skipZeros(right, at[1], rightEnd);
			int leftZeros = left.codePointCount(at[0], leftStart);
			int rightZeros = right.codePointCount(at[1], rightStart);
			int leftDigits = left.codePointCount(leftStart, leftEnd);
			int rightDigits = right.codePointCount(rightStart, rightEnd);
			at[0] = leftEnd;
			at[1] = rightEnd;
			if (leftDigits != rightDigits) {
				return Integer.compare(leftDigits, rightDigits);
			}
			int i = leftStart;
			int j = rightStart;
			while (i < leftEnd) {
				int a = digitValue(left.codePointAt(i));
				int b = digitValue(right.codePointAt(j));
				if (a != b) {
					return Integer.compare(a, b);
				}
				i += Character.charCount(left.codePointAt(i));
				j += Character.charCount(right.codePointAt(j));
			}
			return Integer.compare(leftZeros, rightZeros);
		}

		private static int runEnd(String text, int from, boolean digits) {
			int position = from;
			while (position < text.length() && isDigit(text.codePointAt(position)) == digits) {
				position += Character.charCount(text.codePointAt(position));
			}
			return position;
		}

		private static int skipZeros(String text, int from, int end) {
			int position = from;
			while (position < end && digitValue(text.codePointAt(position)) == 0) {
				position += Character.charCount(text.codePointAt(position));
			}
			return position;
		}

		/** ASCII, Arabic-Indic, extended Arabic-Indic, Devanagari and full-width digits, as Druid. */
		private static boolean isDigit(int c) {
			return digitValue(c) >= 0;
		}

		private static int digitValue(int c) {
			for (int zero : new int[] { '0', '\u0660', '\u06F0', '\u0966', '\uFF10' }) {
				if (c >= zero && c <= zero + 9) {
					return c - zero;
				}
			}
			return -1;
		}

	}

}
