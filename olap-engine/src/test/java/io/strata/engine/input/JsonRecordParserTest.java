package io.strata.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Differential test of the hand-written NDJSON parser against Jackson. */
class JsonRecordParserTest {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	private static final long[] INTERESTING_LONGS = { 0, 1, -1, 9, 10, Long.MAX_VALUE, Long.MIN_VALUE,
			Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 53, -(1L << 53) - 1,
			922_337_203_685_477_580L, 1_000_000_000_000_000_000L };

	private static final String[] INTERESTING_NUMBERS = { "-0", "-0.0", "0.0", "1e5", "1E-5", "-1.5e+300", "2.5E-320",
			"9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
			"0.1", "3.141592653589793", "1.7976931348623157e308", "4.9e-324", "100000000000000000000.0", "-12.50e2",
			"0e0", "0.000001" };

	/**
	 * Jackson 3 reads the hex digits of a unicode escape through {@code & 0xFF}, so a damaged
	 * escape followed by a non-ASCII character (U+B235 ends in 0x35, a '5') passes there as a
	 * digit; such inputs are no reference and are skipped.
	 */
	private static final java.util.regex.Pattern JACKSON_HEX_QUIRK = java.util.regex.Pattern
		.compile("\\\\u[0-9a-fA-F]{0,3}[^\\x00-\\x7f]");

	private final JsonRecordParser parser = new JsonRecordParser();

	@Test
	void agreesWithJacksonOnGeneratedObjects() {
		SplittableRandom random = new SplittableRandom(1234);
		for (int i = 0; i < 20_000; i++) {
			String json = randomObject(random, 0);
			assertThat(parser.parse(json)).as(json).isEqualTo(jackson(json));
		}
	}

	@Test
	void parsesWithinALargerBufferAtAnOffset() {
		SplittableRandom random = new SplittableRandom(99);
		for (int i = 0; i < 2_000; i++) {
			String json = randomObject(random, 0);
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			byte[] padded = new byte[bytes.length + 20];
			java.util.Arrays.fill(padded, (byte) '{');
			System.arraycopy(bytes, 0, padded, 7, bytes.length);
			assertThat(parser.parse(padded, 7, bytes.length)).isEqualTo(jackson(json));
		}
	}

	@Test
	void numbersBecomeLongsOrDoublesLikeJackson() {
		for (long value : INTERESTING_LONGS) {
			String json = "{\"n\":" + value + "}";
			assertThat(parser.parse(json).get("n")).as(json).isEqualTo(value);
		}
		for (String number : INTERESTING_NUMBERS) {
			String json = "{\"n\":" + number + "}";
			assertThat(parser.parse(json)).as(json).isEqualTo(jackson(json));
		}
		assertThat(parser.parse("{\"n\":-0}").get("n")).isEqualTo(0L);
		assertThat(parser.parse("{\"n\":-0.0}").get("n")).isEqualTo(-0.0d);
		assertThat(parser.parse("{\"n\":-9223372036854775808}").get("n")).isEqualTo(Long.MIN_VALUE);
		assertThat(parser.parse("{\"n\":9223372036854775808}").get("n")).isEqualTo(9.223372036854775808E18);
	}

	@Test
	void decodesEscapesAndUnicode() {
		Map<String, Object> fields = parser
			.parse("{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"b\":\"\\u00e9\\u4e2d\\uD83D\\uDE00\",\"c\":\"é中😀\",\"é\":1,"
					+ "\"k\\u0065y\":2}");
		assertThat(fields).containsEntry("a", "\"\\/\b\f\n\r\t")
			.containsEntry("b", "é中😀")
			.containsEntry("c", "é中😀")
			.containsEntry("é", 1L)
			.containsEntry("key", 2L);
	}

	@Test
	void keepsFieldOrderAndTheLastDuplicate() {
		Map<String, Object> fields = parser.parse("{\"z\":1,\"a\":2,\"m\":3,\"a\":4}");
		assertThat(fields.keySet()).containsExactly("z", "a", "m");
		assertThat(fields).containsEntry("a", 4L);
	}

	@Test
	void cachedKeysAreNotConfusedWithOtherKeys() {
		// many distinct keys through a 256-slot cache, parsed twice in different orders
		SplittableRandom random = new SplittableRandom(5);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			keys.add("k" + Integer.toString(random.nextInt(1 << 30), 36));
		}
		for (int round = 0; round < 3; round++) {
			StringBuilder json = new StringBuilder("{");
			Map<String, Object> expected = new LinkedHashMap<>();
			for (int i = 0; i < 50; i++) {
				String key = keys.get(random.nextInt(keys.size()));
				if (expected.containsKey(key)) {
					continue;
				}
				expected.put(key, (long) i);
				json.append(expected.size() > 1 ? "," : "").append('"').append(key).append("\":").append(i);
			}
			json.append('}');
			assertThat(parser.parse(json.toString())).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "`{\"a\":1,}`|7", "`{\"a\" 1}`|5", "`{\"a\":1 \"b\":2}`|7",
			"`{\"a\":tru}`|5", "`{\"a\":01}`|7", "`{\"a\":1.}`|7", "`{\"a\":1e}`|7", "`{\"a\":-}`|6",
			"`{\"a\":\"x`|7", "`{\"a\":\"\\q\"}`|7", "`{\"a\":[1,2}`|9", "`[1]`|0", "`{\"a\":1}x`|7",
			"`{\"a\":\"\\u12G4\"}`|8", "`{\"a\":+1}`|5", "` `|1", "`{`|1", "`{\"a\":\"\\u12`|8" })
	void malformedInputNamesTheOffset(String json, int offset) {
		assertThatThrownBy(() -> parser.parse(json)).as(json)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("malformed JSON: ")
			.hasMessageEndingWith(" at offset " + offset);
	}

	@Test
	void everyTruncationOrSmallDamageIsRejectedExactlyWhenJacksonRejectsIt() {
		SplittableRandom random = new SplittableRandom(77);
		// no control characters: a raw one inside a key is the separate case below
		String alphabet = "{}[]\":,\\ -+.0123456789eEtruefalsnuU";
		List<String> disagreements = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			String json = randomObject(random, 0);
			for (int cut = 0; cut < json.length(); cut += 1 + json.length() / 17) {
				String prefix = json.substring(0, cut);
				assertThatThrownBy(() -> parser.parse(prefix)).isInstanceOf(IllegalArgumentException.class);
			}
			// damage whole code points, so that no surrogate pair is split
			List<Integer> codePoints = new ArrayList<>(json.codePoints().boxed().toList());
			int at = random.nextInt(codePoints.size());
			int replacement = alphabet.charAt(random.nextInt(alphabet.length()));
			switch (random.nextInt(3)) {
				case 0 -> codePoints.remove(at);
				case 1 -> codePoints.add(at, replacement);
				default -> codePoints.set(at, replacement);
			}
			StringBuilder damaged = new StringBuilder();
			codePoints.forEach(damaged::appendCodePoint);
			String text = damaged.toString();
			if (JACKSON_HEX_QUIRK.matcher(text).find()) {
				continue;
			}
			Map<String, Object> expected;
			try {
				expected = jackson(text);
			}
			catch (JacksonException | IllegalStateException ex) {
				expected = null;
			}
			Map<String, Object> actual;
			try {
				actual = parser.parse(text);
			}
			catch (IllegalArgumentException ex) {
				actual = null;
			}
			if (!java.util.Objects.equals(actual, expected)) {
				disagreements.add(text);
			}
		}
		assertThat(disagreements.stream().map(JsonRecordParserTest::visible).toList()).isEmpty();
	}

	@Test
	void controlCharactersMustBeEscapedInKeysToo() {
		assertThatThrownBy(() -> parser.parse("{\"a\u0001\":1}")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> parser.parse("{\"a\":\"x\ny\"}")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deepNestingIsRejectedNotAStackOverflow() {
		// one hostile line must be a rejected row, not an Error that kills the ingestion thread
		String json = "{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
		assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void invalidUtf8IsRejected() {
		byte[] bytes = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		assertThatThrownBy(() -> parser.parse(bytes, 0, bytes.length)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void parserIsReusableAfterAnError() {
		assertThatThrownBy(() -> parser.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
		assertThat(parser.parse("{\"a\":1}")).containsEntry("a", 1L);
	}

	/** The text with control and non-ASCII characters as escapes, so a failure message stays readable. */
	private static String visible(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("<%04x>", (int) c));
		}
		return out.toString();
	}

	// ---- generation ----

	private static String randomObject(SplittableRandom random, int depth) {
		StringBuilder out = new StringBuilder();
		appendObject(out, random, depth);
		return out.toString();
	}

	private static void appendObject(StringBuilder out, SplittableRandom random, int depth) {
		out.append('{').append(space(random));
		int fields = random.nextInt(depth == 0 ? 12 : 5);
		List<String> used = new ArrayList<>();
		for (int i = 0; i < fields; i++) {
			String key = randomText(random, depth == 0 && random.nextInt(3) > 0);
			if (used.contains(key)) {
				continue;
			}
			if (!used.isEmpty()) {
				out.append(',').append(space(random));
			}
			used.add(key);
			appendString(out, key, random);
			out.append(space(random)).append(':').append(space(random));
			appendValue(out, random, depth + 1);
			out.append(space(random));
		}
		out.append('}');
	}

	private static void appendValue(StringBuilder out, SplittableRandom random, int depth) {
		int kind = random.nextInt(depth > 4 ? 6 : 8);
		switch (kind) {
			case 0 -> appendString(out, randomText(random, false), random);
			case 1 -> out.append(INTERESTING_LONGS[random.nextInt(INTERESTING_LONGS.length)]);
			case 2 -> out.append(random.nextLong(-1_000_000, 1_000_000));
			case 3 -> out.append(randomDouble(random));
			case 4 -> out.append(new String[] { "true", "false", "null" }[random.nextInt(3)]);
			case 5 -> out.append(INTERESTING_NUMBERS[random.nextInt(INTERESTING_NUMBERS.length)]);
			case 6 -> appendObject(out, random, depth);
			default -> {
				out.append('[').append(space(random));
				int size = random.nextInt(5);
				for (int i = 0; i < size; i++) {
					if (i > 0) {
						out.append(',').append(space(random));
					}
					appendValue(out, random, depth + 1);
				}
				out.append(space(random)).append(']');
			}
		}
	}

	private static String randomDouble(SplittableRandom random) {
		double value = switch (random.nextInt(3)) {
			case 0 -> random.nextDouble(-1e6, 1e6);
			case 1 -> Double.longBitsToDouble(random.nextLong()) ;
			default -> random.nextInt(1000) / 8.0;
		};
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			value = 0.5;
		}
		String text = Double.toString(value);
		if (random.nextBoolean() && !text.contains("E")) {
			text = text + "e" + (random.nextInt(21) - 10);
		}
		return text;
	}

	/** Text mixing ASCII, characters that need escapes, BMP characters and surrogate pairs. */
	private static String randomText(SplittableRandom random, boolean asciiKey) {
		int length = random.nextInt(asciiKey ? 1 : 0, 12);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			if (asciiKey) {
				text.append((char) random.nextInt('a', 'z' + 1));
				continue;
			}
			int codePoint = switch (random.nextInt(6)) {
				case 0 -> random.nextInt(0, 0x20);
				case 1 -> "\"\\/".charAt(random.nextInt(3));
				case 2 -> random.nextInt(0x80, 0x800);
				case 3 -> {
					int c = random.nextInt(0x800, 0x10000);
					yield Character.isSurrogate((char) c) ? 0x4e2d : c;
				}
				case 4 -> random.nextInt(0x10000, 0x110000);
				default -> random.nextInt(0x20, 0x7f);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static void appendString(StringBuilder out, String text, SplittableRandom random) {
		out.append('"');
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int codePoint = text.codePointAt(i);
			boolean mustEscape = codePoint < 0x20 || codePoint == '"' || codePoint == '\\';
			if (!mustEscape && random.nextInt(8) != 0) {
				out.appendCodePoint(codePoint);
				continue;
			}
			switch (codePoint) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '/' -> out.append(random.nextBoolean() ? "\\/" : "/");
				default -> {
					// a supplementary character is escaped as its surrogate pair
					for (char c : Character.toChars(codePoint)) {
						out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
					}
				}
			}
		}
		out.append('"');
	}

	private static String space(SplittableRandom random) {
		return switch (random.nextInt(10)) {
			case 0 -> " ";
			case 1 -> "\t ";
			case 2 -> "\r\n  ";
			default -> "";
		};
	}

	// ---- Jackson as the reference ----

	private static Map<String, Object> jackson(String json) {
		JsonNode node = JACKSON.readTree(json);
		if (node == null || !node.isObject()) {
			throw new IllegalStateException("not an object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) toJava(node);
		return fields;
	}

	private static Object toJava(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				fields.put(entry.getKey(), toJava(entry.getValue()));
			}
			return fields;
		}
		if (node.isArray()) {
			List<Object> values = new ArrayList<>();
			for (JsonNode element : node.values()) {
				values.add(toJava(element));
			}
			return values;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.bigIntegerValue().doubleValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		throw new IllegalStateException("unexpected node " + node.getNodeType());
	}

}
