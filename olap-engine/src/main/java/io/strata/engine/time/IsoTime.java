package io.strata.engine.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Hand-rolled ISO-8601 parsing and formatting of instants (in UTC, or as local time with an
 * offset). Ingestion parses one timestamp per input row, and {@link
 * java.time.format.DateTimeFormatter} costs several times the rest of the row; this covers the
 * forms Druid accepts and is checked against java.time in tests.
 */
public final class IsoTime {

	private static final long MILLIS_PER_DAY = 86_400_000L;

	private IsoTime() {
	}

	/**
	 * Parses {@code yyyy-MM-dd[THH[:mm[:ss[.fraction]]]][Z|±hh[:mm]]}; an absent zone means UTC.
	 * Also accepts a space instead of {@code T} and a leading sign on the year.
	 * @return epoch milliseconds
	 * @throws IllegalArgumentException naming what is wrong, never the text itself
	 */
	public static long parse(CharSequence text) {
		int length = text.length();
		int position = 0;
		int sign = 1;
		if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
			sign = text.charAt(0) == '-' ? -1 : 1;
			position++;
		}
		int yearStart = position;
		while (position < length && isDigit(text.charAt(position))) {
			position++;
		}
		int yearDigits = position - yearStart;
		if (yearDigits < 4 || yearDigits > 9) {
			throw new IllegalArgumentException("year must have 4 to 9 digits");
		}
		long year = sign * digits(text, yearStart, yearDigits);
		// reduced precision, as ISO 8601 and Druid allow: "2026" and "2026-10" are their first day
		int month = 1;
		int day = 1;
		if (position < length) {
			position = expect(text, position, '-', "'-' after the year");
			month = twoDigits(text, position, "month");
			position += 2;
			if (position < length) {
				position = expect(text, position, '-', "'-' after the month");
				day = twoDigits(text, position, "day");
				position += 2;
			}
		}
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("month out of range");
		}
		if (day < 1 || day > daysInMonth(year, month)) {
			throw new IllegalArgumentException("day out of range");
		}
		int hour = 0;
		int minute = 0;
		int second = 0;
		long nanos = 0;
		if (position < length && (text.charAt(position) == 'T' || text.charAt(position) == 't'
				|| text.charAt(position) == ' ')) {
			position++;
			hour = twoDigits(text, position, "hour");
			position += 2;
			if (position < length && text.charAt(position) == ':') {
				minute = twoDigits(text, position + 1, "minute");
				position += 3;
				if (position < length && text.charAt(position) == ':') {
					second = twoDigits(text, position + 1, "second");
					position += 3;
					if (position < length && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
						position++;
						int fractionStart = position;
						while (position < length && isDigit(text.charAt(position))) {
							position++;
						}
						int fractionDigits = position - fractionStart;
						if (fractionDigits == 0 || fractionDigits > 9) {
							throw new IllegalArgumentException("fraction of a second must have 1 to 9 digits");
						}
						nanos = digits(text, fractionStart, fractionDigits);
						for (int i = fractionDigits; i < 9; i++) {
							nanos *= 10;
						}
					}
				}
			}
			if (hour > 23 || minute > 59 || second > 59) {
				throw new IllegalArgumentException("time of day out of range");
			}
		}
		long offsetMillis = 0;
		if (position < length) {
			char zone = text.charAt(position);
			if (zone == 'Z' || zone == 'z') {
				position++;
			}
			else if (zone == '+' || zone == '-') {
				int offsetSign = zone == '-' ? -1 : 1;
				int offsetHours = twoDigits(text, position + 1, "zone offset hours");
				position += 3;
				int offsetMinutes = 0;
				boolean colon = position < length && text.charAt(position) == ':';
				if (colon) {
					position++;
				}
				if (colon || position < length) {
					offsetMinutes = twoDigits(text, position, "zone offset minutes");
					position += 2;
				}
				if (offsetHours > 18 || offsetMinutes > 59) {
					throw new IllegalArgumentException("zone offset out of range");
				}
				offsetMillis = offsetSign * (offsetHours * 3_600_000L + offsetMinutes * 60_000L);
			}
			if (position != length) {
				throw new IllegalArgumentException("unexpected characters after the time");
			}
		}
		long epochDay = epochDay(year, month, day);
		try {
			// years of up to 9 digits are accepted, but only about +-292 million fit in epoch millis
			return Math.addExact(Math.multiplyExact(epochDay, MILLIS_PER_DAY), hour * 3_600_000L + minute * 60_000L
					+ second * 1000L + nanos / 1_000_000L - offsetMillis);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("time is out of the range of epoch milliseconds");
		}
	}

	/** Formats as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always with milliseconds, as Druid does. */
	public static String format(long epochMillis) {
		StringBuilder out = new StringBuilder(24);
		appendTo(out, epochMillis);
		return out.toString();
	}

	/**
	 * Formats as the local time in {@code zone} with its offset ({@code 2026-10-01T00:00:00.000-07:00}),
	 * as Druid prints a Joda time in a zone; a zero offset prints as {@code Z}.
	 */
	public static String format(long epochMillis, ZoneId zone) {
		int offsetSeconds = zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
		StringBuilder out = new StringBuilder(29);
		appendLocal(out, epochMillis + offsetSeconds * 1000L);
		if (offsetSeconds == 0) {
			out.append('Z');
			return out.toString();
		}
		int magnitude = Math.abs(offsetSeconds);
		out.append(offsetSeconds < 0 ? '-' : '+');
		pad(out, magnitude / 3600, 2);
		out.append(':');
		pad(out, magnitude / 60 % 60, 2);
		if (magnitude % 60 != 0) {
			// historical local mean times have offsets in seconds, which Joda prints too
			out.append(':');
			pad(out, magnitude % 60, 2);
		}
		return out.toString();
	}

	public static void appendTo(StringBuilder out, long epochMillis) {
		appendLocal(out, epochMillis);
		out.append('Z');
	}

	/** Appends {@code yyyy-MM-ddTHH:mm:ss.SSS} of a wall-clock time counted like epoch millis. */
	private static void appendLocal(StringBuilder out, long epochMillis) {
		long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
		long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
		// civil-from-days (proleptic Gregorian), valid over the whole long range Druid uses.
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long year = yearOfEra + era * 400;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long mp = (5 * dayOfYear + 2) / 153;
		long day = dayOfYear - (153 * mp + 2) / 5 + 1;
		long month = mp < 10 ? mp + 3 : mp - 9;
		if (month <= 2) {
			year++;
		}
		if (year < 0) {
			out.append('-');
			pad(out, -year, 4);
		}
		else if (year > 9999) {
			out.append('+');
			out.append(year);
		}
		else {
			pad(out, year, 4);
		}
		out.append('-');
		pad(out, month, 2);
		out.append('-');
		pad(out, day, 2);
		out.append('T');
		pad(out, millisOfDay / 3_600_000L, 2);
		out.append(':');
		pad(out, millisOfDay / 60_000L % 60, 2);
		out.append(':');
		pad(out, millisOfDay / 1000L % 60, 2);
		out.append('.');
		pad(out, millisOfDay % 1000L, 3);
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date. */
	public static long epochDay(long year, int month, int day) {
		long y = month <= 2 ? year - 1 : year;
		long era = Math.floorDiv(y, 400);
		long yearOfEra = y - era * 400;
		long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	static int daysInMonth(long year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static void pad(StringBuilder out, long value, int width) {
		String digits = Long.toString(value);
		for (int i = digits.length(); i < width; i++) {
			out.append('0');
		}
		out.append(digits);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static long digits(CharSequence text, int start, int count) {
		long value = 0;
		for (int i = start; i < start + count; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static int twoDigits(CharSequence text, int position, String what) {
		if (position + 2 > text.length() || !isDigit(text.charAt(position)) || !isDigit(text.charAt(position + 1))) {
			throw new IllegalArgumentException(what + " must be two digits");
		}
		return (text.charAt(position) - '0') * 10 + (text.charAt(position + 1) - '0');
	}

	private static int expect(CharSequence text, int position, char c, String what) {
		if (position >= text.length() || text.charAt(position) != c) {
			throw new IllegalArgumentException("expected " + what);
		}
		return position + 1;
	}

}
