package io.strata.engine.expr;

/**
 * Recognises number text without throwing, so that reading many non-numeric strings as numbers
 * stays cheap: {@code [+-]digits} is a long; {@code [+-]digits[.digits][e[+-]digits]} (or with a
 * leading dot), {@code NaN} and {@code [+-]Infinity} are doubles.
 */
final class NumberText {

	private NumberText() {
	}

	static boolean isLong(String text) {
		int start = text.length() > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
		if (start == text.length()) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	static boolean isDouble(String text) {
		int length = text.length();
		int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
		if (text.startsWith("NaN", i) && length == 3 && i == 0) {
			return true;
		}
		if (text.startsWith("Infinity", i) && length == i + 8) {
			return true;
		}
		int digits = 0;
		while (i < length && isDigit(text.charAt(i))) {
			i++;
			digits++;
		}
		if (i < length && text.charAt(i) == '.') {
			i++;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			i++;
			if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
				i++;
			}
			int exponentDigits = 0;
			while (i < length && isDigit(text.charAt(i))) {
				i++;
				exponentDigits++;
			}
			if (exponentDigits == 0) {
				return false;
			}
		}
		return i == length;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
