package io.strata.engine.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object from UTF-8 bytes into a field map. Written by hand for ingestion speed:
 * it works on the bytes of a line without a tokenizer object per row, makes ASCII strings with
 * one copy and reuses the key strings it has seen. Numbers without fraction or exponent that fit
 * a long become {@link Long}, other numbers {@link Double}. Not thread-safe: one per reading thread.
 */
public final class JsonRecordParser {

	private static final int KEY_CACHE_SIZE = 256;

	private final byte[][] cachedKeyBytes = new byte[KEY_CACHE_SIZE][];

	private final String[] cachedKeys = new String[KEY_CACHE_SIZE];

	private static final int VALUE_CACHE_SIZE = 16384;

	private static final int MAX_CACHED_VALUE_LENGTH = 20;

	/**
	 * Recently seen short values (API names, account ids, regions...): handing back the same
	 * String instance saves an allocation and lets the dictionary lookup use its cached hash.
	 */
	private final byte[][] cachedValueBytes = new byte[VALUE_CACHE_SIZE][];

	private final String[] cachedValues = new String[VALUE_CACHE_SIZE];

	/** Deeper nesting is refused: a row is not a tree, and recursion must not overflow the stack. */
	static final int MAX_DEPTH = 64;

	private int depth;

	private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
		.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);

	private byte[] input;

	private int position;

	private int end;

	private final StringBuilder scratch = new StringBuilder();

	/**
	 * @return the fields of the object, in input order
	 * @throws IllegalArgumentException naming the byte offset of the first error
	 */
	public Map<String, Object> parse(byte[] bytes, int offset, int length) {
		this.input = bytes;
		this.position = offset;
		this.depth = 0;
		this.end = offset + length;
		int start = offset;
		try {
			skipWhitespace();
			if (this.position >= this.end || this.input[this.position] != '{') {
				throw error("expected a JSON object");
			}
			Map<String, Object> result = readObject();
			skipWhitespace();
			if (this.position != this.end) {
				throw error("unexpected characters after the object");
			}
			return result;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " at offset " + (this.position - start));
		}
		finally {
			this.input = null;
		}
	}

	public Map<String, Object> parse(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return parse(bytes, 0, bytes.length);
	}

	private Map<String, Object> readObject() {
		enter();
		this.position++;
		FieldMap fields = new FieldMap(16);
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			this.depth--;
			return fields;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a field name");
			}
			String key = readKey();
			skipWhitespace();
			if (peek() != ':') {
				throw error("expected ':' after a field name");
			}
			this.position++;
			skipWhitespace();
			fields.putInterned(key, readValue());
			skipWhitespace();
			byte next = peek();
			this.position++;
			if (next == ',') {
				continue;
			}
			if (next == '}') {
				this.depth--;
				return fields;
			}
			this.position--;
			throw error("expected ',' or '}' in an object");
		}
	}

	private List<Object> readArray() {
		enter();
		this.position++;
		List<Object> values = new ArrayList<>(4);
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			this.depth--;
			return values;
		}
		while (true) {
			skipWhitespace();
			values.add(readValue());
			skipWhitespace();
			byte next = peek();
			this.position++;
			if (next == ',') {
				continue;
			}
			if (next == ']') {
				this.depth--;
				return values;
			}
			this.position--;
			throw error("expected ',' or ']' in an array");
		}
	}

	private Object readValue() {
		byte c = peek();
		return switch (c) {
			case '"' -> readString();
			case '{' -> readObject();
			case '[' -> readArray();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) {
					yield readNumber();
				}
				throw error("unexpected character");
			}
		};
	}

	private Object literal(String word, Object value) {
		if (this.position + word.length() > this.end) {
			throw error("truncated literal");
		}
		for (int i = 0; i < word.length(); i++) {
			if (this.input[this.position + i] != word.charAt(i)) {
				throw error("unknown literal");
			}
		}
		this.position += word.length();
		return value;
	}

	private Object readNumber() {
		int start = this.position;
		boolean negative = peek() == '-';
		if (negative) {
			this.position++;
		}
		int digitsStart = this.position;
		long value = 0;
		boolean overflow = false;
		while (this.position < this.end) {
			byte c = this.input[this.position];
			if (c < '0' || c > '9') {
				break;
			}
			int digit = c - '0';
			if (value > (Long.MAX_VALUE - digit) / 10) {
				overflow = true;
			}
			value = value * 10 + digit;
			this.position++;
		}
		int digits = this.position - digitsStart;
		if (digits == 0) {
			throw error("a number needs digits");
		}
		if (digits > 1 && this.input[digitsStart] == '0') {
			throw error("a number may not have leading zeros");
		}
		boolean floating = false;
		if (this.position < this.end && this.input[this.position] == '.') {
			floating = true;
			this.position++;
			int fractionStart = this.position;
			skipDigits();
			if (this.position == fractionStart) {
				throw error("a fraction needs digits");
			}
		}
		if (this.position < this.end && (this.input[this.position] == 'e' || this.input[this.position] == 'E')) {
			floating = true;
			this.position++;
			if (this.position < this.end && (this.input[this.position] == '+' || this.input[this.position] == '-')) {
				this.position++;
			}
			int exponentStart = this.position;
			skipDigits();
			if (this.position == exponentStart) {
				throw error("an exponent needs digits");
			}
		}
		if (!floating && !overflow) {
			return negative ? -value : value;
		}
		if (!floating && negative && digits == 19) {
			String text = new String(this.input, start, this.position - start, StandardCharsets.ISO_8859_1);
			if (text.equals("-9223372036854775808")) {
				return Long.MIN_VALUE;
			}
		}
		return Double.parseDouble(new String(this.input, start, this.position - start, StandardCharsets.ISO_8859_1));
	}

	private void skipDigits() {
		while (this.position < this.end && this.input[this.position] >= '0' && this.input[this.position] <= '9') {
			this.position++;
		}
	}

	private String readKey() {
		int start = this.position + 1;
		int scan = start;
		int hash = 0;
		while (scan < this.end) {
			byte c = this.input[scan];
			if (c == '"') {
				break;
			}
			if (c == '\\' || c < 0x20) {
				// escapes, non-ASCII and control characters: the general string path checks them
				return readString().intern();
			}
			hash = 31 * hash + c;
			scan++;
		}
		if (scan >= this.end) {
			throw error("unterminated string");
		}
		int length = scan - start;
		int slot = (hash ^ (hash >>> 16)) & (KEY_CACHE_SIZE - 1);
		byte[] cached = this.cachedKeyBytes[slot];
		if (cached != null && java.util.Arrays.equals(cached, 0, cached.length, this.input, start, scan)) {
			this.position = scan + 1;
			return this.cachedKeys[slot];
		}
		// interned so that lookups by the schema's (interned) field names match by identity
		String key = new String(this.input, start, length, StandardCharsets.ISO_8859_1).intern();
		this.cachedKeyBytes[slot] = java.util.Arrays.copyOfRange(this.input, start, scan);
		this.cachedKeys[slot] = key;
		this.position = scan + 1;
		return key;
	}

	private String readString() {
		int start = this.position + 1;
		int scan = start;
		boolean ascii = true;
		int hash = 0;
		while (scan < this.end) {
			byte c = this.input[scan];
			if (c == '"') {
				this.position = scan + 1;
				int length = scan - start;
				if (ascii && length <= MAX_CACHED_VALUE_LENGTH) {
					return cachedValue(start, scan, hash);
				}
				return ascii ? new String(this.input, start, length, StandardCharsets.ISO_8859_1)
						: decodeUtf8(start, scan);
			}
			hash = 31 * hash + c;
			if (c == '\\') {
				return readEscapedString(start);
			}
			if (c >= 0 && c < 0x20) {
				this.position = scan;
				throw error("control character in a string");
			}
			if (c < 0) {
				ascii = false;
			}
			scan++;
		}
		this.position = scan;
		throw error("unterminated string");
	}

	private String cachedValue(int start, int end, int hash) {
		int slot = (hash ^ (hash >>> 14)) & (VALUE_CACHE_SIZE - 1);
		byte[] cached = this.cachedValueBytes[slot];
		if (cached != null && java.util.Arrays.equals(cached, 0, cached.length, this.input, start, end)) {
			return this.cachedValues[slot];
		}
		String value = new String(this.input, start, end - start, StandardCharsets.ISO_8859_1);
		this.cachedValueBytes[slot] = java.util.Arrays.copyOfRange(this.input, start, end);
		this.cachedValues[slot] = value;
		return value;
	}

	private String readEscapedString(int start) {
		StringBuilder out = this.scratch;
		out.setLength(0);
		int scan = start;
		int chunkStart = start;
		while (scan < this.end) {
			byte c = this.input[scan];
			if (c == '"') {
				appendUtf8(out, chunkStart, scan);
				this.position = scan + 1;
				return out.toString();
			}
			if (c >= 0 && c < 0x20) {
				this.position = scan;
				throw error("control character in a string");
			}
			if (c != '\\') {
				scan++;
				continue;
			}
			appendUtf8(out, chunkStart, scan);
			if (scan + 1 >= this.end) {
				break;
			}
			byte escaped = this.input[scan + 1];
			scan += 2;
			switch (escaped) {
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				case '/' -> out.append('/');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (scan + 4 > this.end) {
						this.position = scan;
						throw error("truncated unicode escape");
					}
					int code = 0;
					for (int i = 0; i < 4; i++) {
						int digit = Character.digit(this.input[scan + i], 16);
						if (digit < 0) {
							this.position = scan;
							throw error("bad unicode escape");
						}
						code = code * 16 + digit;
					}
					out.append((char) code);
					scan += 4;
				}
				default -> {
					this.position = scan - 1;
					throw error("unknown escape");
				}
			}
			chunkStart = scan;
		}
		this.position = scan;
		throw error("unterminated string");
	}

	private void appendUtf8(StringBuilder out, int from, int to) {
		if (to > from) {
			out.append(decodeUtf8(from, to));
		}
	}

	private void skipWhitespace() {
		while (this.position < this.end) {
			byte c = this.input[this.position];
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
				return;
			}
			this.position++;
		}
	}

	private byte peek() {
		if (this.position >= this.end) {
			throw error("unexpected end of input");
		}
		return this.input[this.position];
	}

	private void enter() {
		if (++this.depth > MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	/** Strict UTF-8: invalid bytes reject the row rather than turn into U+FFFD. */
	private String decodeUtf8(int from, int to) {
		try {
			return this.utf8.reset().decode(java.nio.ByteBuffer.wrap(this.input, from, to - from)).toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			this.position = from;
			throw error("invalid UTF-8 in a string");
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("malformed JSON: " + message);
	}

}
