package io.strata.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 record splitter for tests: fields separated by commas, optionally quoted with doubled quotes
 * inside. Reports whether each field was quoted, so tests can check the quoting rules as well as the values.
 */
final class TestingCsv {

    record Field(String value, boolean quoted) {
    }

    private TestingCsv() {
    }

    /** Splits one record; the line must not include its line break unless a quoted field holds one. */
    static List<Field> parseRecord(String line) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder value = new StringBuilder();
            boolean quoted = i < line.length() && line.charAt(i) == '"';
            if (quoted) {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quoted field in: " + line);
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        }
                        else {
                            break;
                        }
                    }
                    else {
                        value.append(c);
                    }
                }
            }
            else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"' || c == '\n' || c == '\r') {
                        throw new IllegalArgumentException("unquoted field holds [" + c + "] in: " + line);
                    }
                    value.append(c);
                }
            }
            fields.add(new Field(value.toString(), quoted));
            if (i == line.length()) {
                return fields;
            }
            if (line.charAt(i) != ',') {
                throw new IllegalArgumentException("expected a comma at position[" + i + "] in: " + line);
            }
            i++;
        }
    }
}
