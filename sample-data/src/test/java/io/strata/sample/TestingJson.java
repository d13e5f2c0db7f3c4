package io.strata.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, minimal JSON parser for tests, so that checking the writer needs no JSON library. Objects keep their key
 * order (LinkedHashMap), numbers must be integers (all the writer emits) and become {@code Long}, and anything that is
 * not one complete JSON value fails with the offending position.
 */
final class TestingJson {

    private final String text;

    private int position;

    private TestingJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        TestingJson parser = new TestingJson(text);
        Object value = parser.value();
        if (parser.position != text.length()) {
            throw parser.error("trailing characters");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield integer();
                }
                throw error("unexpected character");
            }
        };
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            String key = string();
            if (members.containsKey(key)) {
                throw error("duplicate key " + key);
            }
            expect(':');
            members.put(key, value());
            char next = next();
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> elements = new ArrayList<>();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            elements.add(value());
            char next = next();
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("raw control character in string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Long integer() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (position >= text.length() || !Character.isDigit(text.charAt(position))) {
            throw error("expected digit");
        }
        if (text.charAt(position) == '0' && position + 1 < text.length()
                && Character.isDigit(text.charAt(position + 1))) {
            throw error("leading zero");
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        return Long.parseLong(text.substring(start, position));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("bad literal");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("%s at position[%d] of: %s".formatted(problem, position, text));
    }
}
