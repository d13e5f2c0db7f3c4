package io.strata.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that the NDJSON and CSV writers render lines into, with the encoders they need written by
 * hand: JSON and CSV escaping straight to UTF-8, decimal numbers, and ISO-8601 timestamps with a cached date part
 * (timestamps arrive in order, so the date rarely changes). Reused across lines; one thread at a time.
 */
final class Utf8Buffer {

    private static final long DAY_MILLIS = 86_400_000L;

    private static final String HEX_DIGITS = "0123456789abcdef";

    private byte[] bytes;

    private int length;

    // "yyyy-MM-ddT" of cachedDay.
    private final byte[] datePrefix = new byte[11];

    private long cachedDay = Long.MIN_VALUE;

    Utf8Buffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void ensureRoom(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    Utf8Buffer ascii(char c) {
        ensureRoom(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** For literals the caller knows to be ASCII, such as JSON keys. */
    Utf8Buffer ascii(String text) {
        int n = text.length();
        ensureRoom(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Buffer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensureRoom(20);
        long rest = value;
        if (rest < 0) {
            bytes[length++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    /** {@code 2026-10-01T00:00:00.123Z}: always milliseconds, unlike {@link java.time.Instant#toString()}. */
    Utf8Buffer isoTimestamp(long millis) {
        long day = Math.floorDiv(millis, DAY_MILLIS);
        if (day != cachedDay) {
            cacheDate(day, millis);
        }
        ensureRoom(24);
        System.arraycopy(datePrefix, 0, bytes, length, datePrefix.length);
        length += datePrefix.length;
        int millisOfDay = (int) Math.floorMod(millis, DAY_MILLIS);
        twoDigits(millisOfDay / 3_600_000);
        bytes[length++] = ':';
        twoDigits(millisOfDay / 60_000 % 60);
        bytes[length++] = ':';
        twoDigits(millisOfDay / 1_000 % 60);
        bytes[length++] = '.';
        int fraction = millisOfDay % 1_000;
        bytes[length++] = (byte) ('0' + fraction / 100);
        twoDigits(fraction % 100);
        bytes[length++] = 'Z';
        return this;
    }

    private void twoDigits(int value) {
        bytes[length++] = (byte) ('0' + value / 10);
        bytes[length++] = (byte) ('0' + value % 10);
    }

    /** Civil date from epoch day, after Howard Hinnant's {@code civil_from_days}. */
    private void cacheDate(long day, long millis) {
        long shifted = day + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long dayOfMonth = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9_999) {
            throw new IllegalArgumentException(
                    "timestampMillis[%d] is outside the years 0000 to 9999".formatted(millis));
        }
        int y = (int) year;
        datePrefix[0] = (byte) ('0' + y / 1_000);
        datePrefix[1] = (byte) ('0' + y / 100 % 10);
        datePrefix[2] = (byte) ('0' + y / 10 % 10);
        datePrefix[3] = (byte) ('0' + y % 10);
        datePrefix[4] = '-';
        datePrefix[5] = (byte) ('0' + month / 10);
        datePrefix[6] = (byte) ('0' + month % 10);
        datePrefix[7] = '-';
        datePrefix[8] = (byte) ('0' + dayOfMonth / 10);
        datePrefix[9] = (byte) ('0' + dayOfMonth % 10);
        datePrefix[10] = 'T';
        cachedDay = day;
    }

    /** A quoted JSON string (RFC 8259): quote, backslash and control characters escaped, the rest as UTF-8. */
    Utf8Buffer jsonString(String text) {
        int n = text.length();
        // Worst case: every char becomes a six-byte backslash-u escape.
        ensureRoom(n * 6 + 2);
        bytes[length++] = '"';
        // Generated values are plain ASCII: copy them in a tight loop over locals, leaving the rest to the slow path.
        byte[] target = bytes;
        int position = length;
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            target[position++] = (byte) c;
        }
        length = position;
        if (i < n) {
            jsonEscaped(text, i);
        }
        bytes[length++] = '"';
        return this;
    }

    private void jsonEscaped(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escape('"');
                case '\\' -> escape('\\');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                case '\t' -> escape('t');
                case '\b' -> escape('b');
                case '\f' -> escape('f');
                default -> {
                    if (c >= 0x20 && c < 0x80) {
                        bytes[length++] = (byte) c;
                    }
                    else if (c < 0x20 || isLoneSurrogate(text, i)) {
                        // A lone surrogate has no UTF-8 form; the escape keeps the JSON valid and the value intact.
                        unicodeEscape(c);
                    }
                    else {
                        i = utf8(text, i);
                    }
                }
            }
        }
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    private void unicodeEscape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = (byte) HEX_DIGITS.charAt(c >>> 12);
        bytes[length++] = (byte) HEX_DIGITS.charAt((c >>> 8) & 0xf);
        bytes[length++] = (byte) HEX_DIGITS.charAt((c >>> 4) & 0xf);
        bytes[length++] = (byte) HEX_DIGITS.charAt(c & 0xf);
    }

    /**
     * A CSV field (RFC 4180) in UTF-8: quoted, with quotes doubled, when it holds a comma, quote or line break, or when
     * the caller asks. Lone surrogates become '?', as in {@link String#getBytes}.
     */
    Utf8Buffer csvField(String text, boolean alwaysQuote) {
        int n = text.length();
        boolean quote = alwaysQuote;
        for (int i = 0; i < n && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        // Worst case: three bytes per char, or a doubled quote, plus the enclosing quotes.
        ensureRoom(n * 3 + 2);
        if (quote) {
            bytes[length++] = '"';
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    bytes[length++] = '"';
                }
                bytes[length++] = (byte) c;
            }
            else if (isLoneSurrogate(text, i)) {
                bytes[length++] = '?';
            }
            else {
                i = utf8(text, i);
            }
        }
        if (quote) {
            bytes[length++] = '"';
        }
        return this;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /**
     * Encodes the non-ASCII char at {@code i}, or the surrogate pair starting there, which must not be a lone
     * surrogate. Returns the index of the last char consumed.
     */
    private int utf8(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xc0 | (c >>> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3f));
            return i;
        }
        if (!Character.isHighSurrogate(c)) {
            bytes[length++] = (byte) (0xe0 | (c >>> 12));
            bytes[length++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
            bytes[length++] = (byte) (0x80 | (c & 0x3f));
            return i;
        }
        int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
        bytes[length++] = (byte) (0xf0 | (codePoint >>> 18));
        bytes[length++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3f));
        bytes[length++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3f));
        bytes[length++] = (byte) (0x80 | (codePoint & 0x3f));
        return i + 1;
    }
}
