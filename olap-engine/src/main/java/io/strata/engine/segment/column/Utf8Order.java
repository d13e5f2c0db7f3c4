package io.strata.engine.segment.column;

import java.util.Comparator;

/**
 * Orders strings as their UTF-8 bytes compare unsigned, the order of segment dictionaries.
 * Equal to code point order; differs from {@link String#compareTo} only around surrogates.
 */
public final class Utf8Order implements Comparator<String> {

	public static final Utf8Order INSTANCE = new Utf8Order();

	private Utf8Order() {
	}

	@Override
	public int compare(String left, String right) {
		int length = Math.min(left.length(), right.length());
		for (int i = 0; i < length; i++) {
			char a = left.charAt(i);
			char b = right.charAt(i);
			if (a != b) {
				boolean surrogateA = Character.isSurrogate(a);
				boolean surrogateB = Character.isSurrogate(b);
				if (surrogateA == surrogateB) {
					return a - b;
				}
				// a surrogate (a code point above U+FFFF) sorts after every other BMP character
				return surrogateA ? 1 : -1;
			}
		}
		return left.length() - right.length();
	}

}
